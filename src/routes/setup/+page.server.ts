// First visit to a fresh installation: create the admin account (as Metabase does), then sign in.
// The server listens on every interface, so it takes the one-time code printed on the server's
// console (setup-code.ts), always, from any address. Then, while nothing was ever loaded, the same
// page offers that admin the demo data or their own (/cargar). Otherwise it sends to /login or /.
import { fail, redirect, type Cookies } from '@sveltejs/kit';
import { identify, type Caller } from '$lib/server/auth/identify';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { forgetSetupCode, matchesSetupCode, recordSetupFailure, setupLockedFor } from '$lib/server/auth/setup-code';
import { AccountError, createUser, hasUsers } from '$lib/server/auth/users';
import { getDatabase, type Database } from '$lib/server/db/database';
import { loadDemo, neverLoaded } from '$lib/server/demo';
import { serialized } from '$lib/server/ingest/queue';
import { setSessionCookie } from '$http/session-cookie';
import type { Actions, PageServerLoad } from './$types';

let creating: Promise<unknown> = Promise.resolve();

/** The signed-in admin (session or token) calling, or null: /setup is public, so it asks itself. */
async function adminCalling(db: Database, request: Request, cookies: Cookies): Promise<Caller | null> {
	const caller = await identify(db, request.headers.get('authorization'), cookies.get(SESSION_COOKIE));
	return caller?.role === 'admin' ? caller : null;
}

export const load: PageServerLoad = async ({ request, cookies }) => {
	const db = await getDatabase();
	if (!(await hasUsers(db))) return { step: 'account' as const };
	const admin = await adminCalling(db, request, cookies);
	if (admin && (await neverLoaded(db))) return { step: 'data' as const };
	redirect(303, admin ? '/' : '/login');
};

export const actions: Actions = {
	account: async ({ request, cookies, getClientAddress }) => {
		const form = await request.formData();
		const name = String(form.get('name') ?? '').slice(0, 100);
		const password = String(form.get('password') ?? '').slice(0, 200);
		const db = await getDatabase();
		// Setup is over once an account exists: no code is asked, nobody is created.
		if (await hasUsers(db)) redirect(303, '/login');
		const address = getClientAddress();
		const wait = setupLockedFor(address);
		if (wait > 0) return fail(429, { name, field: 'code', locked: Math.ceil(wait / 60_000) });
		const code = String(form.get('code') ?? '').slice(0, 100);
		if (!matchesSetupCode(code)) {
			recordSetupFailure(address);
			return fail(403, { name, field: 'code', wrongCode: true });
		}
		// The code was right: given back so a mistyped password does not mean copying it again.
		if (password !== String(form.get('password2') ?? '')) return fail(400, { name, setupCode: code, field: 'password2', message: '' });
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
			if (error instanceof AccountError) return fail(400, { name, setupCode: code, field: error.field, code: error.code, subject: error.subject, message: error.message });
			throw error;
		}
		if (!user) redirect(303, '/login');
		forgetSetupCode();
		const { token, expires } = await createSession(db, user.user_id);
		setSessionCookie(cookies, request, token, expires);
		redirect(303, (await neverLoaded(db)) ? '/setup' : '/');
	},

	/** "Explore with sample data": the demo exports, through the ingest queue, into this server's database. */
	sample: async ({ request, cookies }) => {
		const db = await getDatabase();
		if (!(await adminCalling(db, request, cookies))) redirect(303, '/login');
		// Checked again in the queue: two clicks (or two admins) load it once, and never over real data.
		await serialized(async () => {
			if (await neverLoaded(db)) await loadDemo(db);
		});
		redirect(303, '/');
	}
};
