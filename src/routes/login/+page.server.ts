// Sign in: name and password against the stored scrypt hash, throttled after repeated failures
// (throttle.ts: the attempt is counted before the check); success starts a session in an
// httpOnly, SameSite=strict cookie, Secure when the browser came over https.
import { fail, redirect } from '@sveltejs/kit';
import { createSession } from '$lib/server/auth/sessions';
import { beginAttempt } from '$lib/server/auth/throttle';
import { checkPassword, hasUsers } from '$lib/server/auth/users';
import { getDatabase } from '$lib/server/db/database';
import { safeNext, setSessionCookie } from '$http/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!(await hasUsers(await getDatabase()))) redirect(303, '/setup');
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return { next: safeNext(url.searchParams.get('next')) };
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress }) => {
		const form = await request.formData();
		const name = String(form.get('name') ?? '').slice(0, 100);
		const password = String(form.get('password') ?? '').slice(0, 200);
		// Counted now, before any await: concurrent guesses cannot all pass the check.
		const attempt = beginAttempt(name, getClientAddress());
		if ('wait' in attempt) return fail(429, { name, locked: Math.ceil(attempt.wait / 60_000) });
		const db = await getDatabase();
		const user = await checkPassword(db, name, password);
		if (!user) return fail(400, { name, wrong: true });
		attempt.succeeded();
		const { token, expires } = await createSession(db, user.user_id);
		setSessionCookie(cookies, request, token, expires);
		redirect(303, safeNext(String(form.get('next') ?? '')));
	}
};
