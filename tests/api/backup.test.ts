// POST /api/backup and `npm run backup -- --server` on the built server: admins only (the
// resolved route, whatever its spelling); a backup taken while an upload runs is the database
// before or after that upload, whole, and restored into a new path it gives the same figures as
// the server did then; the server keeps a copy in backups/; a download cut short leaves the
// server answering and able to back up again.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/lib/server/auth/tokens';
import { createUser } from '../../src/lib/server/auth/users';
import { readBackup } from '../../src/lib/server/db/backup';
import { Database } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { runCli } from '../helpers/run-cli';
import { startServer, TEST_ADMIN, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const DEMO = join(import.meta.dirname, '..', '..', 'data', 'demo');
const FIRST_LOAD = ['clientes.csv', 'productos.csv', 'facturas_2023.csv'].map((f) => join(DEMO, f));
const KPIS = '/api/metrics/kpis?from=2023-01&to=2024-12';

const folder = tempFolder('cartera-api-backup-');
const dbPath = folder.path('cartera.duckdb');
let server: RunningServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
	const db = await Database.open(dbPath);
	await ingestFiles(db, FIRST_LOAD.map((p) => ({ path: p })), { loadedBy: 'test' });
	// The admin whose token the helper makes (a token is worth what its creator is).
	await createUser(db, TEST_ADMIN.name, TEST_ADMIN.password, 'admin');
	await createUser(db, 'lectora', 'clave de lectora', 'viewer');
	await createUser(db, 'analista', 'clave de analista', 'analyst');
	tokens.viewer = (await createToken(db, 'lectura', 'viewer', 'lectora')).token;
	tokens.analyst = (await createToken(db, 'analisis', 'analyst', 'analista')).token;
	db.close();
	server = await startServer(dbPath);
	tokens.admin = server.token!;
});
afterAll(async () => {
	await server?.stop();
	folder.remove();
});

const kpis = async () => {
	const response = await server.fetch(server.url + KPIS);
	expect(response.status).toBe(200);
	return response.json();
};

describe('who may back up', () => {
	it.each([
		['/api/backup', 'anonymous', 401],
		['/api/backup', 'viewer', 403],
		['/api/backup', 'analyst', 403],
		['/api/%62ackup', 'analyst', 403],
		['/%61pi/backup', 'viewer', 403]
	])('POST %s as %s: %i, and no copy is made', async (path, who, status) => {
		const headers: Record<string, string> = { authorization: who === 'anonymous' ? '' : `Bearer ${tokens[who]}` };
		const response = await fetch(server.url + path, { method: 'POST', headers });
		expect(response.status).toBe(status);
		expect(existsSync(folder.path('backups'))).toBe(false);
	});
});

describe('a backup through the running server', () => {
	it('taken while an upload runs, is the database before or after it, and restored gives the same figures', async () => {
		const before = await kpis();
		const form = new FormData();
		form.append('file', new Blob([await import('node:fs').then((fs) => fs.readFileSync(join(DEMO, 'facturas_2024.csv')))]), 'facturas_2024.csv');
		const uploading = server.fetch(`${server.url}/api/uploads`, { method: 'POST', body: form });
		await new Promise((r) => setTimeout(r, 300));
		const dest = folder.path('copias/durante.duckdb');
		const backup = await runCli('backup', ['--server', server.url, dest], { CARTERA_TOKEN: server.token! });
		expect((await uploading).status).toBe(200);
		const after = await kpis();
		expect(after).not.toEqual(before);
		expect(backup.stderr).toBe('');
		expect(backup.code).toBe(0);
		expect(backup.stdout).toMatch(/^Backup written to .*durante\.duckdb .*\nThe server keeps a copy too: backups\/cartera-\d{8}T\d{6}\.\d{3}Z\.duckdb/);
		expect(readdirSync(folder.path('copias'))).toEqual(['durante.duckdb']);
		expect(readdirSync(folder.path('backups'))).toHaveLength(1);

		const { batches } = await readBackup(dest);
		expect([3, 4]).toContain(batches); // the upload is in it whole, or not at all
		const restored = folder.path('restaurada/cartera.duckdb');
		const restore = await runCli('backup', ['restore', dest, '--db', restored]);
		expect(restore.stderr).toBe('');
		const figures = await runCli('metrics', ['kpis', '--json', '--from', '2023-01', '--to', '2024-12', '--db', restored]);
		expect(JSON.parse(figures.stdout)).toEqual(batches === 4 ? after : before);
	});

	it('taken right after uploads while figures are asked, waits for a quiet moment instead of failing', async () => {
		// Warming and readers open short write transactions (temporary macros, a token's last use):
		// CHECKPOINT refused while one was open, and the backup answered 500.
		for (const file of ['facturas_2025.csv', 'facturas_2024.csv', 'facturas_2025.csv']) {
			const form = new FormData();
			form.append('file', new Blob([readFileSync(join(DEMO, file))]), file);
			const uploading = server.fetch(`${server.url}/api/uploads`, { method: 'POST', body: form });
			const readers = Array.from({ length: 5 }, (_, i) => new Promise((r) => setTimeout(r, i * 100)).then(() => kpis()));
			await new Promise((r) => setTimeout(r, 300));
			const backup = await server.fetch(`${server.url}/api/backup`, { method: 'POST' });
			expect(backup.status).toBe(200);
			await backup.arrayBuffer();
			expect((await uploading).status).toBe(200);
			await Promise.all(readers);
		}
	});

	it('with a wrong token, says so and writes nothing', async () => {
		const dest = folder.path('ajena.duckdb');
		const r = await runCli('backup', ['--server', server.url, dest], { CARTERA_TOKEN: tokens.analyst!, CARTERA_LANG: 'es' });
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/rechazó la copia \(403\).*administración/);
		expect(existsSync(dest)).toBe(false);
	});

	it('cut short while it downloads, leaves the server answering and backing up again', async () => {
		await new Promise<void>((resolve, reject) => {
			const req = request(`${server.url}/api/backup`, { method: 'POST', headers: { authorization: `Bearer ${server.token}` } }, (response) => {
				if (response.statusCode !== 200) return reject(new Error(`status ${response.statusCode}`));
				response.once('data', () => {
					req.destroy(); // the connection drops mid-file
					resolve();
				});
			});
			req.on('error', () => undefined);
			req.once('error', reject);
			req.end();
		});
		await kpis();
		const again = await server.fetch(`${server.url}/api/backup`, { method: 'POST' });
		expect(again.status).toBe(200);
		expect(again.headers.get('x-cartera-backup')).toMatch(/^backups\/cartera-.*\.duckdb$/);
		expect((await again.arrayBuffer()).byteLength).toBe(Number(again.headers.get('content-length')));
		await kpis();
	});
});
