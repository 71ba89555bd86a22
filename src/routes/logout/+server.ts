// Sign out: the session ends on the server and its cookie is removed.
import { redirect } from '@sveltejs/kit';
import { endSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { getDatabase } from '$lib/server/db/database';
import { clearSessionCookie } from '$http/session-cookie';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ cookies, request }) => {
	await endSession(await getDatabase(), cookies.get(SESSION_COOKIE));
	clearSessionCookie(cookies, request);
	redirect(303, '/login');
};
