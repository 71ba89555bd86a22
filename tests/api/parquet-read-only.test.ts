// The built server with CARTERA_SOURCE=parquet:DIR serves the demo's export read-only: the API's
// figures are the database's, the accounts and API tokens of the export sign in, every page (16) is served and says
// it is read-only and offers no Cargar datos (nor publishing, comments, undo, or Ajustes' saving),
// and every write (undo, upload, backup, settings,
// users, the month's closing) is refused with 409 in the caller's language, changing nothing: the
// export's files are byte for byte the same, the figures too, and no database file is created.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/lib/server/auth/tokens';
import { createUser } from '../../src/lib/server/auth/users';
import { Database } from '../../src/lib/server/db/database';
import { exportParquetFile } from '../../src/lib/server/db/parquet-export';
import { computeMetric } from '../../src/lib/server/metrics/index';
import { copyDemoDatabase } from '../helpers/demo-database';
import { startServer, TEST_ADMIN, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';
import { toTwelveDigits } from '../helpers/twelve-digits';

const folder = tempFolder('cartera-parquet-server-');
const dbPath = folder.path('demo.duckdb');
const dir = folder.path('export');
/** What the server is told its database is: it must never open (nor create) it. */
const absent = join(folder.dir, 'absent', 'cartera.duckdb');
const KPIS = '/api/metrics/kpis?from=2025-01&to=2025-12';
const GROWTH = '/api/metrics/growth?from=2025-07&to=2026-06&region=Santa%20Cruz';

const REFUSED_EN =
	'This dashboard is served read-only from a Parquet export: nothing is loaded or undone here, and no settings, accounts, comments or reports change. Do it in the database it came from and export it again.';
const REFUSED_ES =
	'Este panel se sirve en solo lectura desde una exportación en Parquet: aquí no se cargan ni se deshacen datos, ni se cambian ajustes, cuentas, comentarios o informes. Hazlo en la base de datos de la que salió y vuelve a exportarla.';

let server: RunningServer;
let adminToken: string;
let viewerToken: string;
const expected: Record<string, unknown> = {};

/** Every file of the export with the SHA-256 of its bytes. */
function fingerprint(): Record<string, string> {
	const out: Record<string, string> = {};
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile()) continue;
		const file = join(entry.parentPath, entry.name);
		out[file.slice(dir.length)] = createHash('sha256').update(readFileSync(file)).digest('hex');
	}
	return out;
}
let before: Record<string, string>;

beforeAll(async () => {
	await copyDemoDatabase(dbPath);
	const db = await Database.open(dbPath);
	try {
		await createUser(db, TEST_ADMIN.name, TEST_ADMIN.password, 'admin');
		await createUser(db, 'lectora', 'clave de lectora larga', 'viewer');
		adminToken = (await createToken(db, 'tests', 'admin', TEST_ADMIN.name)).token;
		viewerToken = (await createToken(db, 'lectura', 'viewer', 'lectora')).token;
		for (const [path, name, raw] of [
			[KPIS, 'kpis', { from: '2025-01', to: '2025-12' }],
			[GROWTH, 'growth', { from: '2025-07', to: '2026-06', region: 'Santa Cruz' }]
		] as const) {
			expected[path] = toTwelveDigits(JSON.parse(JSON.stringify(await computeMetric(db, name, raw))));
		}
	} finally {
		await db.close();
	}
	await exportParquetFile(dbPath, dir);
	before = fingerprint();
	server = await startServer(absent, { accounts: false, env: { CARTERA_SOURCE: `parquet:${dir}` } });
}, 180_000);

afterAll(async () => {
	await server?.stop();
	folder.remove();
});

const as = (token: string, headers: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...headers });

describe('reading', () => {
	it('says at start that it serves the export read-only', () => {
		expect(server.output()).toContain(`Read-only from the export ${dir}`);
	});

	it('answers the API’s figures from the files, equal to the database’s', async () => {
		for (const path of [KPIS, GROWTH]) {
			const response = await fetch(server.url + path, { headers: as(viewerToken) });
			expect(response.status, path).toBe(200);
			expect(toTwelveDigits(await response.json())).toEqual(expected[path]);
		}
	});

	it('signs in with an account of the export; the pages say they are read-only and offer no Cargar datos', async () => {
		const signIn = await fetch(`${server.url}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ name: TEST_ADMIN.name, password: TEST_ADMIN.password })
		});
		expect(signIn.status).toBe(303);
		const session = signIn.headers.getSetCookie().find((c) => c.startsWith('cartera_session='))!.split(';')[0]!;
		const es = await fetch(`${server.url}/segmentos`, { headers: { cookie: session, 'accept-language': 'es' } });
		expect(es.status).toBe(200);
		const html = await es.text();
		expect(html).toContain(
			'Solo lectura: este panel se sirve desde una exportación en Parquet. Las cargas, los ajustes, las cuentas, los comentarios y los informes publicados se cambian en la base de datos de la que salió.'
		);
		expect(html).not.toContain('href="/cargar');
		const en = await (await fetch(`${server.url}/`, { headers: { cookie: session, 'accept-language': 'en' } })).text();
		expect(en).toContain('Read-only: this dashboard is served from a Parquet export.');
	});
});

describe('every page', () => {
	const PAGES = ['/', '/segmentos', '/concentracion', '/activacion', '/pronostico', '/embudo', '/ranking', '/clientes', '/clientes/CL-00001', '/lista/retention_event?key=churned', '/lista/abc_tier?key=B', '/informe/2026-10', '/alertas', '/ajustes', '/usuarios', '/cargar', '/cargar/historial'];

	it.each(PAGES)('%s is served from the export, with the read-only note', async (path) => {
		const response = await fetch(server.url + path, { headers: as(adminToken, { 'accept-language': 'en' }) });
		expect(response.status).toBe(200);
		expect(await response.text()).toContain('Read-only: this dashboard is served from a Parquet export.');
	});
});

describe('the write controls', () => {
	const page = async (path: string) => (await fetch(server.url + path, { headers: as(adminToken, { 'accept-language': 'en' }) })).text();

	// (Resumen's month closing shows only while the data's last month is incomplete, never on the demo.)
	it('are not offered to an admin: no publishing or comments on the report, no undo, Ajustes disabled, Usuarios read only', async () => {
		const report = await page('/informe/2026-10');
		expect(report).toContain('data-testid="report-pdf"');
		expect(report).not.toContain('data-testid="report-publish"');
		expect(report).not.toContain('action="?/comment"');
		const history = await page('/cargar/historial');
		expect(history.match(/<tr/g)?.length).toBe(11); // the head and the 10 loads
		expect(history).not.toContain('data-testid="undo"');
		const settings = await page('/ajustes');
		expect(settings).toContain('<fieldset disabled');
		expect(settings).not.toContain('class="tool tool--primary"');
		// Not the viewers' note (only management may change these): the layout's says why.
		expect(settings).not.toContain('data-testid="read-only"');
		// The alert subscriptions are listed, with no subscribe or remove form.
		expect(settings).toContain('data-testid="subscriptions"');
		expect(settings).not.toContain('action="?/subscribe"');
		expect(settings).not.toContain('action="?/unsubscribe"');
		// Usuarios lists the export's accounts and tokens, and offers no form at all.
		const users = await page('/usuarios');
		expect(users).toContain('data-testid="users-table"');
		expect(users).toContain('data-user="gerencia"');
		expect(users).not.toContain('action="?/');
	});
});

describe('writing', () => {
	const form = (fields: Record<string, string>) => new URLSearchParams(fields);
	// A browser's form post without JavaScript; a page's language is the installation's (Spanish) unless asked.
	const PAGE_POST = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', 'accept-language': 'en' };
	const writes: [string, string, RequestInit][] = [
		['undo of a load', '/api/uploads/batches/1/undo', { method: 'POST' }],
		['an upload', '/api/uploads', { method: 'POST', body: (() => {
			const data = new FormData();
			data.append('file', new Blob(['client_id,name\nC1,Uno\n'], { type: 'text/csv' }), 'clientes.csv');
			return data;
		})() }],
		['a backup', '/api/backup', { method: 'POST' }],
		['a threshold in Ajustes', '/ajustes?/thresholds', { method: 'POST', body: form({ key: 'hhi', approve: '1500', observe: '2500' }), headers: PAGE_POST }],
		['a new user', '/usuarios?/user', { method: 'POST', body: form({ name: 'nueva', password: 'clave de nueva larga', role: 'viewer' }), headers: PAGE_POST }],
		['closing the month', '/?/closeMonth', { method: 'POST', body: form({ month: '2026-10' }), headers: PAGE_POST }]
	];

	it.each(writes)('%s (%s) is refused with 409, in English', async (_, path, init) => {
		const response = await fetch(server.url + path, { ...init, headers: { ...as(adminToken), ...(init.headers as Record<string, string>) } });
		expect(response.status).toBe(409);
		const body = await response.text();
		if (path.startsWith('/api/')) expect(JSON.parse(body)).toEqual({ error: REFUSED_EN, code: 'read_only_source' });
		else expect(body).toContain(REFUSED_EN);
	});

	it('answers a form sent by use:enhance with an error ActionResult, which the page shows in its frame', async () => {
		const response = await fetch(`${server.url}/ajustes?/thresholds`, {
			method: 'POST',
			body: form({ key: 'hhi', approve: '1500', observe: '2500' }),
			headers: as(adminToken, { 'x-sveltekit-action': 'true', accept: 'application/json', 'accept-language': 'es' })
		});
		expect(response.status).toBe(409);
		expect(await response.json()).toEqual({ type: 'error', error: { message: REFUSED_ES } });
	});

	it('is refused in Spanish to a caller who asks for it', async () => {
		const response = await fetch(`${server.url}/api/uploads/batches/1/undo`, { method: 'POST', headers: as(adminToken, { 'accept-language': 'es' }) });
		expect(response.status).toBe(409);
		expect(await response.json()).toEqual({ error: REFUSED_ES, code: 'read_only_source' });
	});

	it('still says 403 first to a role that may not write there at all', async () => {
		const response = await fetch(`${server.url}/api/uploads/batches/1/undo`, { method: 'POST', headers: as(viewerToken) });
		expect(response.status).toBe(403);
	});

	it('changed nothing: the same files byte for byte, the same loads and figures, no database created', async () => {
		expect(fingerprint()).toEqual(before);
		const batches = (await (await fetch(`${server.url}/api/uploads/batches`, { headers: as(adminToken) })).json()) as { batches: { batch_id: number; undone_at: string | null }[] };
		expect(batches.batches.length).toBe(10);
		expect(batches.batches.every((b) => b.undone_at === null)).toBe(true);
		const kpis = await fetch(server.url + KPIS, { headers: as(viewerToken) });
		expect(toTwelveDigits(await kpis.json())).toEqual(expected[KPIS]);
		expect(existsSync(absent)).toBe(false);
		expect(existsSync(join(folder.dir, 'absent'))).toBe(false);
	});
});
