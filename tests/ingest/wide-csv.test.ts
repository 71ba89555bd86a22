// Text exports too wide or with lines too long to be records (issue 13, item 11): a CSV of 10⁶
// columns held the event loop ~18 s (matching its headers to columns) and kept 1.3 GB. It and a
// single 5 MB line are refused from the head, before the kind detection and DuckDB, through
// ingestFiles, the preview and the HTTP API (upload, and stage → preview); the server answers a
// reader right after; a 500-column export that names its columns still loads.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { previewFile } from '../../src/lib/server/ingest/preview';
import { startServer, type RunningServer } from '../helpers/server';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';
import { said } from '../helpers/said';

const folder = tempFolder();
let db: Database;

const columns = (n: number, cell: (i: number) => string) => Array.from({ length: n }, (_, i) => cell(i + 1)).join(';');
// 10⁶ columns: a 7.9 MB header and two records (14 MB).
const million = folder.write(
	'millon.csv',
	[columns(1_000_000, (i) => `col${i}`), columns(1_000_000, (i) => String(i % 10)), columns(1_000_000, (i) => String(i % 7))].join('\r\n') + '\r\n'
);
// One line of 5 MB (no line break), and a normal header followed by a 5 MB record.
const oneLine = folder.write('una-linea.csv', 'x'.repeat(5 * 1024 * 1024));
const longRecord = folder.write('registro-largo.csv', `Código cliente;Razón social\r\nC1;${'y'.repeat(5 * 1024 * 1024)}\r\nC2;Beta\r\n`);
// 500 columns, the first two naming a clients export, and 200 records.
const wide = folder.write(
	'ancho.csv',
	[
		columns(500, (i) => (i === 1 ? 'Código cliente' : i === 2 ? 'Razón social' : `Campo ${i}`)),
		...Array.from({ length: 200 }, (_, r) => columns(500, (i) => (i === 1 ? `C${r}` : i === 2 ? `Cliente ${r}` : String((r * i) % 97))))
	].join('\r\n') + '\r\n'
);

beforeAll(async () => {
	db = await openTempDatabase(folder);
}, 60_000);
afterAll(() => {
	db?.close();
	folder.remove();
});

const refusal = (promise: Promise<unknown>) =>
	promise.then(
		() => null,
		(error: { code?: string; params?: Record<string, unknown> }) => ({ code: error.code, params: error.params, message: said(error) })
	);

describe('a text export too wide or with a line too long', () => {
	it('is refused from its head through ingestFiles and the preview, naming the line and the limit', async () => {
		const m = await refusal(ingestFiles(db, [{ path: million, name: 'millon.csv' }]));
		expect(m?.code).toBe('too_many_columns');
		expect(m?.params).toMatchObject({ file: 'millon.csv', line: 1, limit: 1000 });
		expect(m?.message).toMatch(/^millon\.csv: line 1 has more than 1000 columns/);
		expect((await refusal(previewFile(db, million, 'millon.csv')))?.code).toBe('too_many_columns');

		const one = await refusal(ingestFiles(db, [{ path: oneLine, name: 'una-linea.csv' }]));
		expect([one?.code, one?.params?.line]).toEqual(['line_too_long', 1]);
		expect((await refusal(previewFile(db, oneLine, 'una-linea.csv')))?.code).toBe('line_too_long');
		// The head (256 kB) ends inside line 2: the line is followed into the file.
		const long = await refusal(ingestFiles(db, [{ path: longRecord, name: 'registro-largo.csv' }]));
		expect([long?.code, long?.params?.line]).toEqual(['line_too_long', 2]);
		expect((await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM upload_batches'))!.n).toBe(0);
	}, 60_000);

	it('still loads a 500-column export', async () => {
		const report = await ingestFiles(db, [{ path: wide, name: 'ancho.csv' }]);
		expect(report.files.map((f) => [f.kind, f.loaded, f.rejected])).toEqual([['clients', 200, 0]]);
	}, 60_000);
});

describe('through the HTTP API', () => {
	let server: RunningServer;
	const form = (path: string, name: string) => {
		const body = new FormData();
		body.append('file', new Blob([readFileSync(path)]), name);
		return body;
	};
	const post = async (path: string, body: FormData | object) => {
		const init = body instanceof FormData ? { body } : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
		const response = await server.fetch(`${server.url}${path}`, { method: 'POST', ...init, headers: { ...init.headers, 'accept-language': 'es' } });
		return { status: response.status, body: await response.json() };
	};

	beforeAll(async () => {
		server = await startServer(folder.path('server.duckdb'));
	}, 60_000);
	afterAll(async () => {
		await server?.stop();
	});

	it('refuses them on upload and in the staged preview, in Spanish, and keeps answering readers', async () => {
		const m = await post('/api/uploads', form(million, 'millon.csv'));
		expect([m.status, m.body.code]).toEqual([400, 'too_many_columns']);
		expect(m.body.error).toMatch(/^millon\.csv: la línea 1 tiene más de 1\.000 columnas \(al menos 30\.362\)/);
		expect((await server.fetch(`${server.url}/api/metrics/kpis`)).status).toBe(200);

		const one = await post('/api/uploads', form(oneLine, 'una-linea.csv'));
		expect([one.status, one.body.code]).toEqual([400, 'line_too_long']);
		expect(one.body.error).toMatch(/^una-linea\.csv: la línea 1 ocupa más de 1,0 MB, el límite para una línea/);
		expect((await server.fetch(`${server.url}/api/metrics/kpis`)).status).toBe(200);

		const staged = await post('/api/uploads/stage', form(million, 'millon.csv'));
		expect(staged.status).toBe(200);
		const preview = await post('/api/uploads/stage/preview', { ids: [staged.body.files[0].id], parts: ['records'] });
		expect(preview.status).toBe(200);
		expect(preview.body.files[0].code).toBe('too_many_columns');
		expect((await server.fetch(`${server.url}/api/metrics/kpis`)).status).toBe(200);
	}, 60_000);

	it('loads the 500-column export', async () => {
		const r = await post('/api/uploads', form(wide, 'ancho.csv'));
		expect(r.status).toBe(200);
		expect(r.body.files.map((f: { kind: string; loaded: number }) => [f.kind, f.loaded])).toEqual([['clients', 200]]);
	}, 60_000);
});
