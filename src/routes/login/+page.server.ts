// Sign in: name and password against the stored scrypt hash, throttled after repeated failures
// (throttle.ts); success starts a session in an httpOnly, SameSite=strict cookie.
import { fail, redirect } from '@sveltejs/kit';
import { createSession } from '$lib/server/auth/sessions';
import { lockedFor, recordFailure, recordSuccess } from '$lib/server/auth/throttle';
import { checkPassword, hasUsers } from '$lib/server/auth/users';
import { getDatabase } from '$lib/server/db/database';
import { safeNext, setSessionCookie } from '$lib/server/http/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!(await hasUsers(await getDatabase()))) redirect(303, '/setup');
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return { next: safeNext(url.searchParams.get('next')) };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const name = String(form.get('name') ?? '').slice(0, 100);
		const password = String(form.get('password') ?? '').slice(0, 200);
		const address = getClientAddress();
		const wait = lockedFor(name, address);
		if (wait > 0) return fail(429, { name, locked: Math.ceil(wait / 60_000) });
		const db = await getDatabase();
		const user = await checkPassword(db, name, password);
		if (!user) {
			recordFailure(name, address);
			return fail(400, { name, wrong: true });
		}
		recordSuccess(name);
		const { token, expires } = await createSession(db, user.user_id);
		setSessionCookie(cookies, url, token, expires);
		redirect(303, safeNext(String(form.get('next') ?? '')));
	}
};
