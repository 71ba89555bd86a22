// Excel zip bombs (issue 13, item 8): workbooks of a few MB whose sheet XML unpacks to 0.5–1.3 GB,
// and one whose ZIP directory understates it, built in the test (tests/helpers/xlsx-bomb.ts). Each
// is refused with its code through ingestFiles and through POST /api/uploads, before or while it is
// unpacked: nothing is loaded, no temporary file is left (TMPDIR points to a folder of this test,
// where exceljs and readSource would write theirs), the server keeps answering and its peak memory
// stays low. A real workbook still loads, and leaves no temporary file either.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { previewFile } from '../../src/lib/server/ingest/preview';
import { readSource } from '../../src/lib/server/ingest/read-source';
import { peakRssMb, serverPid } from '../helpers/process-memory';
import { startServer, type RunningServer } from '../helpers/server';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';
import { ROW_UNIT, SPACE_UNIT, writeXlsxBomb } from '../helpers/xlsx-bomb';
import { superstoreXlsx } from '../helpers/xlsx-fixture';
import { refusal, said } from '../helpers/said';

const folder = tempFolder();
const tmp = folder.path('tmp');
const previousTmp = process.env.TMPDIR;
let db: Database;

// 1.2 MB → 1.26 GB of whitespace (~1,000:1), the bomb.
const spaces = folder.path('espacios.xlsx');
// 1.8 MB → 524 MB of one row repeated (~290:1): a bomb a sheet reader would parse row by row.
const rows = folder.path('filas.xlsx');
// 1.1 MB → 315 MB of rows, but the headers and the directory say sheet1.xml is 100 kB.
const liar = folder.path('mentira.xlsx');
// 4 kB → 900 kB: packs 250:1 but is small, so only the unpacked total can refuse it (a low upload limit).
const dense = folder.path('denso.xlsx');
// A clients export with three rows, as a hand-made workbook (no shared strings, the sheet first).
const small = folder.path('clientes.xlsx');

const leftovers = () => readdirSync(tmp);

beforeAll(async () => {
	mkdirSync(tmp);
	process.env.TMPDIR = tmp; // os.tmpdir(): readSource's folders, exceljs' temp files, the server's
	expect(writeXlsxBomb(spaces, { unit: SPACE_UNIT, copies: 1200 }).sheetBytes).toBeGreaterThan(1.2e9);
	expect(writeXlsxBomb(rows, { unit: ROW_UNIT, copies: 500 }).bytes).toBeLessThan(2e6);
	writeXlsxBomb(liar, { unit: ROW_UNIT, copies: 300, declare: { unpackedBytes: 100_000 } });
	writeXlsxBomb(dense, { unit: ROW_UNIT, copies: 1, copyBytes: 900_000 });
	writeXlsxBomb(small, { unit: ROW_UNIT, copies: 1, copyBytes: ROW_UNIT.length });
	db = await openTempDatabase(folder);
}, 60_000);
afterAll(() => {
	db?.close();
	if (previousTmp === undefined) delete process.env.TMPDIR;
	else process.env.TMPDIR = previousTmp;
	folder.remove();
});

const codeOf = (promise: Promise<unknown>) =>
	promise.then(
		() => 'loaded',
		(error: { code?: string }) => error.code ?? String(error)
	);

describe('an .xlsx zip bomb through ingestFiles', () => {
	it('is refused from its ZIP directory when a part unpacks to over 100 times its packed size', async () => {
		expect(await codeOf(ingestFiles(db, [{ path: spaces, name: 'espacios.xlsx' }]))).toBe('xlsx_ratio');
		expect(await codeOf(ingestFiles(db, [{ path: rows, name: 'filas.xlsx' }]))).toBe('xlsx_ratio');
		expect(await refusal(readSource(spaces, 'espacios.xlsx'))).toMatch(
			/^espacios\.xlsx: the part xl\/worksheets\/sheet1\.xml of this Excel workbook unpacks to 1010 times its packed size, over the limit of 100:1/
		);
		expect(leftovers()).toEqual([]);
	});

	it('is refused while unpacking when a part holds more than its directory declares', async () => {
		expect(await codeOf(ingestFiles(db, [{ path: liar, name: 'mentira.xlsx' }]))).toBe('xlsx_part_mismatch');
		expect(await codeOf(previewFile(db, liar, 'mentira.xlsx'))).toBe('xlsx_part_mismatch');
		expect(leftovers()).toEqual([]);
	});

	it('is refused when its parts unpack to more than 20 times the upload limit', async () => {
		const { size } = await import('node:fs').then((fs) => fs.statSync(dense));
		const refused = await readSource(dense, 'denso.xlsx', { maxBytes: size }).catch((e) => e);
		expect(refused.code).toBe('xlsx_too_large');
		expect(refused.params.limit_bytes).toBe(20 * size);
		expect(said(refused, 'es')).toMatch(/^denso\.xlsx: este libro de Excel ocupa .* descomprimido, más que el límite de/);
		expect(leftovers()).toEqual([]);
	});

	it('refuses a worksheet row wider than 1,000 columns or longer than 1 MB, naming the row', async () => {
		const ExcelJS = (await import('exceljs')).default;
		const sheet = async (file: string, rows: unknown[][]) => {
			const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: folder.path(file), useSharedStrings: false });
			const ws = wb.addWorksheet('Datos');
			for (const r of rows) ws.addRow(r).commit();
			ws.commit();
			await wb.commit();
			return folder.path(file);
		};
		const wide = await sheet('ancho.xlsx', [['Código cliente', 'Razón social'], Array.from({ length: 1001 }, (_, i) => `v${i}`)]);
		const refusedWide = await readSource(wide, 'ancho.xlsx').catch((e) => e);
		expect([refusedWide.code, refusedWide.params.line, refusedWide.params.limit]).toEqual(['too_many_columns', 2, 1000]);
		// Excel keeps at most 32,767 characters in a cell: 40 of them make a 1.3 MB row (random, or it
		// would pack like a bomb).
		const long = await sheet('largo.xlsx', [['Código cliente', 'Razón social'], ['C1', 'Alfa'], Array.from({ length: 40 }, () => randomBytes(16_383).toString('hex'))]);
		const refusedLong = await readSource(long, 'largo.xlsx').catch((e) => e);
		expect([refusedLong.code, refusedLong.params.line]).toEqual(['line_too_long', 3]);
		expect(leftovers()).toEqual([]);
	}, 60_000);

	it('leaves nothing loaded', async () => {
		expect((await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM upload_batches'))!.n).toBe(0);
	});

	it('does not stop a real workbook from loading, nor leave temporary files when a later sheet is not read', async () => {
		const report = await ingestFiles(db, [{ path: small, name: 'clientes.xlsx' }]);
		expect(report.files.map((f) => [f.kind, f.loaded, f.rejected])).toEqual([['clients', 2, 0]]);
		// Excel writes the sheets before the shared strings; exceljs then put each sheet in a temp
		// file, removed only when read to the end: reading the first of two sheets left the second.
		const two = folder.path('dos-hojas.xlsx');
		await superstoreXlsx(two, { notesFirst: true, rows: 200 });
		expect(await codeOf(previewFile(db, two, 'dos-hojas.xlsx', { sheet: 1 }, 1))).toBe('xlsx_sheet_no_table'); // the notes hold no table
		expect((await previewFile(db, two, 'dos-hojas.xlsx', {}, 1)).sheet).toBe('Orders'); // the notes looked at, dropped
		expect((await previewFile(db, two, 'dos-hojas.xlsx', { sheet: 'Orders' }, 1)).rows[0]![0]).toBe('1');
		expect(leftovers()).toEqual([]);
	}, 60_000);
});

describe('an .xlsx zip bomb through POST /api/uploads', () => {
	let server: RunningServer;
	const upload = async (path: string, name: string) => {
		const { readFileSync } = await import('node:fs');
		const form = new FormData();
		form.append('file', new Blob([readFileSync(path)]), name);
		const response = await server.fetch(`${server.url}/api/uploads`, { method: 'POST', body: form, headers: { 'accept-language': 'es' } });
		return { status: response.status, body: (await response.json()) as { code: string; error: string } };
	};

	beforeAll(async () => {
		server = await startServer(folder.path('server.duckdb')); // inherits TMPDIR
	}, 60_000);
	afterAll(async () => {
		await server?.stop();
	});

	it('refuses each bomb with its code and a Spanish message, removes every temporary file and keeps answering', async () => {
		const pid = serverPid();
		const before = peakRssMb(pid);
		for (const [path, name, code] of [
			[spaces, 'espacios.xlsx', 'xlsx_ratio'],
			[rows, 'filas.xlsx', 'xlsx_ratio'],
			[liar, 'mentira.xlsx', 'xlsx_part_mismatch']
		] as const) {
			const r = await upload(path, name);
			expect([r.status, r.body.code]).toEqual([400, code]);
			expect(r.body.error).toMatch(new RegExp(`^${name.replace('.', '\\.')}: la parte xl/worksheets/sheet1\\.xml de este libro de Excel`));
			expect(leftovers()).toEqual([]);
			expect((await server.fetch(`${server.url}/api/metrics/kpis`)).status).toBe(200);
		}
		// The 2 MB bomb lifted the server to 1.6 GB: refused unread, it stays near its start.
		const peak = peakRssMb(pid);
		expect(peak).toBeLessThan(400);
		expect(peak - before).toBeLessThan(100);
	}, 60_000);

	it('still loads a real workbook', async () => {
		const r = await upload(small, 'clientes.xlsx');
		expect(r.status).toBe(200);
		expect((r.body as unknown as { files: { kind: string; loaded: number }[] }).files.map((f) => [f.kind, f.loaded])).toEqual([['clients', 2]]);
		expect(leftovers()).toEqual([]);
	}, 60_000);
});
