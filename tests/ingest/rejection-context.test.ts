// Reports a person can act on (issue 12, item 6): every rejected row comes with what identifies it
// — its key, client and date as written in the file — stored with the batch (migration 010) and
// read back after the commit a page at a time; the mapping table lists every field of the kind,
// required ones first. Real DuckDB files, real ingests.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { columnReport } from '../../src/lib/server/ingest/report';
import { KIND_SPECS, invoicePartSpec } from '../../src/lib/server/ingest/kinds';
import { batchRejections, rejectedBatch } from '../../src/lib/server/ingest/rejection-history';
import { IDENTIFYING_COLUMNS } from '../../src/lib/server/ingest/rejection-context';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';
import { ingestSaid } from '../helpers/said';

const folder = tempFolder();
let db: Database;
let n = 0;

beforeEach(async () => {
	db?.close();
	db = await openTempDatabase(folder, `r${++n}.duckdb`);
});
afterAll(() => {
	db.close();
	folder.remove();
});

const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

// Line 3: a date that does not exist; line 4: a bad amount; line 5: a bad date AND a bad amount
// (two cells, one row); line 6: one field too many.
const invoices = folder.write(
	'facturas.csv',
	csv(
		'Nº factura;Fecha;Código cliente;Importe',
		'F-1;05/01/2025;C1;1.000,00',
		'F-2;31/02/2025; C1 ;10,00',
		'F-3;07/01/2025;C2;12,3x',
		'F-4;32/01/2025;C2;abc',
		'F-5;08/01/2025;C2;1,00;sobra'
	)
);

describe('rejected rows and what identifies them', () => {
	it('gives each rejected row its key, client and date as written, beside its failing cells', async () => {
		const f = (await ingestSaid(db, [{ path: invoices, name: 'facturas.csv' }], {}, 'es')).files[0]!;
		// 4 rows rejected, 5 cells: the report counts rows, the rows it lists never outnumber them.
		expect(f).toMatchObject({ rows_read: 5, loaded: 1, rejected: 4 });
		expect(f.rejections.map((r) => [r.line, r.column])).toEqual([
			[3, 'Fecha'],
			[4, 'Importe'],
			[5, 'Fecha'],
			[5, 'Importe'],
			[6, '(row)']
		]);
		// Values as written (the impossible date too; cells trimmed), keyed by field, in the kind's order.
		expect(f.rejected_rows).toEqual([
			{ line: 3, values: { invoice_id: 'F-2', client_id: 'C1', invoice_date: '31/02/2025' } },
			{ line: 4, values: { invoice_id: 'F-3', client_id: 'C2', invoice_date: '07/01/2025' } },
			{ line: 5, values: { invoice_id: 'F-4', client_id: 'C2', invoice_date: '32/01/2025' } },
			{ line: 6, values: { invoice_id: 'F-5', client_id: 'C2', invoice_date: '08/01/2025' } }
		]);
		expect(f.rejected_rows.length).toBeLessThanOrEqual(f.rejected);

		// Stored with every cell of the batch, for the history.
		const stored = await db.all<{ line: number; context: string }>(
			`SELECT line, context::VARCHAR AS context FROM upload_rejections WHERE batch_id = $1 ORDER BY line, rowid`,
			[f.batch_id]
		);
		expect(stored).toHaveLength(5);
		expect(JSON.parse(stored[3]!.context)).toEqual({ invoice_id: 'F-4', client_id: 'C2', invoice_date: '32/01/2025' });
	});

	it('a dry run reports the same rows and stores nothing', async () => {
		const dry = (await ingestSaid(db, [{ path: invoices, name: 'facturas.csv' }], { dryRun: true })).files[0]!;
		expect(dry.rejected_rows.map((r) => r.line)).toEqual([3, 4, 5, 6]);
		expect(dry.rejected_rows[0]!.values.invoice_id).toBe('F-2');
		expect((await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM upload_rejections`))!.n).toBe(0);
	});

	it('takes a line file’s identity from its documents file (client and date live there)', async () => {
		const documents = folder.write('Pedidos.csv', csv('Id. de pedido;Cliente;Fecha de pedido', '1;C1;05/01/2025', '2;C2;06/01/2025'));
		const lines = folder.write('Detalles de pedidos.csv', csv('Id. de pedido;Producto;Precio por unidad;Cantidad', '1;P1;10,00;2', '2;P2;1,00;x', '9;P3;1,00;1'));
		const f = (await ingestSaid(db, [{ path: documents, name: 'Pedidos.csv' }, { path: lines, name: 'Detalles de pedidos.csv' }])).files[0]!;
		expect(f.file).toBe('Detalles de pedidos.csv + Pedidos.csv');
		expect(f.rejected_rows).toEqual([
			{ line: 3, values: { invoice_id: '2', client_id: 'C2', invoice_date: '06/01/2025' } },
			// no document 9: the line's own number, nothing from the documents file
			{ line: 4, values: { invoice_id: '9', client_id: null, invoice_date: null } }
		]);
	});

	it('identifies a register’s rows by code and name', async () => {
		const clients = folder.write('clientes.csv', csv('Código cliente;Razón social;Fecha de alta', 'C1;Alfa;01/02/2020', 'C2;Beta;03/04/2021;sobra'));
		const f = (await ingestSaid(db, [{ path: clients, name: 'clientes.csv' }])).files[0]!;
		expect(f.rejected_rows).toEqual([{ line: 3, values: { client_id: 'C2', name: 'Beta' } }]);
	});

	it('reads a batch’s rejections back after the commit, a page at a time, in line order', async () => {
		const f = (await ingestSaid(db, [{ path: invoices, name: 'facturas.csv' }])).files[0]!;
		expect(await rejectedBatch(db, f.batch_id)).toEqual({ batch_id: f.batch_id, kind: 'invoices', file_name: 'facturas.csv', rejected: 4 });
		expect(await rejectedBatch(db, 9999)).toBeNull();
		expect(await rejectedBatch(db, -1)).toBeNull();
		const pages = [];
		for await (const page of batchRejections(db, f.batch_id, 2)) pages.push(page);
		expect(pages.map((p) => p.cells.map((c) => `${c.line}:${c.column}`))).toEqual([['3:Fecha', '4:Importe'], ['5:Fecha', '5:Importe'], ['6:(row)']]);
		// each page brings the identity of its own rows
		expect(pages[1]!.rows).toEqual([{ line: 5, values: { invoice_id: 'F-4', client_id: 'C2', invoice_date: '32/01/2025' } }]);
		// a batch stored before migration 010 (no context) still reads, with no identity
		await db.run(`INSERT INTO upload_rejections (batch_id, line, "column", value, reason) VALUES (9998, 2, 'Importe', 'x', 'expected a number like 1.234,56')`);
		const old = [];
		for await (const page of batchRejections(db, 9998)) old.push(page);
		expect(old[0]!.rows).toEqual([{ line: 2, values: {} }]);
	});

	it('names for every kind identifying fields the kind has', () => {
		for (const [kind, columns] of Object.entries(IDENTIFYING_COLUMNS))
			for (const c of columns) expect(KIND_SPECS[kind as keyof typeof KIND_SPECS].columns.map((x) => x.name), `${kind}.${c}`).toContain(c);
	});
});

describe('the mapping table', () => {
	it('lists every field of the kind, required ones first, a field with no header too', () => {
		const spec = KIND_SPECS.invoices;
		const headers = ['Nº factura', 'Fecha', 'Código cliente', 'Columna rara'];
		const rows = columnReport(spec, { invoice_id: 0, invoice_date: 1, client_id: 2 }, undefined, headers, [['F-1'], ['05/01/2025'], ['C1'], ['1.000,00']]);
		const mappable = spec.columns.filter((c) => c.synonyms.length > 0).map((c) => c.name);
		expect(rows.map((r) => r.name).sort()).toEqual([...mappable].sort());
		const firstOptional = rows.findIndex((r) => !r.required);
		expect(rows.slice(0, firstOptional).map((r) => r.name)).toEqual(spec.columns.filter((c) => c.required).map((c) => c.name));
		expect(rows.slice(firstOptional).every((r) => !r.required)).toBe(true);
		expect(rows.find((r) => r.name === 'amount')).toMatchObject({ required: true, source: null, match: 'none', samples: [] });
	});

	it('gives an invoice documents file the fields of its lines too, not required of it, to map by hand', () => {
		const headers = ['Nro. Factura', 'Fecha Emisión', 'Cód. Cliente', 'Total Bs.'];
		const rows = columnReport(invoicePartSpec('header'), { invoice_id: 0, invoice_date: 1, client_id: 2 }, undefined, headers, []);
		expect(rows.find((r) => r.name === 'amount')).toMatchObject({ required: false, other_file: true, source: null });
		expect(rows.find((r) => r.name === 'client_id')).toMatchObject({ required: true, source: 'Cód. Cliente' });
		expect(rows.find((r) => r.name === 'client_id')).not.toHaveProperty('other_file');
		expect(rows.filter((r) => r.required).map((r) => r.name)).toEqual(['invoice_id', 'invoice_date', 'client_id']);
	});
});
