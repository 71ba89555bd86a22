// Security headers (issue 13) on the built server: pages carry SvelteKit's Content-Security-Policy
// (scripts by nonce only, no framing) and every answer, pages, page data, API, refusals and the
// 404, carries X-Frame-Options, nosniff and Referrer-Policy. An abusive request (a framing
// attempt by Sec-Fetch-Dest, a bogus method) changes nothing, and the server still answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/lib/server/auth/tokens';
import { Database } from '../../src/lib/server/db/database';
import { startServer, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let server: RunningServer;
let viewerToken: string;

beforeAll(async () => {
	const path = folder.path('headers.duckdb');
	const db = await Database.open(path);
	viewerToken = (await createToken(db, 'lectura', 'viewer', null)).token;
	db.close();
	server = await startServer(path);
});
afterAll(async () => {
	await server?.stop();
	folder.remove();
});

function expectCommonHeaders(response: Response): void {
	expect(response.headers.get('x-frame-options')).toBe('DENY');
	expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	expect(response.headers.get('referrer-policy')).toBe('same-origin');
}

/** The policy's directives by name. */
function directives(policy: string | null): Record<string, string[]> {
	expect(policy).toBeTruthy();
	return Object.fromEntries(
		policy!
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([name, ...values]) => [name!, values])
	);
}

describe('security headers', () => {
	it.each(['/', '/concentracion', '/login', '/ajustes'])('page %s: a CSP with nonce-only scripts and no framing', async (path) => {
		const response = await server.fetch(server.url + path, { redirect: 'manual' });
		expect(response.status).toBe(200);
		expectCommonHeaders(response);
		const csp = directives(response.headers.get('content-security-policy'));
		expect(csp['default-src']).toEqual(["'self'"]);
		expect(csp['script-src']![0]).toBe("'self'");
		expect(csp['script-src']!.slice(1).every((v) => /^'nonce-[\w+/=]+'$/.test(v))).toBe(true);
		expect(csp['script-src']).not.toContain("'unsafe-inline'");
		expect(csp['script-src']).not.toContain("'unsafe-eval'");
		expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
		expect(csp['img-src']).toEqual(["'self'", 'data:', 'blob:']);
		expect(csp['frame-ancestors']).toEqual(["'none'"]);
		expect(csp['object-src']).toEqual(["'none'"]);
		// The nonce in the header is the one on the page's only inline script.
		const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy')!)![1];
		const html = await response.text();
		const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
		expect(scripts.length).toBeGreaterThan(0);
		for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
	});

	it('a fresh nonce on every page answer', async () => {
		const nonce = async () => /'nonce-([^']+)'/.exec((await server.fetch(`${server.url}/`)).headers.get('content-security-policy')!)![1];
		expect(await nonce()).not.toBe(await nonce());
	});

	it.each([
		['an API answer', '/api/metrics/kpis', 200, true],
		['page data', '/__data.json', 200, true],
		['a CSV download', '/clientes/export.csv', 200, true],
		['an API refusal (no token)', '/api/uploads/batches', 401, false],
		['an API refusal (role too low)', '/api/uploads/batches?as=viewer', 403, false],
		['a refused figure name', '/api/metrics/__proto__', 404, true],
		['an unknown path', '/no-existe', 404, false],
		['an unknown figure', '/api/metrics/constructor', 404, true]
	])('%s carries them: GET %s', async (_what, path, status, signedIn) => {
		const headers: Record<string, string> = path.endsWith('?as=viewer') ? { authorization: `Bearer ${viewerToken}` } : {};
		const response = await (signedIn ? server.fetch : fetch)(server.url + path, { redirect: 'manual', headers });
		expect(response.status).toBe(status);
		expectCommonHeaders(response);
	});

	it('a page asked for as a frame still says DENY, and the server answers after odd requests', async () => {
		const framed = await server.fetch(`${server.url}/`, { headers: { 'sec-fetch-dest': 'iframe' } });
		expectCommonHeaders(framed);
		expect(directives(framed.headers.get('content-security-policy'))['frame-ancestors']).toEqual(["'none'"]);
		const odd = await server.fetch(`${server.url}/api/metrics/kpis`, { method: 'PATCH' });
		expect([403, 405]).toContain(odd.status);
		expectCommonHeaders(odd);
		expect((await server.fetch(`${server.url}/api/metrics/kpis`)).status).toBe(200);
	});
});
