// Every role × route (issue 7), on the built server: anonymous pages go to /login and anonymous
// API calls get 401; a role below the route's gets 403; the right role gets through (to the
// route's own answer). Tokens are API tokens of each role, sent as Authorization: Bearer; a
// session cookie from /login works the same, and logout ends it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/lib/server/auth/tokens';
import { createUser } from '../../src/lib/server/auth/users';
import { Database } from '../../src/lib/server/db/database';
import { startServer, TEST_ADMIN, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let server: RunningServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
	const path = folder.path('access.duckdb');
	const db = await Database.open(path);
	// The admin the helper's token is made by (a token is worth what its creator is).
	await createUser(db, TEST_ADMIN.name, TEST_ADMIN.password, 'admin');
	await createUser(db, 'lectora', 'clave de lectora', 'viewer');
	await createUser(db, 'analista', 'clave de analista', 'analyst');
	tokens.viewer = (await createToken(db, 'lectura', 'viewer', null)).token;
	tokens.analyst = (await createToken(db, 'analisis', 'analyst', null)).token;
	db.close();
	server = await startServer(path);
	tokens.admin = server.token!;
});
afterAll(async () => {
	await server?.stop();
	folder.remove();
});

type Who = 'anonymous' | 'viewer' | 'analyst' | 'admin';
const WHO: Who[] = ['anonymous', 'viewer', 'analyst', 'admin'];

/** Route, method, body, and the status for each caller (303: to /login). */
const ROUTES: [string, string, (() => BodyInit) | null, Record<Who, number>][] = [
	['/', 'GET', null, { anonymous: 303, viewer: 200, analyst: 200, admin: 200 }],
	['/segmentos', 'GET', null, { anonymous: 303, viewer: 200, analyst: 200, admin: 200 }],
	['/api/metrics/kpis', 'GET', null, { anonymous: 401, viewer: 200, analyst: 200, admin: 200 }],
	['/ajustes', 'GET', null, { anonymous: 303, viewer: 200, analyst: 200, admin: 200 }],
	['/cargar', 'GET', null, { anonymous: 303, viewer: 403, analyst: 200, admin: 200 }],
	['/cargar/historial', 'GET', null, { anonymous: 303, viewer: 403, analyst: 200, admin: 200 }],
	['/api/uploads/batches', 'GET', null, { anonymous: 401, viewer: 403, analyst: 200, admin: 200 }],
	// An upload with no file: past the check it is the route's own 400.
	['/api/uploads', 'POST', () => new FormData(), { anonymous: 401, viewer: 403, analyst: 400, admin: 400 }],
	['/api/uploads/batches/999/undo', 'POST', () => '{}', { anonymous: 401, viewer: 403, analyst: 404, admin: 404 }],
	// Bands out of order: past the check it is the form's own 400.
	['/ajustes?/thresholds', 'POST', () => thresholds(), { anonymous: 303, viewer: 403, analyst: 403, admin: 400 }],
	['/alertas', 'GET', null, { anonymous: 303, viewer: 200, analyst: 200, admin: 200 }],
	// A subscription with neither a webhook nor an address: past the check it is the form's own 400.
	// Alert subscriptions are Ajustes' (admins); an empty form is refused there as such.
	['/ajustes?/subscribe', 'POST', () => new FormData(), { anonymous: 303, viewer: 403, analyst: 403, admin: 400 }],
	['/ajustes?/unsubscribe', 'POST', () => new FormData(), { anonymous: 303, viewer: 403, analyst: 403, admin: 400 }]
];

function thresholds(): FormData {
	const form = new FormData();
	for (const [k, v] of Object.entries({ key: 'growth', approve: '1', observe: '5', reject: '0' })) form.set(k, v);
	return form;
}

describe('who may do what', () => {
	for (const [path, method, body, expected] of ROUTES)
		it.each(WHO)(`${method} ${path} as %s`, async (who) => {
			const headers: Record<string, string> = { origin: server.url, accept: path.includes('?/') ? 'application/json' : '*/*' };
			if (who !== 'anonymous') headers.authorization = `Bearer ${tokens[who]}`;
			else headers.authorization = ''; // no token
			const response = await fetch(server.url + path, { method, headers: who === 'anonymous' ? { origin: server.url } : headers, body: body?.(), redirect: 'manual' });
			// SvelteKit answers a form action posted by a script with 200 and the outcome inside.
			const outcome = path.includes('?/') && response.status === 200 ? ((await response.json()) as { status: number; location?: string }) : null;
			const status = outcome?.status ?? response.status;
			expect(status).toBe(expected[who]);
			if (status === 303 && who === 'anonymous') expect(outcome?.location ?? response.headers.get('location')).toMatch(/^\/login\?next=/);
		});

	it('a revoked or made-up token is anonymous', async () => {
		const response = await fetch(`${server.url}/api/metrics/kpis`, { headers: { authorization: 'Bearer crt_made_up' } });
		expect(response.status).toBe(401);
	});
});

/**
 * The role comes from the route SvelteKit resolved, not from the URL text (issue 13): every other
 * spelling of a protected route needs the same role, or reaches no route at all. Status for each
 * caller: 303 is "to /login" (for __data.json SvelteKit says it inside a 200 JSON), 308 SvelteKit's
 * trailing-slash redirect (before any route runs), 404 no route. The right role gets through each
 * spelling that routes, so the spelling really reaches the route and the test can fail.
 */
const SPELLINGS: [string, string, ((who: Who) => BodyInit) | null, Record<Who, number>][] = [
	// As an analyst, create an admin; hand out an admin token; change the definitions.
	['/%75suarios?/user', 'POST', (who) => fields({ name: `intruso-${who}`, password: 'clave larga del intruso', role: 'admin' }), { anonymous: 303, viewer: 403, analyst: 403, admin: 200 }],
	['/%75%73%75%61%72%69%6F%73?/user', 'POST', (who) => fields({ name: `intruso2-${who}`, password: 'clave larga del intruso', role: 'admin' }), { anonymous: 303, viewer: 403, analyst: 403, admin: 200 }],
	['/%75suarios?/token', 'POST', () => fields({ label: 'robada', role: 'admin' }), { anonymous: 303, viewer: 403, analyst: 403, admin: 200 }],
	// A negative activity window: past the check it is the form's own 400 (nothing changes).
	['/%61justes?/definitions', 'POST', () => fields({ window_days: '-5' }), { anonymous: 303, viewer: 403, analyst: 403, admin: 400 }],
	['/ajuste%73?/thresholds', 'POST', () => thresholds(), { anonymous: 303, viewer: 403, analyst: 403, admin: 400 }],
	// As a viewer, read the accounts, the load history, the batches.
	['/usuarios/__data.json', 'GET', null, { anonymous: 303, viewer: 403, analyst: 403, admin: 200 }],
	['/%75suarios/__data.json', 'GET', null, { anonymous: 303, viewer: 403, analyst: 403, admin: 200 }],
	['/%75suarios', 'GET', null, { anonymous: 303, viewer: 403, analyst: 403, admin: 200 }],
	['/cargar/__data.json', 'GET', null, { anonymous: 303, viewer: 403, analyst: 200, admin: 200 }],
	['/cargar/historial/__data.json', 'GET', null, { anonymous: 303, viewer: 403, analyst: 200, admin: 200 }],
	['/%63argar/historial/__data.json', 'GET', null, { anonymous: 303, viewer: 403, analyst: 200, admin: 200 }],
	['/cargar/%68istorial', 'GET', null, { anonymous: 303, viewer: 403, analyst: 200, admin: 200 }],
	['/ajustes/__data.json', 'GET', null, { anonymous: 303, viewer: 200, analyst: 200, admin: 200 }],
	['/api/%75ploads/batches', 'GET', null, { anonymous: 401, viewer: 403, analyst: 200, admin: 200 }],
	['/%61pi/uploads/batches', 'GET', null, { anonymous: 401, viewer: 403, analyst: 200, admin: 200 }],
	['/api/uploads/%62atches/999/undo', 'POST', () => '{}', { anonymous: 401, viewer: 403, analyst: 404, admin: 404 }],
	['/%61pi/metrics/kpis', 'GET', null, { anonymous: 401, viewer: 200, analyst: 200, admin: 200 }],
	// Spellings that reach no route: an encoded slash, double encoding, another letter case.
	['/api%2Fuploads%2Fbatches', 'GET', null, { anonymous: 404, viewer: 404, analyst: 404, admin: 404 }],
	['/api/uploads%2fbatches', 'GET', null, { anonymous: 404, viewer: 404, analyst: 404, admin: 404 }],
	['/cargar%2Fhistorial/__data.json', 'GET', null, { anonymous: 404, viewer: 404, analyst: 404, admin: 404 }],
	['/%2575suarios', 'GET', null, { anonymous: 404, viewer: 404, analyst: 404, admin: 404 }],
	['/%2575suarios?/user', 'POST', (who) => fields({ name: `intruso3-${who}`, password: 'clave larga del intruso', role: 'admin' }), { anonymous: 404, viewer: 404, analyst: 404, admin: 404 }],
	['/%55suarios', 'GET', null, { anonymous: 404, viewer: 404, analyst: 404, admin: 404 }],
	['/api/%55ploads/batches', 'GET', null, { anonymous: 404, viewer: 404, analyst: 404, admin: 404 }],
	// A trailing slash: SvelteKit's redirect to the route's own spelling, nothing of it runs.
	['/usuarios/', 'GET', null, { anonymous: 308, viewer: 308, analyst: 308, admin: 308 }],
	['/api/uploads/batches/', 'GET', null, { anonymous: 308, viewer: 308, analyst: 308, admin: 308 }]
];

function fields(values: Record<string, string>): FormData {
	const form = new FormData();
	for (const [k, v] of Object.entries(values)) form.set(k, v);
	return form;
}

/** The status a browser would act on: SvelteKit puts redirects and action outcomes inside a 200 JSON for scripts. */
async function outcome(response: Response): Promise<{ status: number; location: string | null; text: string }> {
	const text = await response.text();
	if (response.status === 200 && (response.headers.get('content-type') ?? '').includes('json')) {
		const body = JSON.parse(text) as { type?: string; status?: number; location?: string };
		if (body.type === 'redirect') return { status: 303, location: body.location ?? null, text };
		if (body.type === 'failure' || body.type === 'error') return { status: body.status ?? 500, location: null, text };
	}
	return { status: response.status, location: response.headers.get('location'), text };
}

describe('other spellings of a route need the same role', () => {
	for (const [path, method, body, expected] of SPELLINGS)
		it.each(WHO)(`${method} ${path} as %s`, async (who) => {
			const headers: Record<string, string> = { origin: server.url, accept: path.includes('?/') ? 'application/json' : '*/*' };
			if (who !== 'anonymous') headers.authorization = `Bearer ${tokens[who]}`;
			const response = await fetch(server.url + path, { method, headers, body: body?.(who), redirect: 'manual' });
			const { status, location, text } = await outcome(response);
			expect(status).toBe(expected[who]);
			if (status === 303) expect(location).toMatch(/^\/login\?next=/);
			// Nothing of a protected answer leaks into a refusal.
			if (status !== 200) expect(text).not.toMatch(/crt_|gerencia|"batches"/);
		});

	it('created no admin and no token for anyone but the admin, and the server still answers', async () => {
		const accounts = await (await fetch(`${server.url}/usuarios/__data.json`, { headers: { authorization: `Bearer ${tokens.admin}` } })).text();
		expect(accounts).toContain('intruso-admin'); // the control: the admin's own call went through
		for (const who of ['anonymous', 'viewer', 'analyst']) {
			expect(accounts).not.toContain(`intruso-${who}`);
			expect(accounts).not.toContain(`intruso2-${who}`);
		}
		expect(accounts).not.toContain('intruso3-');
		const kpis = await fetch(`${server.url}/api/metrics/kpis`, { headers: { authorization: `Bearer ${tokens.viewer}` } });
		expect(kpis.status).toBe(200);
	});
});

describe('sessions', () => {
	it('signing in sets an httpOnly, SameSite=strict cookie that opens the pages; logout ends it', async () => {
		const login = async (name: string, password: string) => {
			const form = new FormData();
			form.set('name', name);
			form.set('password', password);
			form.set('next', '/segmentos');
			// As a browser posts the form (not as a script: SvelteKit would answer JSON).
			return fetch(`${server.url}/login`, { method: 'POST', body: form, headers: { origin: server.url, accept: 'text/html' }, redirect: 'manual' });
		};
		const wrong = await login('lectora', 'no es la clave');
		expect(wrong.status).toBe(400);
		const ok = await login('LECTORA', 'clave de lectora');
		expect(ok.status).toBe(303);
		expect(ok.headers.get('location')).toBe('/segmentos');
		const cookie = ok.headers.get('set-cookie')!;
		expect(cookie).toMatch(/cartera_session=[\w-]+/);
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Strict/i);
		const session = /cartera_session=[\w-]+/.exec(cookie)![0];
		expect((await fetch(`${server.url}/segmentos`, { headers: { cookie: session }, redirect: 'manual' })).status).toBe(200);
		expect((await fetch(`${server.url}/cargar`, { headers: { cookie: session }, redirect: 'manual' })).status).toBe(403);
		const out = await fetch(`${server.url}/logout`, { method: 'POST', headers: { cookie: session, origin: server.url }, redirect: 'manual' });
		expect(out.status).toBe(303);
		expect((await fetch(`${server.url}/segmentos`, { headers: { cookie: session }, redirect: 'manual' })).status).toBe(303);
	});

	it.each([
		['/\t/evil.example/phish', '/'],
		['/\n/evil.example', '/'],
		['/segmentos\r\nSet-Cookie: robada=1', '/'],
		['/\\evil.example', '/'],
		['//evil.example', '/'],
		['https://evil.example/', '/'],
		['/segmentos?region=La%20Paz', '/segmentos?region=La%20Paz']
	])('after signing in, next=%j goes to %j (never another site, never a 500)', async (next, expected) => {
		const form = new FormData();
		form.set('name', 'analista');
		form.set('password', 'clave de analista');
		form.set('next', next);
		const response = await fetch(`${server.url}/login`, { method: 'POST', body: form, headers: { origin: server.url, accept: 'text/html' }, redirect: 'manual' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(expected);
		expect(response.headers.get('set-cookie')).not.toMatch(/robada/);
		// The sign-in page with such a next still renders, and keeps only a safe one in its form.
		const page = await fetch(`${server.url}/login?next=${encodeURIComponent(next)}`, { redirect: 'manual' });
		expect(page.status).toBe(200);
		expect(await page.text()).toContain(`<input type="hidden" name="next" value="${expected}"/>`);
	});

	it('refuses further attempts after five failures for a name, even with the right password', async () => {
		const attempt = (password: string) => {
			const form = new FormData();
			form.set('name', TEST_ADMIN.name);
			form.set('password', password);
			return fetch(`${server.url}/login`, { method: 'POST', body: form, headers: { origin: server.url, accept: 'text/html' }, redirect: 'manual' });
		};
		for (let i = 0; i < 5; i++) expect((await attempt(`mala ${i}`)).status).toBe(400);
		expect((await attempt(TEST_ADMIN.password)).status).toBe(429);
	});
});
