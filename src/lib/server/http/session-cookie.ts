// The session cookie: httpOnly (no script reads it), SameSite=strict (no other site sends it),
// Secure on https, expiring with the session.
import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from '../auth/sessions';

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expires: Date): void {
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: url.protocol === 'https:', expires });
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: url.protocol === 'https:' });
}

/** Where to go after signing in: a path of this site only (never another host). */
export function safeNext(next: string | null): string {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
