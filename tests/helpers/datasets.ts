// The datasets the invariant tests run on: the real exports in /work/shared/data/real as they are
// (tests/fixtures/real-expected.md) with the periods and filters the tests use, and the demo
// (data/demo). Each is loaded through the real ingest path into a fresh DuckDB file.
import { join } from 'node:path';
import type { Database } from '../../src/lib/server/db/database';
import { loadDemo } from '../../src/lib/server/demo';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';

export const REAL = join(process.cwd(), '..', 'shared', 'data', 'real');

/** A period (from, to) and the filters in force, as URL parameters. */
export type PeriodQuery = { from: string; to: string } & Record<string, string>;

export interface RealDataset {
	name: string;
	files: string[];
	/** Whole months covering every line. */
	all: { from: string; to: string };
	/** The file's total, rounded half-up to cents (real-expected.md). */
	total: number;
	/** Periods of twelve months for the bridge and the pages, with and without a filter. */
	bridges: PeriodQuery[];
}

export const REAL_DATASETS: RealDataset[] = [
	{
		// §2: Σ Sales 2 297 200.8603 over 2014-01-03 … 2017-12-30.
		name: 'Superstore',
		files: ['tableau-sample-superstore/Sample - Superstore.csv'],
		all: { from: '2014-01', to: '2017-12' },
		total: 2297200.86,
		bridges: [
			{ from: '2017-01', to: '2017-12' },
			{ from: '2016-07', to: '2017-06', region: 'West' }
		]
	},
	{
		// §3: Σ SALES 10 032 628.85 over 2003-01-06 … 2005-05-31 (cp850, month-first dates), less the
		// 194 487.48 of the 60 lines whose STATUS is Cancelled (cancelled documents count in no figure) = 9 838 141.37.
		name: 'Kaggle sales sample',
		files: ['kaggle-sales-data-sample/sales_data_sample.csv'],
		all: { from: '2003-01', to: '2005-05' },
		total: 9838141.37,
		bridges: [{ from: '2004-06', to: '2005-05' }, { from: '2004-01', to: '2004-12' }, { from: '2004-01', to: '2004-12', region: 'EMEA' }]
	},
	{
		// §5: Σ Precio×Cantidad×(1−Descuento) 1 480 967.7575 over 2018-07-04 … 2021-04-30 (order/detail pair).
		name: 'Neptuno',
		files: ['Clientes.csv', 'Productos.csv', 'Pedidos.csv', 'Detalles de pedidos.csv'].map((f) => `neptuno-es-access-export/${f}`),
		all: { from: '2018-07', to: '2021-04' },
		total: 1480967.76,
		bridges: [
			{ from: '2020-05', to: '2021-04' },
			{ from: '2019-07', to: '2020-06', product_line: '1' } // Categoría is exported as its number
		]
	},
	{
		// §6: Σ Amount 431 502 less the 564 of the two orders whose dates cannot be read = 430 938,
		// over 2018-04-01 … 2019-08-13.
		name: 'India orders',
		files: ['List of Orders.csv', 'Order Details.csv'].map((f) => `kaggle-ecommerce-india-orders-targets/${f}`),
		all: { from: '2018-04', to: '2019-08' },
		total: 430938,
		bridges: [{ from: '2018-09', to: '2019-08' }, { from: '2018-09', to: '2019-08', product_line: 'Electronics' }]
	}
];

export async function loadReal(db: Database, d: RealDataset): Promise<void> {
	await ingestFiles(
		db,
		d.files.map((f) => ({ path: join(REAL, f) }))
	);
}

/** A period and filters with the filter bar's comparison, as URL parameters. */
export type CaseQuery = PeriodQuery & { compare: 'previous' | 'year' };

/** A dataset for the invariants over pages: how to load it and the cases (period, filters, comparison) to check. */
export interface InvariantDataset {
	name: string;
	load(db: Database): Promise<unknown>;
	cases: CaseQuery[];
}

const filtered = (q: PeriodQuery) => Object.keys(q).length > 2;
const both = (q: PeriodQuery): CaseQuery[] => [{ ...q, compare: 'previous' }, { ...q, compare: 'year' }];

/** The demo: a period without and with a product-line filter, each against both comparisons. */
export const DEMO: InvariantDataset = {
	name: 'demo',
	load: loadDemo,
	cases: [...both({ from: '2026-01', to: '2026-10' }), ...both({ from: '2026-01', to: '2026-10', product_line: 'Papelería' })]
};

/**
 * A real dataset's first period without filters against both comparisons, and its first with a
 * filter against the previous months (each case costs every page; the demo has all four).
 */
function realCases(d: RealDataset): CaseQuery[] {
	return [...both(d.bridges.find((q) => !filtered(q))!), { ...d.bridges.find(filtered)!, compare: 'previous' }];
}

/** The demo and every real dataset, each with its cases. */
export const INVARIANT_DATASETS: InvariantDataset[] = [
	DEMO,
	...REAL_DATASETS.map((d) => ({ name: d.name, load: (db: Database) => loadReal(db, d), cases: realCases(d) }))
];
