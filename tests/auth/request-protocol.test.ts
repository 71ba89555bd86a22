// Whether the session cookie is Secure (issue 13 item 5): decided from how the browser really came,
// not from adapter-node's URL, which says https for every request unless ORIGIN is set.
import { describe, expect, it } from 'vitest';
import { requestIsHttps } from '../../src/http/request-protocol';

const headers = (h: Record<string, string> = {}) => new Headers(h);

describe('requestIsHttps', () => {
	it('plain adapter-node (no ORIGIN, no PROTOCOL_HEADER) serves http: never Secure, whatever the headers say', () => {
		expect(requestIsHttps({}, headers())).toBe(false);
		// A client cannot make the cookie Secure (and so lose it) by sending a header nobody trusts.
		expect(requestIsHttps({}, headers({ 'x-forwarded-proto': 'https' }))).toBe(false);
		expect(requestIsHttps({ ORIGIN: '', PROTOCOL_HEADER: '' }, headers({ 'x-forwarded-proto': 'https' }))).toBe(false);
	});

	it('ORIGIN decides when set, before any header', () => {
		expect(requestIsHttps({ ORIGIN: 'https://cartera.example.com' }, headers())).toBe(true);
		expect(requestIsHttps({ ORIGIN: 'HTTPS://cartera.example.com' }, headers())).toBe(true);
		expect(requestIsHttps({ ORIGIN: 'http://servidor:3000' }, headers())).toBe(false);
		expect(requestIsHttps({ ORIGIN: 'http://servidor:3000', PROTOCOL_HEADER: 'x-forwarded-proto' }, headers({ 'x-forwarded-proto': 'https' }))).toBe(false);
	});

	it('PROTOCOL_HEADER: the header the TLS proxy sets, named in any case', () => {
		const env = { PROTOCOL_HEADER: 'X-Forwarded-Proto' };
		expect(requestIsHttps(env, headers({ 'x-forwarded-proto': 'https' }))).toBe(true);
		expect(requestIsHttps(env, headers({ 'x-forwarded-proto': 'HTTPS' }))).toBe(true);
		expect(requestIsHttps(env, headers({ 'x-forwarded-proto': 'https, http' }))).toBe(true); // first hop is the browser's
		expect(requestIsHttps(env, headers({ 'x-forwarded-proto': 'http' }))).toBe(false);
		// Straight to the port, past the proxy: no header, plain http.
		expect(requestIsHttps(env, headers())).toBe(false);
	});
});
