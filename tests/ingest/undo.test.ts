// Undoing upload batches: rows a batch inserted go, versions it replaced come back (from the
// archive the merge keeps), in one transaction; a batch whose rows a later batch changed cannot be
// undone before that one; an undone batch cannot be undone again. Figures return exactly.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { BatchError, listBatches, undoBatch } from '../../src/lib/server/batches';
import type { Database } from '../../src/lib/server/db/database';
import { ingestFiles, type CodedFileReport } from '../../src/lib/server/ingest/ingest';
import { METRIC_NAMES, computeMetric } from '../../src/lib/server/metrics/index';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';
import { refusal, said } from '../helpers/said';

const REAL = join(process.cwd(), '..', 'shared', 'data', 'real');
const folder = tempFolder();
let db: Database;
let n = 0;

beforeEach(async () => {
	db?.close();
	db = await openTempDatabase(folder, `u${++n}.duckdb`);
});
afterAll(() => {
	db.close();
	folder.remove();
});

const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const HEADER = 'Nº factura;Fecha;Código cliente;Importe';
const clients = folder.write('clientes.csv', csv('Código cliente;Razón social', 'C1;Alfa', 'C2;Beta'));
const january = folder.write('enero.csv', csv(HEADER, 'F-1;05/01/2025;C1;100,00', 'F-2;06/01/2025;C2;50,00', 'F-3;07/01/2025;C1;25,00'));
// The corrected January: F-1 unchanged, F-2 50,00 → 55,10, F-3 moves to C2, F-4 new.
const corrected = folder.write(
	'enero-corregido.csv',
	csv(HEADER, 'F-1;05/01/2025;C1;100,00', 'F-2;06/01/2025;C2;55,10', 'F-3;07/01/2025;C2;25,00', 'F-4;08/01/2025;C2;10,00')
);

const load = async (path: string, name: string): Promise<CodedFileReport> => (await ingestFiles(db, [{ path, name }])).files[0]!;

/**
 * Every entity table and archive, rows in a fixed order, batch ids included; and the stored
 * rollups (invoice totals, migration 007; month sales per client, 019, and per product line, 020;
 * first positive month per client and product line, 025), checked equal to what the lines give at every call.
 */
async function tables(): Promise<Record<string, unknown[]>> {
	const out: Record<string, unknown[]> = {};
	for (const rollup of ['invoice_totals', 'client_month_sales', 'client_line_month_sales', 'client_line_firsts']) {
		out[rollup] = await db.all(`SELECT * FROM ${rollup} ORDER BY ALL`);
		expect(out[rollup]).toEqual(await db.all(`SELECT * FROM ${rollup}_source ORDER BY ALL`));
	}
	for (const t of ['clients', 'products', 'invoice_lines', 'opportunities', 'quotes', 'forecasts']) {
		out[t] = await db.all(`SELECT * FROM ${t} ORDER BY ALL`);
		out[`${t}_replaced`] = await db.all(`SELECT * FROM ${t}_replaced ORDER BY ALL`);
	}
	return out;
}

/** Every metric document with defaults, as of a fixed day; floats to 12 significant digits. */
async function figures(asOf: string): Promise<Record<string, unknown>> {
	const round = (v: unknown): unknown =>
		typeof v === 'number' ? Number(v.toPrecision(12)) : Array.isArray(v) ? v.map(round) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, round(x)])) : v;
	const out: Record<string, unknown> = {};
	for (const name of METRIC_NAMES) out[name] = round(await computeMetric(db, name, {}, new Date(`${asOf}T12:00:00Z`)));
	return out;
}

const invoiceLines = () => db.all<{ invoice_id: string; client_id: string; amount: string; batch_id: number }>(
	`SELECT invoice_id, client_id, amount::VARCHAR AS amount, batch_id FROM invoice_lines ORDER BY 1`
);

describe('undo', () => {
	it('removes an insert-only batch and leaves the others', async () => {
		const c = await load(clients, 'clientes.csv');
		const before = await tables();
		const jan = await load(january, 'enero.csv');
		expect(jan).toMatchObject({ inserted: 3, updated: 0 });
		expect(await undoBatch(db, jan.batch_id, 'ana')).toEqual({ removed: 3, restored: 0 });
		expect(await tables()).toEqual(before);
		const [undone, kept] = await listBatches(db);
		expect(undone).toMatchObject({ batch_id: jan.batch_id, file_name: 'enero.csv', kind: 'invoices', inserted: 3, undone_by: 'ana', can_undo: false, blocked_by: null });
		expect(undone!.undone_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
		expect(kept).toMatchObject({ batch_id: c.batch_id, undone_at: null, can_undo: true, blocked_by: null });
	});

	it('archives what an update replaced and puts it back: load A, load corrected A, undo it → exactly A', async () => {
		const a = await load(january, 'enero.csv');
		const afterA = await tables();
		const b = await load(corrected, 'enero-corregido.csv');
		expect(b).toMatchObject({ inserted: 1, updated: 2, unchanged: 1 });
		// Only the real changes are archived, with the batch that wrote them and the one replacing them.
		expect(await db.all(`SELECT invoice_id, client_id, amount::VARCHAR AS amount, batch_id, replaced_by FROM invoice_lines_replaced ORDER BY 1`)).toEqual([
			{ invoice_id: 'F-2', client_id: 'C2', amount: '50.0000', batch_id: a.batch_id, replaced_by: b.batch_id },
			{ invoice_id: 'F-3', client_id: 'C1', amount: '25.0000', batch_id: a.batch_id, replaced_by: b.batch_id }
		]);
		expect(await invoiceLines()).toEqual([
			{ invoice_id: 'F-1', client_id: 'C1', amount: '100.0000', batch_id: a.batch_id },
			{ invoice_id: 'F-2', client_id: 'C2', amount: '55.1000', batch_id: b.batch_id },
			{ invoice_id: 'F-3', client_id: 'C2', amount: '25.0000', batch_id: b.batch_id },
			{ invoice_id: 'F-4', client_id: 'C2', amount: '10.0000', batch_id: b.batch_id }
		]);

		// A cannot go first: B changed two of its rows.
		const listed = await listBatches(db);
		expect(listed.map((r) => [r.batch_id, r.can_undo, r.blocked_by])).toEqual([
			[b.batch_id, true, null],
			[a.batch_id, false, b.batch_id]
		]);
		const blocked = undoBatch(db, a.batch_id);
		await expect(blocked).rejects.toThrow(BatchError);
		expect(await refusal(blocked)).toBe(
			`Batch ${b.batch_id} (enero-corregido.csv) changed 2 rows that batch ${a.batch_id} (enero.csv) loaded: undo batch ${b.batch_id} first.`
		);
		expect((await listBatches(db)).every((r) => r.undone_at === null)).toBe(true);

		// F-4 removed; F-2 and F-3 back to A's versions, with A's batch id; the archive empty again.
		expect(await undoBatch(db, b.batch_id)).toEqual({ removed: 1, restored: 2 });
		expect(await tables()).toEqual(afterA);

		// Twice: refused with 409, nothing changes. Unknown: 404.
		const again = undoBatch(db, b.batch_id).catch((e: BatchError) => [e.status, said(e)]);
		expect(await again).toEqual([409, `Batch ${b.batch_id} (enero-corregido.csv) was already undone on ${(await listBatches(db))[0]!.undone_at}.`]);
		expect(await undoBatch(db, 999).catch((e: BatchError) => [e.status, said(e)])).toEqual([404, 'There is no batch 999.']);
		expect(await tables()).toEqual(afterA);

		// A is free now; the corrected file, re-uploaded after its undo, loads again (not "already loaded").
		expect((await listBatches(db)).find((r) => r.batch_id === a.batch_id)).toMatchObject({ can_undo: true, blocked_by: null });
		const reloaded = await load(corrected, 'enero-corregido.csv');
		expect(reloaded).toMatchObject({ inserted: 1, updated: 2, unchanged: 1, already_loaded: null });
		expect((await load(corrected, 'enero-corregido.csv')).already_loaded).toEqual({ batch_id: reloaded.batch_id, loaded_at: expect.any(String) });
	});

	it('chains: A, B replaces A, C replaces B; undo C then B then A returns to empty', async () => {
		const empty = await tables();
		const v = (amount: string) => folder.write(`v${amount}.csv`, csv(HEADER, `F-1;05/01/2025;C1;${amount}`));
		const a = await load(v('1,00'), 'a.csv');
		const b = await load(v('2,00'), 'b.csv');
		const c = await load(v('3,00'), 'c.csv');
		expect((await listBatches(db)).map((r) => r.blocked_by)).toEqual([null, c.batch_id, b.batch_id]);
		expect(await refusal(undoBatch(db, b.batch_id))).toContain(`undo batch ${c.batch_id} first`);
		expect(await undoBatch(db, c.batch_id)).toEqual({ removed: 0, restored: 1 });
		expect((await invoiceLines())[0]).toMatchObject({ amount: '2.0000', batch_id: b.batch_id });
		expect(await undoBatch(db, b.batch_id)).toEqual({ removed: 0, restored: 1 });
		expect((await invoiceLines())[0]).toMatchObject({ amount: '1.0000', batch_id: a.batch_id });
		expect(await undoBatch(db, a.batch_id)).toEqual({ removed: 1, restored: 0 });
		expect(await tables()).toEqual(empty);
	});
});

describe('undo on real exports: every figure returns exactly', () => {
	const superstore = join(REAL, 'tableau-sample-superstore', 'Sample - Superstore.csv');
	const neptuno = ['Clientes.csv', 'Productos.csv', 'Pedidos.csv', 'Detalles de pedidos.csv'].map((name) => ({
		path: join(REAL, 'neptuno-es-access-export', name),
		name
	}));

	it('Neptuno loaded; Superstore loaded and undone → tables and metric documents as before', async () => {
		await ingestFiles(db, neptuno);
		const beforeTables = await tables();
		const beforeFigures = await figures('2017-12-31');
		const f = await load(superstore, 'Sample - Superstore.csv');
		// 9994 lines, 793 clients and 1862 products fed (tests/fixtures/real-expected.md §2)
		expect(f).toMatchObject({ loaded: 9994, also: { clients: { loaded: 793 }, products: { loaded: 1862 } } });
		const during = await figures('2017-12-31');
		expect(during).not.toEqual(beforeFigures);
		expect(await undoBatch(db, f.batch_id)).toEqual({ removed: 9994 + 793 + 1862, restored: 0 });
		expect(await tables()).toEqual(beforeTables);
		expect(await figures('2017-12-31')).toEqual(beforeFigures);
	});

	it('Superstore A, a corrected A′ (amounts, a segment, a new line), undo A′ → exactly A', async () => {
		const a = await load(superstore, 'Sample - Superstore.csv');
		const afterA = await tables();
		const figuresA = await figures('2017-12-31');
		// Σ Sales (tests/fixtures/real-expected.md §2)
		expect((await db.one<{ s: string }>(`SELECT sum(amount)::VARCHAR AS s FROM invoice_lines`))!.s).toBe('2297200.8603');

		// A′: the same export (same encoding), Sales of the first 10 records + 1, every line of the first
		// record's customer in another Segment (the last line of a client sets its attributes)…
		const parsed = Papa.parse<string[]>(readFileSync(superstore, 'latin1'), { skipEmptyLines: true });
		const [header, ...records] = parsed.data;
		const sales = header!.indexOf('Sales');
		const segment = header!.indexOf('Segment');
		const customer = header!.indexOf('Customer ID');
		const who = records[0]![customer];
		for (const r of records.slice(0, 10)) {
			const [whole, fraction] = r[sales]!.split('.');
			r[sales] = `${Number(whole) + 1}${fraction === undefined ? '' : `.${fraction}`}`;
		}
		for (const r of records) if (r[customer] === who) r[segment] = r[segment] === 'Home Office' ? 'Corporate' : 'Home Office';
		// …and one new order: a copy of the last record under a new Order ID.
		records.push(records.at(-1)!.map((v, i) => (i === header!.indexOf('Order ID') ? 'CA-2099-999999' : v)));
		const edited = Buffer.from(Papa.unparse([header!, ...records], { newline: '\r\n' }), 'latin1');
		const b = await load(folder.write('superstore-corregido.csv', edited), 'superstore-corregido.csv');
		expect(b).toMatchObject({ updated: 10, inserted: 1, also: { clients: { updated: 1 } } });
		expect(await figures('2017-12-31')).not.toEqual(figuresA);
		expect(await listBatches(db)).toMatchObject([{ batch_id: b.batch_id, can_undo: true }, { batch_id: a.batch_id, can_undo: false, blocked_by: b.batch_id }]);

		expect(await undoBatch(db, b.batch_id)).toEqual({ removed: 1, restored: 10 + 1 });
		expect(await tables()).toEqual(afterA);
		expect(await figures('2017-12-31')).toEqual(figuresA);
		expect((await db.one<{ s: string }>(`SELECT sum(amount)::VARCHAR AS s FROM invoice_lines`))!.s).toBe('2297200.8603');
	});
});
