// First visit to a fresh installation: create the admin account (as Metabase does), then sign in.
// Only while no account exists; afterwards this page sends to /login.
import { fail, redirect } from '@sveltejs/kit';
import { createSession } from '$lib/server/auth/sessions';
import { AccountError, createUser, hasUsers } from '$lib/server/auth/users';
import { getDatabase } from '$lib/server/db/database';
import { setSessionCookie } from '$lib/server/http/session-cookie';
import type { Actions, PageServerLoad } from './$types';

let creating: Promise<unknown> = Promise.resolve();

export const load: PageServerLoad = async () => {
	if (await hasUsers(await getDatabase())) redirect(303, '/login');
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const form = await request.formData();
		const name = String(form.get('name') ?? '').slice(0, 100);
		const password = String(form.get('password') ?? '').slice(0, 200);
		if (password !== String(form.get('password2') ?? '')) return fail(400, { name, field: 'password2', message: '' });
		const db = await getDatabase();
		// One at a time, and only while there is still no account: two first visits make one admin.
		const attempt = creating.then(async () => {
			if (await hasUsers(db)) return null;
			return createUser(db, name, password, 'admin');
		});
		creating = attempt.catch(() => undefined);
		let user;
		try {
			user = await attempt;
		} catch (error) {
			if (error instanceof AccountError) return fail(400, { name, field: error.field, code: error.code, subject: error.subject, message: error.message });
			throw error;
		}
		if (!user) redirect(303, '/login');
		const { token, expires } = await createSession(db, user.user_id);
		setSessionCookie(cookies, url, token, expires);
		redirect(303, '/');
	}
};
