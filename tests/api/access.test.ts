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
	['/ajustes?/thresholds', 'POST', () => thresholds(), { anonymous: 303, viewer: 403, analyst: 403, admin: 400 }]
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
