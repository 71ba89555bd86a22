// First run (issue 13, item 7): the server listens on every interface, so /setup creates the admin
// only with the one-time code the server printed on its console. Without it or with a wrong one
// nothing is created; with it the admin exists and is signed in, the database is still empty (no
// demo by itself), and the same page then offers the sample data. Once an admin exists, /setup
// creates nobody, and wrong codes are throttled. The server keeps answering throughout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/lib/server/auth/sessions';
import { startServer, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
const dbPath = folder.path('fresh.duckdb');
let server: RunningServer;

beforeAll(async () => {
	server = await startServer(dbPath, { accounts: false });
});
afterAll(async () => {
	await server?.stop();
	folder.remove();
});

const ADMIN = { name: 'gerencia', password: 'una clave muy larga' };
const CODE = /ingrese el código: ([A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4})/;

function post(path: string, form: Record<string, string>, cookie = ''): Promise<Response> {
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
		body: new URLSearchParams(form),
		redirect: 'manual'
	});
}

function get(path: string, cookie = ''): Promise<Response> {
	return fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
}

function sessionCookie(response: Response): string {
	const set = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
	return set ? set.split(';')[0]! : '';
}

async function batchCount(cookie: string): Promise<number> {
	const response = await get('/api/uploads/batches', cookie);
	expect(response.status).toBe(200);
	return ((await response.json()) as { batches: unknown[] }).batches.length;
}

async function stillAnswers(): Promise<void> {
	expect((await get('/_app/version.json')).status).toBe(200);
}

describe('first run on a fresh database', () => {
	let code = '';
	let cookie = '';

	it('prints the setup code on the server console, in Spanish and English, with the page to open', () => {
		const output = server.output();
		code = CODE.exec(output)?.[1] ?? '';
		expect(code).not.toBe('');
		expect(output).toContain(`Para crear la cuenta de administrador abra http://127.0.0.1:`);
		expect(output).toContain(`and enter the code: ${code}`);
	});

	it('asks for the code on the setup page', async () => {
		const response = await get('/setup');
		expect(response.status).toBe(200);
		expect(await response.text()).toContain('name="code"');
	});

	it('refuses to create the admin without the code, or with a wrong one', async () => {
		const form = { name: ADMIN.name, password: ADMIN.password, password2: ADMIN.password };
		const without = await post('/setup?/account', form);
		expect(without.status).toBe(403);
		expect(sessionCookie(without)).toBe('');
		const wrong = code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
		const refused = await post('/setup?/account', { ...form, code: wrong });
		expect(refused.status).toBe(403);
		expect(await refused.text()).toContain('El código no es el que muestra la consola del servidor.');
		// Still no account: the API says so, and the setup page is still the account form.
		expect((await (await get('/api/metrics/kpis')).json()).error).toMatch(/No account exists yet/);
		expect(await (await get('/setup')).text()).toContain('name="code"');
		await stillAnswers();
	});

	it('keeps a right code when the passwords differ, and creates nobody', async () => {
		const response = await post('/setup?/account', { code, name: ADMIN.name, password: ADMIN.password, password2: 'otra clave distinta' });
		expect(response.status).toBe(400);
		expect(await response.text()).toContain(`value="${code}"`);
		expect((await get('/api/metrics/kpis')).status).toBe(401);
	});

	it('creates the admin with the right code (any case, spaces or dashes) and signs them in', async () => {
		const typed = ` ${code.toLowerCase().replace(/-/g, ' ')} `;
		const response = await post('/setup?/account', { code: typed, name: ADMIN.name, password: ADMIN.password, password2: ADMIN.password });
		expect(response.status).toBe(303);
		// Nothing was ever loaded: on to the choice of the first data.
		expect(response.headers.get('location')).toBe('/setup');
		cookie = sessionCookie(response);
		expect(cookie).not.toBe('');
		expect((await get('/', cookie)).status).toBe(200);
	});

	it('starts empty: no batch, and Resumen shows its empty state', async () => {
		expect(await batchCount(cookie)).toBe(0);
		const home = await get('/', cookie);
		expect(home.status).toBe(200);
		expect(await home.text()).toContain('data-testid="empty-state"');
	});

	it('offers the signed-in admin the sample data or their own, and nobody else', async () => {
		const page = await get('/setup', cookie);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('Explorar con datos de ejemplo');
		expect(html).toContain('Empezar con mis datos');
		expect(html).toContain('href="/cargar"');
		const anonymous = await get('/setup');
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toBe('/login');
		const refused = await post('/setup?/sample', {});
		expect(refused.status).toBe(303);
		expect(refused.headers.get('location')).toBe('/login');
		expect(await batchCount(cookie)).toBe(0);
	});

	it('creates nobody once an admin exists, even with the code it printed', async () => {
		const form = { code, name: 'intrusa', password: 'otra clave muy larga', password2: 'otra clave muy larga' };
		const response = await post('/setup?/account', form);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/login');
		expect((await post('/login', { name: 'intrusa', password: form.password })).status).toBe(400);
		await stillAnswers();
	});

	it('loads the sample data on request, into the running server, then sends to the dashboard', async () => {
		const response = await post('/setup?/sample', {}, cookie);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/');
		expect(await batchCount(cookie)).toBe(10);
		const home = await get('/', cookie);
		expect(home.status).toBe(200);
		expect(await home.text()).not.toContain('data-testid="empty-state"');
		// Chosen once: the page now sends the admin on, and a second click loads nothing more.
		const again = await get('/setup', cookie);
		expect(again.status).toBe(303);
		expect(again.headers.get('location')).toBe('/');
		expect((await post('/setup?/sample', {}, cookie)).status).toBe(303);
		expect(await batchCount(cookie)).toBe(10);
	});

	it('prints no setup code when an account exists', async () => {
		await server.stop();
		server = await startServer(dbPath, { accounts: false });
		expect(server.output()).not.toMatch(CODE);
		const login = await post('/login', { name: ADMIN.name, password: ADMIN.password });
		expect(login.status).toBe(303);
	});
});

describe('wrong setup codes', () => {
	let fresh: RunningServer;
	const freshPath = folder.path('throttled.duckdb');
	afterAll(async () => {
		await fresh?.stop();
	});

	it('are refused 5 times from an address, then even the right code is refused for a while', async () => {
		fresh = await startServer(freshPath, { accounts: false });
		const code = CODE.exec(fresh.output())?.[1] ?? '';
		expect(code).not.toBe('');
		const attempt = (given: string) =>
			fetch(`${fresh.url}/setup?/account`, {
				method: 'POST',
				headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ code: given, name: ADMIN.name, password: ADMIN.password, password2: ADMIN.password }),
				redirect: 'manual'
			});
		const statuses: number[] = [];
		for (let i = 0; i < 5; i++) statuses.push((await attempt(`AAAA-AAAA-AAA${'BCDEF'[i]}`)).status);
		expect(statuses).toEqual([403, 403, 403, 403, 403]);
		const locked = await attempt(code);
		expect(locked.status).toBe(429);
		expect(await locked.text()).toContain('Demasiados códigos incorrectos');
		expect((await fetch(`${fresh.url}/api/metrics/kpis`)).status).toBe(401); // still no account
		expect((await fetch(`${fresh.url}/_app/version.json`)).status).toBe(200);
	});
});
