// The session cookie: httpOnly (no script reads it), SameSite=strict (no other site sends it),
// Secure when the browser really came over https (request-protocol.ts: not what adapter-node
// reports, which is https for every request unless ORIGIN is set), expiring with the session.
import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { requestIsHttps } from './request-protocol';

const secure = (request: Request) => requestIsHttps(process.env, request.headers);

export function setSessionCookie(cookies: Cookies, request: Request, token: string, expires: Date): void {
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: secure(request), expires });
}

export function clearSessionCookie(cookies: Cookies, request: Request): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: secure(request) });
}

const SAFE_BASE = 'http://x.invalid';
// Browsers drop tabs and newlines inside a URL and read a backslash as `/`: `/<tab>/evil.example` is
// `//evil.example`, another host. Any control character or backslash refuses the value.
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * Where to go after signing in: a path of this site only (never another host), or '/'. The value
 * is resolved against a placeholder origin and must stay on it; the answer is the resolved path
 * (percent-encoded, so it is always a valid Location header), never protocol-relative.
 */
export function safeNext(next: string | null | undefined): string {
	if (!next || !next.startsWith('/') || next.length > 2000 || UNSAFE_CHARACTER.test(next)) return '/';
	let url: URL;
	try {
		url = new URL(next, SAFE_BASE);
	} catch {
		return '/';
	}
	const path = url.pathname + url.search + url.hash;
	return url.origin === SAFE_BASE && path.startsWith('/') && !path.startsWith('//') ? path : '/';
}
