// Headers every response of the app carries (issue 13): no other site may frame a page
// (clickjacking; also `frame-ancestors 'none'` in the Content-Security-Policy that SvelteKit sets
// on pages from svelte.config.js), browsers never guess a content type other than the one sent
// (an uploaded file shown as HTML), and other sites never see our URLs (filters, client ids) in
// a Referer. Static files are served by adapter-node before any hook runs; a redirect or error
// that a later hook throws (303 to sign-in, a refused write) is written by SvelteKit after this
// hook, without them: neither has content to frame or sniff.
import type { Handle } from '@sveltejs/kit';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-frame-options': 'DENY',
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin'
};

/** `response` with the security headers (a copy when its headers are immutable, as fetch's are). */
export function withSecurityHeaders(response: Response): Response {
	try {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
		return response;
	} catch {
		const copy = new Response(response.body, response);
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) copy.headers.set(name, value);
		return copy;
	}
}

export const securityHeaders: Handle = async ({ event, resolve }) => withSecurityHeaders(await resolve(event));
