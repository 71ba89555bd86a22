// The stored (month, client) rollup (client_month_sales, migration 019; kept by db/rollups.ts) gives
// every figure the same answer as the lines, to the cent: on the demo and on every real dataset,
// each figure is computed with the rollups on and off (CARTERA_ROLLUPS=0: every sum from the lines)
// over the dataset's periods, with a client-attribute, a product, a tier and a status filter, and
// segmentation by every dimension. The rollup is really read (a changed stored row changes the
// figures that may read it) and it stays equal to the lines after a load that touches a few months
// and after its undo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { undoBatch } from '../../src/lib/server/batches';
import type { Database } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { computeMetric, METRIC_NAMES } from '../../src/lib/server/metrics/index';
import { DIMENSIONS } from '../../src/lib/server/metrics/params';
import { DEMO, INVARIANT_DATASETS, type PeriodQuery } from '../helpers/datasets';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const AS_OF = new Date('2026-11-20T12:00:00Z');

async function both(db: Database, name: string, query: Record<string, string>): Promise<{ rollups: unknown; lines: unknown }> {
	try {
		delete process.env.CARTERA_ROLLUPS;
		const rollups = await computeMetric(db, name, query, AS_OF);
		process.env.CARTERA_ROLLUPS = '0';
		const lines = await computeMetric(db, name, query, AS_OF);
		return { rollups, lines };
	} finally {
		delete process.env.CARTERA_ROLLUPS;
	}
}

/** The dataset's periods (without the comparison), each also with a tier and a status filter. */
function queries(cases: readonly PeriodQuery[]): Record<string, string>[] {
	const periods = [...new Map(cases.map(({ compare: _, ...q }) => [JSON.stringify(q), q as Record<string, string>])).values()];
	const plain = periods.find((q) => Object.keys(q).length === 2)!;
	return [...periods, { ...plain, billing_tier: 'A' }, { ...plain, billing_tier: 'C' }, { ...plain, status: 'active' }];
}

describe.each(INVARIANT_DATASETS)('$name: every figure, rollups on and off', (d) => {
	const folder = tempFolder();
	let db: Database;
	beforeAll(async () => {
		db = await openTempDatabase(folder);
		await d.load(db);
	}, 120_000);
	afterAll(() => {
		db.close();
		folder.remove();
	});

	it('the stored rollup is what the lines give', async () => {
		const stored = await db.all('SELECT * FROM client_month_sales ORDER BY ALL');
		expect(stored.length).toBeGreaterThan(0);
		expect(stored).toEqual(await db.all('SELECT * FROM client_month_sales_source ORDER BY ALL'));
	});

	it.each(METRIC_NAMES)('%s is the same read from the rollup as from the lines', async (name) => {
		for (const q of queries(d.cases)) {
			const { rollups, lines } = await both(db, name, q);
			expect(rollups, JSON.stringify(q)).toEqual(lines);
		}
	});

	it('segmentation by every dimension and concentration by client and product are the same', async () => {
		const q = queries(d.cases)[0]!;
		for (const dim of DIMENSIONS) {
			const { rollups, lines } = await both(db, 'segmentation', { ...q, dim });
			expect(rollups, dim).toEqual(lines);
		}
		for (const by of ['client', 'product']) {
			const { rollups, lines } = await both(db, 'concentration', { ...q, by });
			expect(rollups, by).toEqual(lines);
		}
	});
});

describe('the demo’s rollup is read and kept', () => {
	const folder = tempFolder();
	let db: Database;
	beforeAll(async () => {
		db = await openTempDatabase(folder);
		await DEMO.load(db);
	}, 120_000);
	afterAll(() => {
		db.close();
		folder.remove();
	});

	const period = { from: '2026-01', to: '2026-10' };
	const rollupEqualsLines = async () =>
		expect(await db.all('SELECT * FROM client_month_sales ORDER BY ALL')).toEqual(await db.all('SELECT * FROM client_month_sales_source ORDER BY ALL'));

	it('growth, forecast, segmentation by a client attribute and concentration by client read it; by product they do not', async () => {
		const [row] = await db.all<{ month: string; client_id: string }>(
			`SELECT strftime(month, '%Y-%m') AS month, client_id FROM client_month_sales WHERE month = DATE '2026-03-01' AND client_id IS NOT NULL ORDER BY amount DESC LIMIT 1`
		);
		await db.run(`UPDATE client_month_sales SET amount = amount + 1000 WHERE month = DATE '2026-03-01' AND client_id = $1`, [row!.client_id]);
		try {
			for (const [name, extra] of [['growth', {}], ['forecast', {}], ['segmentation', { dim: 'client_type' }], ['concentration', { by: 'client' }]] as const) {
				const { rollups, lines } = await both(db, name, { ...period, ...extra });
				expect(rollups, name).not.toEqual(lines);
			}
			for (const [name, extra] of [['segmentation', { dim: 'product_line' }], ['concentration', { by: 'product' }], ['growth', { product_line: 'Papelería' }]] as const) {
				const { rollups, lines } = await both(db, name, { ...period, ...extra });
				expect(rollups, `${name} ${JSON.stringify(extra)}`).toEqual(lines);
			}
		} finally {
			await db.run(`UPDATE client_month_sales SET amount = amount - 1000 WHERE month = DATE '2026-03-01' AND client_id = $1`, [row!.client_id]);
		}
		await rollupEqualsLines();
	});

	it('a load touching two months of two clients, and its undo, keep it equal to the lines', async () => {
		const before = await db.all('SELECT * FROM client_month_sales ORDER BY ALL');
		const [a, b] = await db.all<{ client_id: string }>(`SELECT client_id FROM clients ORDER BY client_id LIMIT 2`);
		const file = folder.write(
			'correcciones.csv',
			['Nº factura;Fecha;Código cliente;Importe', `X-1;05/03/2026;${a!.client_id};1.234,56`, `X-2;20/04/2026;${b!.client_id};-99,99`, 'X-3;21/04/2026;;10,00'].join('\r\n') + '\r\n'
		);
		const report = (await ingestFiles(db, [{ path: file, name: 'correcciones.csv' }])).files[0]!;
		expect(report).toMatchObject({ kind: 'invoices', inserted: 3 });
		await rollupEqualsLines();
		const after = await db.all('SELECT * FROM client_month_sales ORDER BY ALL');
		expect(after).not.toEqual(before);
		const { rollups, lines } = await both(db, 'growth', period);
		expect(rollups).toEqual(lines);
		await undoBatch(db, report.batch_id, 'test');
		expect(await db.all('SELECT * FROM client_month_sales ORDER BY ALL')).toEqual(before);
	});
});
