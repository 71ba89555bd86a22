// Staged uploads and their jobs live on disk, in <data folder>/staging next to the database: a
// restart of the server keeps a staged preview (it still previews and commits by its id) and a
// finished job's report; a job the process was killed in is reported as failed (interrupted by a
// restart), never as running forever; at start, what is older than its hour is swept.
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { startServer, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
const dbPath = folder.path('restart.duckdb');
const staging = folder.path('staging');
let server: RunningServer;

const enero = 'Nº factura;Fecha;Código cliente;Importe\r\nF-1;05/01/2025;C1;1.000,00\r\nF-3;07/01/2025;C1;250,50\r\n';
const febrero = 'Nº factura;Fecha;Código cliente;Importe\r\nF-10;05/02/2025;C1;10,00\r\n';

function bigExport(n: number): Buffer {
	const parts = ['invoice_id,invoice_date,client_id,amount\n'];
	for (let i = 0; i < n; i++) parts.push(`B-${i},2024-${String((i % 12) + 1).padStart(2, '0')}-15,K${i % 5000},${(i % 997) + 0.25}\n`);
	return Buffer.from(parts.join(''));
}

async function stage(name: string, body: string | Buffer): Promise<string> {
	const form = new FormData();
	form.append('file', new Blob([typeof body === 'string' ? body : new Uint8Array(body)]), name);
	const r = await server.fetch(`${server.url}/api/uploads/stage`, { method: 'POST', body: form });
	expect(r.status).toBe(200);
	return (await r.json()).files[0].id;
}
async function post(path: string, body: unknown) {
	const r = await server.fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return { status: r.status, body: await r.json() };
}
async function job(id: string, lang = 'en') {
	const r = await server.fetch(`${server.url}/api/uploads/jobs/${id}`, { headers: { 'accept-language': lang } });
	return { status: r.status, ...(await r.json()) };
}
async function finished(id: string) {
	for (;;) {
		const j = await job(id);
		if (j.state !== 'running') return j;
		await new Promise((r) => setTimeout(r, 50));
	}
}
async function batches(): Promise<{ file_name: string }[]> {
	return (await (await server.fetch(`${server.url}/api/uploads/batches`)).json()).batches;
}
async function restart(): Promise<void> {
	await server.stop();
	server = await startServer(dbPath);
}

/** The server process of this test's database (found by its CARTERA_DB), killed as a crash would. */
function killServer(): number {
	let killed = 0;
	for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
		let environ = '';
		try {
			environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
		} catch {
			continue;
		}
		if (!environ.split('\0').includes(`CARTERA_DB=${dbPath}`)) continue;
		process.kill(Number(pid), 'SIGKILL');
		killed++;
	}
	return killed;
}

beforeAll(async () => {
	(await Database.open(dbPath)).close();
	server = await startServer(dbPath);
});
afterAll(async () => {
	await server?.stop();
	folder.remove();
});

describe('a restart', () => {
	it('keeps staged files in <data>/staging: after it, a staged id previews and commits, and a finished job is still reported', async () => {
		const id = await stage('enero.csv', enero);
		const earlier = await stage('febrero.csv', febrero);
		const done = await finished((await post('/api/uploads/stage/commit', { ids: [earlier] })).body.job);
		expect(done.state).toBe('done');
		expect(existsSync(join(staging, 'files', id))).toBe(true);

		await restart();

		const records = await post('/api/uploads/stage/preview', { ids: [id], parts: ['records'] });
		expect(records.status).toBe(200);
		expect(records.body.files[0]).toMatchObject({ id, name: 'enero.csv', preview: { kind: 'invoices' } });
		expect(records.body.files[0].preview.rows).toHaveLength(2);
		const dry = await post('/api/uploads/stage/preview', { ids: [id], parts: ['report'] });
		expect(dry.body.report.files[0]).toMatchObject({ file: 'enero.csv', loaded: 2 });
		expect(await job(done.job)).toMatchObject({ state: 'done', report: { files: [{ file: 'febrero.csv', inserted: 1 }] } });

		const committed = await finished((await post('/api/uploads/stage/commit', { ids: [id] })).body.job);
		expect(committed.state).toBe('done');
		expect((await batches()).map((b) => b.file_name).sort()).toEqual(['enero.csv', 'febrero.csv']);
		expect(existsSync(join(staging, 'files', id))).toBe(false); // committed: it leaves the staging folder
	});

	it('reports a job the server was killed in as failed, interrupted by a restart (Spanish and English); nothing of it was loaded', async () => {
		const before = await batches();
		const id = await stage('grande.csv', bigExport(300_000));
		const { body } = await post('/api/uploads/stage/commit', { ids: [id] });
		for (let j = await job(body.job); j.state === 'running' && j.progress.phase === 'queued'; j = await job(body.job)) await new Promise((r) => setTimeout(r, 10));
		expect(killServer()).toBe(1);
		await server.stop(); // already gone
		server = await startServer(dbPath);

		const en = await job(body.job);
		expect(en).toMatchObject({ status: 200, state: 'failed', code: 'job_interrupted' });
		expect(en.error).toMatch(/interrupted by a restart/);
		const es = await job(body.job, 'es');
		expect(es).toMatchObject({ state: 'failed', code: 'job_interrupted' });
		expect(es.error).toMatch(/el servidor se reinició/);
		expect(await batches()).toEqual(before);
		// the staged file is still there: committed again, it loads
		const again = await finished((await post('/api/uploads/stage/commit', { ids: [id] })).body.job);
		expect(again.state).toBe('done');
		expect(again.report.files[0]).toMatchObject({ inserted: 300_000 });
	}, 180_000);

	it('sweeps at start what is older than an hour (staged files, jobs, receptions left over), and keeps the rest', async () => {
		const young = await stage('enero-bis.csv', enero);
		await server.stop();
		const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
		const old = join(staging, 'files', 'a'.repeat(32));
		writeFileSync(old, enero);
		writeFileSync(`${old}.json`, JSON.stringify({ id: 'a'.repeat(32), name: 'viejo.csv', size: enero.length, stagedAt: hoursAgo(2).getTime() }));
		const oldJob = join(staging, 'jobs', `${'b'.repeat(32)}.json`);
		writeFileSync(oldJob, JSON.stringify({ id: 'b'.repeat(32), state: 'done', progress: {}, files: [], started_at: hoursAgo(3).toISOString(), finished_at: hoursAgo(2).toISOString() }));
		for (const p of [old, `${old}.json`, oldJob]) utimesSync(p, hoursAgo(2), hoursAgo(2));
		const reception = join(staging, 'incoming', 'upload-left');
		mkdirSync(reception, { recursive: true });
		writeFileSync(join(reception, 'upload-1'), 'half a file');

		server = await startServer(dbPath);

		expect(existsSync(old)).toBe(false);
		expect(existsSync(`${old}.json`)).toBe(false);
		expect(existsSync(oldJob)).toBe(false);
		expect(readdirSync(join(staging, 'incoming'))).toEqual([]); // nothing is being received at start
		expect((await post('/api/uploads/stage/preview', { ids: ['a'.repeat(32)], parts: ['records'] })).status).toBe(404);
		expect((await job('b'.repeat(32))).status).toBe(404);
		expect((await post('/api/uploads/stage/preview', { ids: [young], parts: ['records'] })).status).toBe(200);
	});
});
