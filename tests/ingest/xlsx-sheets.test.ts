// Workbooks as people keep them (issue 12, item 7): the data sits on a sheet after a cover and
// notes. With no sheet given, the ingest reads the first sheet whose table is of a kind it loads,
// says which in the report and lists the others; a sheet given by name or position is read as
// asked, and one that holds no table is refused naming the sheet that does. Real DuckDB file, the
// CLI in its own process. Expected figures are worked out from tests/helpers/xlsx-kept-workbook.ts.
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { sayReport } from '../../src/lib/i18n/ingest-report';
import { ingestFiles, type CodedFileReport } from '../../src/lib/server/ingest/ingest';
import { ingestOptions } from '../../src/lib/server/ingest/options';
import { previewFile } from '../../src/lib/server/ingest/preview';
import { readSource } from '../../src/lib/server/ingest/read-source';
import { runCli } from '../helpers/run-cli';
import { startServer, type RunningServer } from '../helpers/server';
import { refusal } from '../helpers/said';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';
import { keptWorkbook, largeKeptWorkbook, setTabOrder } from '../helpers/xlsx-kept-workbook';

const folder = tempFolder();
const tmp = folder.path('tmp');
const previousTmp = process.env.TMPDIR;
const book = folder.path('ventas-2025.xlsx');
const moved = folder.path('ventas-movida.xlsx'); // "Ventas" stored first (sheet1.xml), its tab last
const hidden = folder.path('ventas-oculta.xlsx'); // a hidden clients sheet before the cover
const covers = folder.path('solo-portada.xlsx'); // no sheet holds a table
let db: Database;

const leftovers = () => readdirSync(tmp).filter((n) => !n.startsWith('tsx-')); // tsx's compile cache, of the child processes
const count = async (sql: string) => (await db.one<{ n: number }>(`SELECT (${sql})::INTEGER AS n`))!.n;

beforeAll(async () => {
	mkdirSync(tmp);
	process.env.TMPDIR = tmp; // readSource's folders and the candidate sheets' CSVs go there
	await keptWorkbook(book);
	await keptWorkbook(moved, { salesFirstPart: true });
	await keptWorkbook(hidden, { hiddenLookup: true });
	const wb = new ExcelJS.Workbook();
	wb.addWorksheet('Portada').addRow(['Informe de ventas 2025']);
	wb.addWorksheet('Notas').addRow(['Sin datos este mes']);
	await wb.xlsx.writeFile(covers);
	db = await openTempDatabase(folder);
}, 60_000);
afterAll(() => {
	db?.close();
	if (previousTmp === undefined) delete process.env.TMPDIR;
	else process.env.TMPDIR = previousTmp;
	folder.remove();
});

describe('a workbook with a cover and notes before the data', () => {
	let f: CodedFileReport;
	beforeAll(async () => {
		f = (await ingestFiles(db, [{ path: book, name: 'ventas-2025.xlsx' }])).files[0]!;
	}, 60_000);

	it('loads the invoice lines of "Ventas" with no sheet given', async () => {
		expect([f.kind, f.rows_read, f.loaded, f.rejected]).toEqual(['invoices', 4, 4, 0]);
		// Importe is a formula (Cantidad × Precio unitario): its cached results 301 + 99.99 + 1505 + 3702.75
		expect(f.amount_total).toBe(5608.74);
		// Excel dates (day numbers formatted dd/mm/yyyy) read as dates
		expect(f.date_range).toEqual({ from: '2025-01-05', to: '2025-03-31' });
		const lines = await db.all<{ id: string; date: string; amount: number }>(
			`SELECT invoice_id AS id, invoice_date::VARCHAR AS date, amount::DOUBLE AS amount FROM invoice_lines ORDER BY 1, 3`
		);
		expect(lines.map((l) => [l.id, l.date, l.amount])).toEqual([
			['F-001', '2025-01-05', 99.99],
			['F-001', '2025-01-05', 301],
			['F-002', '2025-02-14', 1505],
			['F-003', '2025-03-31', 3702.75]
		]);
	});

	it('names the sheet read and lists the others, in the report and in its words', () => {
		expect([f.sheet, f.other_sheets]).toEqual(['Ventas', ['Portada', 'Notas']]);
		const en = sayReport({ files: [f] }, 'en').files[0]!.warnings;
		expect(en[0]).toBe('Read the worksheet "Ventas", the first whose table Cartera can load; not read: "Portada", "Notas" (--sheet chooses another).');
		const es = sayReport({ files: [f] }, 'es').files[0]!.warnings;
		expect(es[0]).toBe(
			'Se leyó la hoja "Ventas", la primera con una tabla que Cartera puede cargar; no se leyeron "Portada" y "Notas" (--sheet elige otra).'
		);
	});

	it('finds the header below the merged title, as the preview shows', async () => {
		const preview = await previewFile(db, book, 'ventas-2025.xlsx', {}, 2);
		expect([preview.sheet, preview.sheets, preview.headerLine]).toEqual(['Ventas', ['Portada', 'Notas', 'Ventas'], 3]);
		expect(preview.headers).toEqual(['Nº factura', 'Fecha', 'Código cliente', 'Código producto', 'Cantidad', 'Precio unitario', 'Importe']);
		expect(preview.rows[0]).toEqual(['F-001', '2025-01-05', 'C1', 'P1', '2', '150.5', '301']);
	});

	it('leaves no temporary file of the sheets it looked at', () => {
		expect(leftovers()).toEqual([]);
	});
});

describe('a sheet given by name or position', () => {
	it('refuses a sheet that holds no table, naming the one that does, and loads nothing', async () => {
		const batches = await count('SELECT count(*) FROM upload_batches');
		const load = () => ingestFiles(db, [{ path: book, name: 'ventas-2025.xlsx' }], ingestOptions({ sheet: 'Notas' }));
		expect(await refusal(load())).toBe(
			'ventas-2025.xlsx: the worksheet "Notas" holds no table Cartera can load; the worksheet "Ventas" does: ' +
				'choose it (--sheet "Ventas"), or choose no sheet and the table is found.'
		);
		expect(await refusal(load(), 'es')).toBe(
			'ventas-2025.xlsx: la hoja "Notas" no tiene ninguna tabla que Cartera pueda cargar; la hoja "Ventas" sí: ' +
				'elígela (--sheet "Ventas"), o no elijas ninguna hoja y se encontrará la tabla.'
		);
		expect(await count('SELECT count(*) FROM upload_batches')).toBe(batches);
		expect(leftovers()).toEqual([]);
	});

	it('reads the third sheet with --sheet 3, saying it was asked for', async () => {
		const f = (await ingestFiles(db, [{ path: book, name: 'ventas-2025.xlsx' }], { ...ingestOptions({ sheet: '3' }), dryRun: true })).files[0]!;
		expect([f.kind, f.loaded, f.amount_total, f.sheet, f.other_sheets]).toEqual(['invoices', 4, 5608.74, 'Ventas', ['Portada', 'Notas']]);
		expect(sayReport({ files: [f] }, 'en').files[0]!.warnings[0]).toBe('Read the worksheet "Ventas", as asked; not read: "Portada", "Notas".');
	});

	it('refuses a sheet the workbook does not have, and a position of 0 or an empty name', async () => {
		expect(await refusal(readSource(book, 'ventas-2025.xlsx', ingestOptions({ sheet: '7' })))).toBe(
			'ventas-2025.xlsx: this Excel workbook has no worksheet number 7 (it has "Portada", "Notas", "Ventas").'
		);
		expect(() => ingestOptions({ sheet: '0' })).toThrow(expect.objectContaining({ code: 'option_sheet' }));
		expect(() => ingestOptions({ sheet: ' ' })).toThrow(expect.objectContaining({ code: 'option_sheet' }));
	});
});

describe('where the data sheet is not simply after the cover', () => {
	it('follows the tabs, not the order the sheets are stored in', async () => {
		const source = await readSource(moved, 'movida.xlsx');
		try {
			expect([source.workbook?.sheet, source.workbook?.chosen, source.headers[0]]).toEqual(['Ventas', 'fits', 'Nº factura']);
		} finally {
			source.cleanup();
		}
		// of two sheets that fit, the first tab wins even when its part is stored after the other's
		const two = folder.path('dos-tablas.xlsx');
		const wb = new ExcelJS.Workbook();
		const lines = wb.addWorksheet('Ventas'); // sheet1.xml
		lines.addRow(['Nº factura', 'Fecha', 'Código cliente', 'Importe']);
		lines.addRow(['F-1', '05/01/2025', 'C1', 10]);
		const clients = wb.addWorksheet('Clientes'); // sheet2.xml
		clients.addRow(['Código cliente', 'Razón social']);
		clients.addRow(['C1', 'Alfa']);
		const cover = wb.addWorksheet('Portada'); // sheet3.xml
		cover.addRow(['Cartera de clientes']);
		setTabOrder([cover, clients, lines]);
		await wb.xlsx.writeFile(two);
		const chosen = await readSource(two, 'dos-tablas.xlsx');
		try {
			expect([chosen.workbook?.sheets, chosen.workbook?.sheet, chosen.headers]).toEqual([['Portada', 'Clientes', 'Ventas'], 'Clientes', ['Código cliente', 'Razón social']]);
		} finally {
			chosen.cleanup();
		}
		expect(leftovers()).toEqual([]);
	});

	it('never picks a hidden sheet by itself nor lists it, and reads it when asked (the sheets after it unread)', async () => {
		const source = await readSource(hidden, 'oculta.xlsx');
		try {
			expect([source.workbook?.sheet, source.workbook?.sheets]).toEqual(['Ventas', ['Portada', 'Notas', 'Ventas']]);
		} finally {
			source.cleanup();
		}
		const asked = await readSource(hidden, 'oculta.xlsx', { sheet: 'clientes' });
		try {
			expect([asked.workbook?.sheet, asked.workbook?.chosen, asked.headers]).toEqual(['Clientes', 'given', ['Código cliente', 'Razón social']]);
		} finally {
			asked.cleanup();
		}
		expect(leftovers()).toEqual([]);
	});

	it('reads the first sheet when no sheet holds a table, so the refusal names its headers', async () => {
		expect(await refusal(ingestFiles(db, [{ path: covers, name: 'portada.xlsx' }]))).toMatch(
			/^portada\.xlsx: cannot tell what this export holds from its headers \(Informe de ventas 2025\)/
		);
		const source = await readSource(covers, 'portada.xlsx');
		expect([source.workbook?.sheet, source.workbook?.chosen]).toEqual(['Portada', 'first']);
		source.cleanup();
		expect(leftovers()).toEqual([]);
	});
});

describe('a large workbook', () => {
	// Each row the reader gave was held to the end (a Promise.race against the stream's failure kept
	// a reaction per row): this workbook needed ~330 MB of heap, one of 900,000 rows 3 GB.
	it('is streamed: 100,000 rows after a cover and notes read with 64 MB of heap', async () => {
		const big = folder.path('grande.xlsx');
		await largeKeptWorkbook(big, 100_000);
		const child = spawnSync(process.execPath, ['--max-old-space-size=64', '--import', 'tsx', 'tests/helpers/read-workbook.ts', big], { encoding: 'utf8', env: process.env });
		expect(child.stderr).toBe('');
		expect(child.status).toBe(0);
		const read = JSON.parse(child.stdout) as { sheet: string; headers: string[]; csvBytes: number; maxRssMb: number };
		expect([read.sheet, read.headers[0]]).toEqual(['Ventas', 'Nº factura']);
		expect(read.csvBytes).toBeGreaterThan(100_000 * 50); // every row written
		expect(read.maxRssMb).toBeLessThan(300);
		expect(leftovers()).toEqual([]);
	}, 120_000);
});

describe('the upload page\'s API (built server)', () => {
	let server: RunningServer;
	const call = async (path: string, body: FormData | object) => {
		const form = body instanceof FormData;
		const r = await server.fetch(`${server.url}${path}`, {
			method: 'POST',
			body: form ? body : JSON.stringify(body),
			headers: { 'accept-language': 'es', ...(form ? {} : { 'content-type': 'application/json' }) }
		});
		return { status: r.status, body: await r.json() };
	};
	const workbookForm = (fields: Record<string, string> = {}) => {
		const form = new FormData();
		for (const [k, v] of Object.entries(fields)) form.append(k, v);
		form.append('file', new Blob([readFileSync(book)]), 'ventas-2025.xlsx');
		return form;
	};
	beforeAll(async () => {
		server = await startServer(folder.path('server.duckdb'));
	}, 60_000);
	afterAll(async () => {
		await server?.stop();
	});

	it('previews the sheet found, lists every sheet for the page to offer, and says which in the report', async () => {
		const staged = await call('/api/uploads/stage', workbookForm());
		const ids = [staged.body.files[0].id];
		const found = await call('/api/uploads/stage/preview', { ids, options: {} });
		expect(found.status).toBe(200);
		const preview = found.body.files[0].preview;
		expect([preview.sheet, preview.sheets, preview.kind, preview.headerLine]).toEqual(['Ventas', ['Portada', 'Notas', 'Ventas'], 'invoices', 3]);
		expect(found.body.report.files[0].warnings[0]).toBe(
			'Se leyó la hoja "Ventas", la primera con una tabla que Cartera puede cargar; no se leyeron "Portada" y "Notas" (--sheet elige otra).'
		);
		// the sheet chosen on the page (its position): the notes are refused naming the data sheet
		const notes = await call('/api/uploads/stage/preview', { ids, options: { sheet: '2' }, parts: ['records'] });
		expect([notes.status, notes.body.files[0].code]).toEqual([200, 'xlsx_sheet_no_table']);
		expect(notes.body.files[0].error).toMatch(/^ventas-2025\.xlsx: la hoja "Notas" no tiene ninguna tabla que Cartera pueda cargar; la hoja "Ventas" sí/);
		expect((await server.fetch(`${server.url}/api/metrics/kpis`)).status).toBe(200);
	}, 60_000);

	it('loads the sheet POST /api/uploads is given ("sheet", as the CLI\'s --server sends it), and refuses a bad one', async () => {
		const bad = await call('/api/uploads', workbookForm({ sheet: 'Portada' }));
		expect([bad.status, bad.body.code]).toEqual([400, 'xlsx_sheet_no_table']);
		const zero = await call('/api/uploads', workbookForm({ sheet: '0' }));
		expect([zero.status, zero.body.code]).toEqual([400, 'option_sheet']);
		const r = await call('/api/uploads', workbookForm({ sheet: 'ventas' }));
		expect(r.status).toBe(200);
		expect(r.body.files.map((f: CodedFileReport) => [f.sheet, f.kind, f.loaded])).toEqual([['Ventas', 'invoices', 4]]);
		expect((await server.fetch(`${server.url}/api/metrics/kpis`)).status).toBe(200);
	}, 60_000);
});

describe('npm run ingest --sheet', () => {
	const env = { CARTERA_LANG: 'en' };

	it('loads the data sheet with no flag and says which, and the third sheet with --sheet 3', async () => {
		const r = await runCli('ingest', [book, '--db', folder.path('cli.duckdb')], env);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('ventas-2025.xlsx → invoices: 4 rows read, 4 loaded (4 new, 0 updated, 0 unchanged), 0 rejected');
		expect(r.stdout).toContain('note: Read the worksheet "Ventas", the first whose table Cartera can load; not read: "Portada", "Notas"');
		const third = await runCli('ingest', [book, '--sheet', '3', '--db', folder.path('cli.duckdb'), '--json'], env);
		expect(third.code).toBe(0);
		const doc = JSON.parse(third.stdout).files[0];
		expect([doc.sheet, doc.other_sheets, doc.unchanged]).toEqual(['Ventas', ['Portada', 'Notas'], 4]);
	}, 60_000);

	it('refuses --sheet Notas in one sentence, exit 1, nothing on stdout', async () => {
		const r = await runCli('ingest', [book, '--sheet', 'Notas', '--db', folder.path('cli-err.duckdb'), '--json'], env);
		expect([r.code, r.stdout]).toEqual([1, '']);
		expect(r.stderr.trim()).toBe(
			`${book}: the worksheet "Notas" holds no table Cartera can load; the worksheet "Ventas" does: choose it (--sheet "Ventas"), or choose no sheet and the table is found.`
		);
		const es = await runCli('ingest', [book, '--sheet', '', '--db', folder.path('cli-err.duckdb')], { CARTERA_LANG: 'es' });
		expect([es.code, es.stderr.trim()]).toEqual([1, '--sheet: la hoja debe ser el nombre de una hoja del libro o su posición a partir de 1.']);
	}, 60_000);
});
