// Document status (DESIGN.md §2 and §3, issue 12 item 4): draft and cancelled documents are stored,
// so that a later file posting or cancelling them updates them, and count in no figure; undoing a
// load brings back the status before it. A status the vocabulary does not know is kept as written,
// reported, and counts as posted. Every expected value is worked out by hand in the comments.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { undoBatch } from '../../src/lib/server/batches';
import { Database } from '../../src/lib/server/db/database';
import { loadMigrations } from '../../src/lib/server/db/migrate';
import { ingestFiles, type CodedFileReport } from '../../src/lib/server/ingest/ingest';
import type { UserMapping } from '../../src/lib/server/ingest/user-mapping';
import type { ActivationDocument } from '../../src/lib/server/metrics/activation';
import type { GrowthDocument, SegmentationDocument } from '../../src/lib/server/metrics/documents';
import { computeMetric } from '../../src/lib/server/metrics/index';
import { ingestSaid } from '../helpers/said';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;
let n = 0;

beforeEach(async () => {
	db?.close();
	db = await openTempDatabase(folder, `status${++n}.duckdb`);
});
afterAll(() => {
	db.close();
	folder.remove();
});

const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const load = async (name: string, content: string, map?: UserMapping): Promise<CodedFileReport> =>
	(await ingestFiles(db, [{ path: folder.write(name, content), name }], map ? { map } : {})).files[0]!;
const statuses = async () =>
	(await db.all<{ invoice_id: string; doc_status: string }>(`SELECT invoice_id, doc_status FROM invoice_lines ORDER BY invoice_id`)).map(
		(r) => `${r.invoice_id} ${r.doc_status}`
	);

/** Revenue (segmentation's total), each month's revenue (growth) and active clients (activation), January–February 2025. */
async function figures() {
	const period = { from: '2025-01', to: '2025-02' };
	const segmentation = (await computeMetric(db, 'segmentation', { ...period, dim: 'client_type' })) as SegmentationDocument;
	const growth = (await computeMetric(db, 'growth', period)) as GrowthDocument;
	const activation = (await computeMetric(db, 'activation', period)) as ActivationDocument;
	return {
		revenue: segmentation.total_revenue,
		months: growth.months.map((m) => [m.month, m.revenue]),
		active: activation.active,
		potential: activation.potential
	};
}

const HEADER = 'Número;Cliente;Fecha de factura;Estado;Base imponible';
const CLIENTS = csv('Código cliente;Razón social', 'C1;Alfa', 'C2;Beta', 'C3;Gamma');

describe('a draft posted later, then cancelled, then the loads undone', () => {
	it('counts each document only while it is posted, to the cent', async () => {
		await load('clientes.csv', CLIENTS);
		const first = await load(
			'facturas-1.csv',
			csv(
				HEADER,
				'INV/1;C1;10/01/2025;Publicado;100,10', // posted
				'INV/2;C2;12/01/2025;Borrador;200,20', // a draft: stored, in no figure
				'INV/3;C3;14/01/2025;Cancelado;50,05', // cancelled: stored, in no figure
				'INV/4;C1;20/02/2025;Publicado;80,08' // posted
			)
		);
		expect(first.loaded).toBe(4);
		expect(first.warnings).toContainEqual({ code: 'not_posted', params: { draft_lines: 1, draft_documents: 1, cancelled_lines: 1, cancelled_documents: 1 } });
		expect(await statuses()).toEqual(['INV/1 posted', 'INV/2 draft', 'INV/3 cancelled', 'INV/4 posted']);
		const before = {
			// 100,10 + 80,08 = 180,18; January 100,10, February 80,08
			revenue: 180.18,
			months: [['2025-01', 100.1], ['2025-02', 80.08]],
			// Only C1 bought (a posted invoice); C2's draft and C3's cancelled invoice make no purchase.
			active: 1,
			potential: 2
		};
		expect(await figures()).toEqual(before);

		// The February export: INV/2 is posted now (same number, same line), INV/5 is new.
		const second = await load('facturas-2.csv', csv(HEADER, 'INV/2;C2;12/01/2025;Publicado;200,20', 'INV/5;C3;05/02/2025;Publicado;40,04'));
		expect(second).toMatchObject({ inserted: 1, updated: 1 });
		const posted = {
			// January 100,10 + 200,20 = 300,30; February 80,08 + 40,04 = 120,12; 420,42 in all
			revenue: 420.42,
			months: [['2025-01', 300.3], ['2025-02', 120.12]],
			// C1, C2 (INV/2 now posted) and C3 (INV/5) bought
			active: 3,
			potential: 0
		};
		expect(await figures()).toEqual(posted);

		// INV/2 is cancelled afterwards: it leaves every figure again.
		const third = await load('facturas-3.csv', csv(HEADER, 'INV/2;C2;12/01/2025;Cancelado;200,20'));
		expect(third).toMatchObject({ inserted: 0, updated: 1 });
		expect(await statuses()).toEqual(['INV/1 posted', 'INV/2 cancelled', 'INV/3 cancelled', 'INV/4 posted', 'INV/5 posted']);
		expect(await figures()).toEqual({
			// 420,42 − 200,20 = 220,22; January 100,10, February 120,12
			revenue: 220.22,
			months: [['2025-01', 100.1], ['2025-02', 120.12]],
			// C1 and C3; C2 has no posted invoice any more
			active: 2,
			potential: 1
		});

		// Undoing the cancellation brings INV/2 back as posted; undoing the February load, back to a draft.
		await undoBatch(db, third.batch_id);
		expect(await figures()).toEqual(posted);
		await undoBatch(db, second.batch_id);
		expect(await statuses()).toEqual(['INV/1 posted', 'INV/2 draft', 'INV/3 cancelled', 'INV/4 posted']);
		expect(await figures()).toEqual(before);
		// The stored per-invoice totals (activation reads them) hold posted invoices only: INV/1 and INV/4.
		expect((await db.all<{ invoice_id: string }>(`SELECT invoice_id FROM invoice_totals ORDER BY 1`)).map((r) => r.invoice_id)).toEqual(['INV/1', 'INV/4']);
	});
});

describe('the status vocabulary', () => {
	it('reads posted, draft and cancelled as Odoo, Dolibarr, Holded and Spanish ERPs write them', async () => {
		const rows: [string, string][] = [
			['P1', 'Publicado'], ['P2', 'posted'], ['P3', 'Pagada'], ['P4', 'Pendiente de pago'], ['P5', 'Cerrada'],
			['P6', 'Abierta'], ['P7', 'Emitida'], ['P8', 'Validada'], ['P9', 'Vencida'], ['P10', 'Parcialmente pagada'],
			['D1', 'Borrador'], ['D2', 'draft'], ['D3', 'Proforma'],
			['X1', 'Cancelado'], ['X2', 'Anulada'], ['X3', 'Abandonada'], ['X4', 'cancel'], ['X5', 'Void']
		];
		await load('estados.csv', csv('Nº factura;Fecha;Código cliente;Importe;Estado factura', ...rows.map(([id, s]) => `${id};10/01/2025;C1;1,00;${s}`)));
		const stored = Object.fromEntries((await db.all<{ invoice_id: string; doc_status: string }>(`SELECT invoice_id, doc_status FROM invoice_lines`)).map((r) => [r.invoice_id, r.doc_status]));
		for (const [id] of rows) expect(stored[id], id).toBe(id.startsWith('P') ? 'posted' : id.startsWith('D') ? 'draft' : 'cancelled');
		// Ten posted lines of 1,00 each
		expect(((await computeMetric(db, 'segmentation', { from: '2025-01', to: '2025-01', dim: 'client_type' })) as SegmentationDocument).total_revenue).toBe(10);
	});

	it('keeps a status it does not know as written, counts it as posted and says so; a mapping can say it is a draft', async () => {
		const content = csv(
			'Nº factura;Fecha;Código cliente;Importe;Estado',
			'F-1;10/01/2025;C1;100,00;Publicado',
			'F-2;11/01/2025;C1;30,00;En revisión',
			'F-3;12/01/2025;C1;20,00;En revisión'
		);
		const name = 'revision.csv';
		const report = await ingestSaid(db, [{ path: folder.write(name, content), name }]);
		expect(report.files[0]!.warnings).toContain(
			'2 lines have a document status we do not know, kept as written: "En revisión" (2). ' +
				'They count as posted; if some are drafts or cancelled, say so with a mapping (--map, "values": {"doc_status": {…: "draft" or "cancelled"}}).'
		);
		expect(await statuses()).toEqual(['F-1 posted', 'F-2 En revisión', 'F-3 En revisión']);
		const revenue = async () => ((await computeMetric(db, 'segmentation', { from: '2025-01', to: '2025-01', dim: 'client_type' })) as SegmentationDocument).total_revenue;
		// 100 + 30 + 20 = 150: an unknown status counts as posted
		expect(await revenue()).toBe(150);

		// The analyst says "En revisión" is a draft: the same file again, with the mapping.
		const again = await load(name, content, { values: { doc_status: { 'En revisión': 'draft' } } });
		expect(again.updated).toBe(2);
		expect(await statuses()).toEqual(['F-1 posted', 'F-2 draft', 'F-3 draft']);
		// 100 only
		expect(await revenue()).toBe(100);
	});

	it('a file without a status column posts what it loads', async () => {
		await load('sin-estado.csv', csv('Nº factura;Fecha;Código cliente;Importe', 'F-1;10/01/2025;C1;100,00'));
		expect(await statuses()).toEqual(['F-1 posted']);
	});
});

describe('a database from before document statuses', () => {
	it('counts every line it held as posted, to the same figures', async () => {
		const path = folder.path('antes.duckdb');
		const old = await Database.open(path, loadMigrations().filter((m) => m.version < 9));
		await old.run(`INSERT INTO invoice_lines (batch_id, invoice_id, line_no, invoice_date, client_id, amount, doc_type) VALUES
			(1, 'F-1', 1, DATE '2025-01-10', 'C1', 100.10, 'invoice'), (1, 'NC-1', 1, DATE '2025-01-20', 'C1', -0.10, 'credit_note')`);
		await old.run(`INSERT INTO invoice_totals SELECT * FROM invoice_totals_source`);
		old.close();
		db.close();
		db = await Database.open(path);
		expect(await db.all(`SELECT invoice_id, tax, doc_status FROM invoice_lines ORDER BY 1`)).toEqual([
			{ invoice_id: 'F-1', tax: null, doc_status: 'posted' },
			{ invoice_id: 'NC-1', tax: null, doc_status: 'posted' }
		]);
		// 100,10 − 0,10 = 100
		expect(((await computeMetric(db, 'segmentation', { from: '2025-01', to: '2025-01', dim: 'client_type' })) as SegmentationDocument).total_revenue).toBe(100);
		expect(await db.all(`SELECT invoice_id, total::VARCHAR AS total FROM invoice_totals ORDER BY 1`)).toEqual([
			{ invoice_id: 'F-1', total: '100.1000' },
			{ invoice_id: 'NC-1', total: '-0.1000' }
		]);
	});
});
