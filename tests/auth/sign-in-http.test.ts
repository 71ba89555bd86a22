// Signing in over HTTP against the built server (issue 13 items 5, 6 and 10):
// - the session cookie is Secure only when the browser really came over https: plain adapter-node
//   (no ORIGIN) serves http, so a Secure cookie would be dropped at http://servidor:3000;
// - 30 concurrent wrong passwords for one name: only 5 reach the password check;
// - a token whose creator was disabled can no longer create admins nor re-enable its creator;
// - Usuarios shows each token's creator and state, in Spanish and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/lib/server/auth/tokens';
import { createUser, setRole } from '../../src/lib/server/auth/users';
import { Database } from '../../src/lib/server/db/database';
import { startServer, TEST_ADMIN, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder('cartera-sign-in-');
afterAll(() => folder.remove());

// As a browser's form post without JavaScript (with */* SvelteKit would answer the JSON of use:enhance).
const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };

function post(url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
	return fetch(url, { method: 'POST', redirect: 'manual', headers: { ...FORM, ...headers }, body: new URLSearchParams(fields) });
}

const signIn = (server: RunningServer, name: string, password: string, headers: Record<string, string> = {}) =>
	post(`${server.url}/login`, { name, password }, headers);

/** The Set-Cookie line of the session cookie, or undefined. */
const sessionSetCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('cartera_session='));
const secure = (setCookie: string | undefined) => /;\s*secure/i.test(setCookie ?? '');

/** `cartera_session=…` to send back, from a successful sign-in. */
async function sessionOf(server: RunningServer, name: string, password: string): Promise<string> {
	const res = await signIn(server, name, password);
	expect(res.status, `sign-in of ${name}`).toBe(303);
	return sessionSetCookie(res)!.split(';')[0]!;
}

async function databaseWith(name: string, seed: (db: Database) => Promise<void> = async () => {}): Promise<string> {
	const path = folder.path(name);
	const db = await Database.open(path);
	try {
		// startServer adds its admin only to a database without accounts.
		await createUser(db, TEST_ADMIN.name, TEST_ADMIN.password, 'admin');
		await seed(db);
	} finally {
		db.close();
	}
	return path;
}

describe('plain http, as adapter-node runs without ORIGIN', () => {
	let server: RunningServer;
	beforeAll(async () => {
		const path = await databaseWith('plain.duckdb', async (db) => {
			await createUser(db, 'ana', 'clave de ana larga', 'admin');
			await createUser(db, 'beto', 'clave de beto larga', 'admin');
			await createUser(db, 'carla', 'clave de carla larga', 'admin');
			await createUser(db, 'dora', 'clave de dora larga', 'admin');
			await createToken(db, 'de carla', 'admin', 'carla');
			await setRole(db, 'carla', 'analyst');
			await createToken(db, 'de dora', 'viewer', 'dora');
			// Disabled without revoking, as a database from before tokens were revoked may hold.
			await db.run(`UPDATE users SET disabled_at = current_timestamp WHERE name = 'dora'`);
			await createToken(db, 'de la consola', 'viewer', null);
		});
		server = await startServer(path, { env: { ORIGIN: undefined, PROTOCOL_HEADER: undefined } });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('gives a session cookie without Secure, which then works; signing out clears it without Secure', async () => {
		const res = await signIn(server, TEST_ADMIN.name, TEST_ADMIN.password);
		expect(res.status).toBe(303);
		const cookie = sessionSetCookie(res);
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Strict/i);
		expect(secure(cookie)).toBe(false);
		const session = cookie!.split(';')[0]!;
		expect((await fetch(`${server.url}/usuarios`, { headers: { cookie: session }, redirect: 'manual' })).status).toBe(200);

		const out = await post(`${server.url}/logout`, {}, { cookie: session });
		expect(out.status).toBe(303);
		const cleared = sessionSetCookie(out);
		expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
		expect(secure(cleared)).toBe(false);
		expect((await fetch(`${server.url}/usuarios`, { headers: { cookie: session }, redirect: 'manual' })).status).toBe(303);
	});

	it('does not trust an x-forwarded-proto nobody configured', async () => {
		const res = await signIn(server, TEST_ADMIN.name, TEST_ADMIN.password, { 'x-forwarded-proto': 'https' });
		expect(res.status).toBe(303);
		expect(secure(sessionSetCookie(res))).toBe(false);
	});

	it('a token whose creator is disabled can no longer create admins nor re-enable its creator', async () => {
		// Ana, an admin, makes an admin token for a script; it works.
		const ana = await sessionOf(server, 'ana', 'clave de ana larga');
		const made = await post(`${server.url}/usuarios?/token`, { label: 'script de ana', role: 'admin' }, { cookie: ana });
		expect(made.status).toBe(200);
		const token = /data-testid="new-token"[^>]*>(crt_[A-Za-z0-9_-]+)</.exec(await made.text())?.[1];
		expect(token).toBeDefined();
		const bearer = { authorization: `Bearer ${token}` };
		expect((await fetch(`${server.url}/usuarios`, { headers: bearer, redirect: 'manual' })).status).toBe(200);

		// Beto, another admin, disables Ana.
		const beto = await sessionOf(server, 'beto', 'clave de beto larga');
		expect((await post(`${server.url}/usuarios?/disable`, { name: 'ana' }, { cookie: beto })).status).toBe(200);

		// The token is refused: no new admin, no re-enabling Ana, no API.
		const intruder = await post(`${server.url}/usuarios?/user`, { name: 'intruso', password: 'clave del intruso larga', role: 'admin' }, bearer);
		const reEnable = await post(`${server.url}/usuarios?/enable`, { name: 'ana' }, bearer);
		for (const refused of [intruder, reEnable]) {
			// A page route sends whoever is not identified to sign in (the API answers 401, below).
			expect(refused.status).toBe(303);
			expect(refused.headers.get('location')).toMatch(/^\/login/);
		}
		expect((await fetch(`${server.url}/api/metrics/kpis`, { headers: bearer })).status).toBe(401);
		expect((await post(`${server.url}/usuarios?/token`, { label: 'otro', role: 'admin' }, bearer)).status).toBe(303);

		// Nothing changed, and the server still answers.
		const page = await (await fetch(`${server.url}/usuarios`, { headers: { cookie: beto } })).text();
		expect(page).not.toContain('data-user="intruso"');
		expect(rowOf(page, 'data-user="ana"')).toMatch(/Desactivada el \d{1,2} \p{L}+\.? \d{4}, \d\d:\d\d/u); // the date in words (issue 17)
		expect(rowOf(page, 'data-token="script de ana"')).toMatch(/Revocado \d{1,2} \p{L}+\.? \d{4}, \d\d:\d\d/u);
		expect(rowOf(page, 'data-token="script de ana"')).toContain('>ana</td>');
		expect(await signIn(server, 'ana', 'clave de ana larga').then((r) => r.status)).toBe(400);
		expect((await server.fetch(`${server.url}/usuarios`)).status).toBe(200);
	});

	it('Usuarios shows each token’s creator and state, in Spanish and English', async () => {
		const admin = await sessionOf(server, TEST_ADMIN.name, TEST_ADMIN.password);
		const page = async (lang: string) => (await fetch(`${server.url}/usuarios`, { headers: { cookie: `${admin}; lang=${lang}` } })).text();
		const es = await page('es');
		expect(rowOf(es, 'data-token="de carla"')).toContain('Sin efecto: su creador ya no tiene ese rol');
		expect(rowOf(es, 'data-token="de carla"')).toContain('>carla</td>');
		expect(rowOf(es, 'data-token="de dora"')).toContain('Sin efecto: su creador está desactivado');
		expect(rowOf(es, 'data-token="de la consola"')).toContain('>el servidor</td>');
		expect(rowOf(es, 'data-token="de la consola"')).toContain('Vigente');
		expect(rowOf(es, 'data-token="tests"')).toContain(`>${TEST_ADMIN.name}</td>`);
		const en = await page('en');
		expect(rowOf(en, 'data-token="de carla"')).toContain('Not valid: its creator no longer has that role');
		expect(rowOf(en, 'data-token="de dora"')).toContain('Not valid: its creator is disabled');
		expect(rowOf(en, 'data-token="de la consola"')).toContain('>the server</td>');
		expect(rowOf(en, 'data-token="de la consola"')).toContain('Active');
	});
});

/** The table row (`<tr …>…</tr>`) carrying `attribute`, as HTML. */
function rowOf(html: string, attribute: string): string {
	const at = html.indexOf(attribute);
	expect(at, attribute).toBeGreaterThan(-1);
	return html.slice(html.lastIndexOf('<tr', at), html.indexOf('</tr>', at));
}

describe('behind a TLS reverse proxy', () => {
	it('PROTOCOL_HEADER=x-forwarded-proto: Secure when the proxy says https, not for a request past it', async () => {
		const server = await startServer(await databaseWith('proxy.duckdb'), { env: { PROTOCOL_HEADER: 'x-forwarded-proto' } });
		try {
			const viaProxy = await signIn(server, TEST_ADMIN.name, TEST_ADMIN.password, { 'x-forwarded-proto': 'https' });
			expect(viaProxy.status).toBe(303);
			expect(secure(sessionSetCookie(viaProxy))).toBe(true);
			const logout = await post(`${server.url}/logout`, {}, { cookie: sessionSetCookie(viaProxy)!.split(';')[0]!, 'x-forwarded-proto': 'https' });
			expect(secure(sessionSetCookie(logout))).toBe(true);
			const direct = await signIn(server, TEST_ADMIN.name, TEST_ADMIN.password);
			expect(direct.status).toBe(303);
			expect(secure(sessionSetCookie(direct))).toBe(false);
		} finally {
			await server.stop();
		}
	});

	it('ORIGIN=https://…: Secure', async () => {
		const server = await startServer(await databaseWith('origin.duckdb'), { env: { ORIGIN: 'https://cartera.example.com' } });
		try {
			const res = await signIn(server, TEST_ADMIN.name, TEST_ADMIN.password);
			expect(res.status).toBe(303);
			expect(secure(sessionSetCookie(res))).toBe(true);
		} finally {
			await server.stop();
		}
	});
});

describe('sign-in throttling over HTTP', () => {
	let server: RunningServer;
	beforeAll(async () => {
		const path = await databaseWith('throttle.duckdb', async (db) => {
			await createUser(db, 'cajera', 'clave de la cajera', 'viewer');
		});
		// ADDRESS_HEADER lets the test speak from several addresses over loopback.
		server = await startServer(path, { env: { ADDRESS_HEADER: 'x-forwarded-for' } });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('30 concurrent wrong passwords for one name: 5 are checked, 25 refused; the rightful user still signs in from elsewhere', async () => {
		const from = (address: string) => ({ 'x-forwarded-for': address });
		const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(server, 'cajera', `no es la clave ${i}`, from('10.9.0.1'))));
		const statuses = answers.map((r) => r.status);
		expect(statuses.filter((s) => s === 400)).toHaveLength(5); // checked, wrong
		expect(statuses.filter((s) => s === 429)).toHaveLength(25); // refused before any check
		expect(answers.every((r) => sessionSetCookie(r) === undefined)).toBe(true);

		// That machine may not try this name again, even with the right password…
		expect((await signIn(server, 'cajera', 'clave de la cajera', from('10.9.0.1'))).status).toBe(429);
		// …but the rightful user, at another machine, is not locked out.
		const rightful = await signIn(server, 'cajera', 'clave de la cajera', from('10.9.0.2'));
		expect(rightful.status).toBe(303);
		expect(sessionSetCookie(rightful)).toBeDefined();
		// Other names from the first machine still sign in, and the server answers as usual.
		expect((await signIn(server, TEST_ADMIN.name, TEST_ADMIN.password, from('10.9.0.1'))).status).toBe(303);
		expect((await server.fetch(`${server.url}/usuarios`)).status).toBe(200);
	}, 60_000);
});
