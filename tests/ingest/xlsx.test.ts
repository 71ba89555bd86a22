// Excel workbooks through the ingest: a real export (Tableau Superstore, Windows-1252 CSV) written
// here as an .xlsx with exceljs (numbers as numbers, dates as date cells), then ingested like the
// CSV. Expected figures are copied from tests/fixtures/real-expected.md §2, not from ingest output.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { ingestFiles, type CodedFileReport } from '../../src/lib/server/ingest/ingest';
import { previewFile } from '../../src/lib/server/ingest/preview';
import { readSource } from '../../src/lib/server/ingest/read-source';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';
import { superstoreXlsx } from '../helpers/xlsx-fixture';
import { refusal } from '../helpers/said';

const folder = tempFolder();
let db: Database;

const xlsx = folder.path('superstore.xlsx');
let f: CodedFileReport;

beforeAll(async () => {
	await superstoreXlsx(xlsx, { notesFirst: true });
	db = await openTempDatabase(folder);
	f = (await ingestFiles(db, [{ path: xlsx, name: 'ventas.xlsx' }], { sheet: 'Orders' })).files[0]!;
}, 120_000);
afterAll(() => {
	db?.close();
	folder.remove();
});

const value = async (sql: string) => Object.values((await db.one<Record<string, unknown>>(sql))!)[0];

describe('an .xlsx export', () => {
	it('loads every record of the chosen worksheet as invoices', () => {
		expect(f.kind).toBe('invoices');
		// 9994 records, strict rejects: none (real-expected.md §2)
		expect(f.rows_read).toBe(9994);
		expect(f.loaded).toBe(9994);
		expect(f.rejected).toBe(0);
	});

	it('stores Σ Sales = 2297200.8603 exactly and the order dates 2014-01-03 … 2017-12-30', async () => {
		// Σ Decimal(Sales), exact (real-expected.md §2)
		expect(await value(`SELECT sum(amount)::VARCHAR FROM invoice_lines`)).toBe('2297200.8603');
		// Order Date range (real-expected.md §2)
		expect(await value(`SELECT min(invoice_date)::VARCHAR || ' ' || max(invoice_date)::VARCHAR FROM invoice_lines`)).toBe('2014-01-03 2017-12-30');
		// distinct Customer ID / Product ID (real-expected.md §2)
		expect(await value(`SELECT count(*)::INTEGER FROM clients`)).toBe(793);
		expect(await value(`SELECT count(*)::INTEGER FROM products`)).toBe(1862);
		// ä ö ü survive (decoded from cp1252 here, stored as UTF-8 strings in the workbook)
		expect(await value(`SELECT count(*)::INTEGER FROM clients WHERE contains(name, 'ö')`)).toBeGreaterThan(0);
	});

	it('keeps the hash of the workbook bytes for the batch', async () => {
		const hash = createHash('sha256').update(readFileSync(xlsx)).digest('hex');
		expect(await value(`SELECT file_hash FROM upload_batches WHERE batch_id = ${f.batch_id}`)).toBe(hash);
	});

	it('reads the sheet holding the table by default (not the notes before it) and shows numbers with "." and ISO dates in the preview', async () => {
		const found = await previewFile(db, xlsx, 'ventas.xlsx', {}, 5);
		expect([found.sheet, found.headers.slice(0, 2)]).toEqual(['Orders', ['Row ID', 'Order ID']]);
		expect(await refusal(previewFile(db, xlsx, 'ventas.xlsx', { sheet: 1 }, 5))).toMatch(
			/^ventas\.xlsx: the worksheet "Notas" holds no table Cartera can load; the worksheet "Orders" does/
		);
		const orders = await previewFile(db, xlsx, 'ventas.xlsx', { sheet: 2 }, 3);
		expect(orders.headers.slice(0, 3)).toEqual(['Row ID', 'Order ID', 'Order Date']);
		expect(orders.rows[0]!.slice(0, 3)).toEqual(['1', 'CA-2016-152156', '2016-11-08']);
		expect(orders.rows[0]![orders.headers.indexOf('Sales')]).toBe('261.96');
	});

	it('refuses a missing worksheet, a ZIP that is no workbook and an old .xls, naming the file', async () => {
		expect(await refusal(readSource(xlsx, 'ventas.xlsx', { sheet: 'Facturas' }))).toMatch(/ventas\.xlsx: .*no worksheet "Facturas" \(it has "Notas", "Orders"\)/);
		const zip = folder.write('datos.csv', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 1), Buffer.from('word/document.xml')]));
		expect(await refusal(readSource(zip, 'datos.csv'))).toMatch(/datos\.csv: this is a ZIP archive, not a text export/);
		const xls = folder.write('viejo.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]));
		expect(await refusal(readSource(xls, 'viejo.xls'))).toMatch(/Excel 97-2003/);
	});
});
