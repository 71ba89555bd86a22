// The plain twins of the queries (src/lib/server/plain-queries.ts): which macros get one, when a
// query runs plain, and, on the demo and every real dataset, every figure, list and page query the
// same run plain as run classified (CARTERA_PLAIN_QUERIES=0), to the cent.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { clientDetail, streamClients, type ClientRow } from '../../src/lib/features/clients/loader.server';
import { concentrationTrend } from '../../src/lib/features/concentration/loader.server';
import { segmentCross } from '../../src/lib/features/segments/loader.server';
import { computeList } from '../../src/lib/server/lists/list';
import { LISTS, LIST_NAMES } from '../../src/lib/server/lists/registry';
import { computeMetric, METRIC_NAMES } from '../../src/lib/server/metrics/index';
import { DIMENSIONS, resolveParams } from '../../src/lib/server/metrics/params';
import { rankingValues } from '../../src/lib/server/metrics/ranking';
import { loadSettings } from '../../src/lib/server/metrics/settings';
import { dashboardContext } from '../../src/lib/server/pages/context';
import { classifyingMacros, plainDefinitions, plainText, runsPlain } from '../../src/lib/server/plain-queries';
import { DEMO, INVARIANT_DATASETS, type PeriodQuery } from '../helpers/datasets';
import { withAndWithout } from '../helpers/rollups-on-off';
import { useLoadedDatabase } from '../helpers/temp-db';

const AS_OF = new Date('2026-11-20T12:00:00Z');

/** What `read` gives run plain where it may (the default), then with every query classified. */
async function plainAndClassified<T>(read: () => Promise<T>): Promise<{ plain: T; classified: T }> {
	const both = await withAndWithout('CARTERA_PLAIN_QUERIES', read);
	return { plain: both.with, classified: both.without };
}

describe('which queries run plain', () => {
	afterEach(() => void delete process.env.CARTERA_PLAIN_QUERIES);

	it('gives a twin to every macro that reaches the classification, and to no other', () => {
		const texts = [
			'CREATE OR REPLACE TEMP MACRO cartera_month_classes(a) AS TABLE SELECT 1;\nCREATE OR REPLACE TEMP MACRO cartera_client_classes(a) AS TABLE SELECT * FROM cartera_month_classes(a);',
			'CREATE OR REPLACE TEMP MACRO cartera_records(a) AS TABLE SELECT * FROM cartera_client_classes(a);',
			'CREATE OR REPLACE TEMP MACRO cartera_pipeline(a) AS TABLE SELECT * FROM cartera_records(a) -- not cartera_lines(a)\n;',
			'CREATE OR REPLACE TEMP MACRO cartera_lines(a) AS TABLE SELECT 2 -- cartera_records(a) named in a comment only\n;'
		];
		const classifying = classifyingMacros(texts);
		expect([...classifying].sort()).toEqual(['cartera_client_classes', 'cartera_month_classes', 'cartera_pipeline', 'cartera_records']);
		expect(plainText('SELECT * FROM cartera_pipeline($a) JOIN cartera_lines($a) USING (x)', classifying)).toBe(
			'SELECT * FROM cartera_pipeline__plain($a) JOIN cartera_lines($a) USING (x)'
		);
		expect(plainText(texts[2]!, classifying)).toContain('MACRO cartera_pipeline__plain(a) AS TABLE SELECT * FROM cartera_records__plain(a)');
		// A twin per classifying macro, the roots as empty tables, nothing for cartera_lines.
		const twins = plainDefinitions(texts, classifying).join('\n');
		expect([...twins.matchAll(/MACRO (\w+)\(/g)].map((m) => m[1]).sort()).toEqual([
			'cartera_client_classes__plain',
			'cartera_month_classes__plain',
			'cartera_pipeline__plain',
			'cartera_records__plain'
		]);
		expect(twins).not.toMatch(/SELECT [12]\b/); // the roots' bodies and cartera_lines' are not copied
	});

	it('runs plain unless a tier or status is filtered, a dimension is one, the query shows them, or CARTERA_PLAIN_QUERIES=0', () => {
		const none = { f_billing_tier: null, f_status: null, f_region: 'La Paz', dim: 'client_type' };
		expect(runsPlain('segmentation', none)).toBe(true);
		expect(runsPlain('segmentation', { ...none, f_billing_tier: 'A' })).toBe(false);
		expect(runsPlain('quotes', { ...none, f_status: 'active' })).toBe(false);
		expect(runsPlain('segmentation', { ...none, dim: 'status' })).toBe(false);
		expect(runsPlain('segmentation_cross', { ...none, dim2: 'billing_tier' })).toBe(false);
		expect(runsPlain('client_list', none)).toBe(false);
		process.env.CARTERA_PLAIN_QUERIES = '0';
		expect(runsPlain('segmentation', none)).toBe(false);
	});
});

/** The dataset's periods and filters (a product line, a client attribute) without the comparison. */
function queries(cases: readonly PeriodQuery[]): Record<string, string>[] {
	return [...new Map(cases.map(({ compare: _, ...q }) => [JSON.stringify(q), q as Record<string, string>])).values()];
}

/** The same, and the first with a tier and with a status filter: those run classified, and must. */
function withClasses(cases: readonly PeriodQuery[]): Record<string, string>[] {
	const q = queries(cases);
	return [...q, { ...q[0]!, billing_tier: 'A' }, { ...q[0]!, status: 'active' }];
}

describe.each(INVARIANT_DATASETS)('$name: plain and classified give the same', (d) => {
	const loaded = useLoadedDatabase(d.load);
	let db: Database;
	beforeAll(() => void (db = loaded.db));

	it.each(METRIC_NAMES)('%s', async (name) => {
		for (const q of withClasses(d.cases)) {
			const { plain, classified } = await plainAndClassified(() => computeMetric(db, name, q, AS_OF));
			expect(plain, JSON.stringify(q)).toEqual(classified);
		}
	});

	it('segmentation, its cross-tab and Ranking by every dimension, concentration and its trend both ways, goals by every scope', async () => {
		const q = queries(d.cases)[0]!;
		const params = await resolveParams(db, q, AS_OF);
		const settings = await loadSettings(db);
		for (const dim of DIMENSIONS) {
			const s = await plainAndClassified(() => computeMetric(db, 'segmentation', { ...q, dim }, AS_OF));
			expect(s.plain, dim).toEqual(s.classified);
			const r = await plainAndClassified(() => rankingValues(db, { ...params, dim }, settings, dim));
			expect(r.plain, `ranking values by ${dim}`).toEqual(r.classified);
		}
		for (const [dim, dim2] of [['status', 'client_type'], ['client_type', 'billing_tier'], ['product_line', 'region']] as const) {
			const { plain, classified } = await plainAndClassified(() => segmentCross(db, { ...params, dim }, settings, dim2));
			expect(plain, `${dim} × ${dim2}`).toEqual(classified);
		}
		for (const by of ['client', 'product'] as const) {
			const c = await plainAndClassified(() => computeMetric(db, 'concentration', { ...q, by }, AS_OF));
			expect(c.plain, by).toEqual(c.classified);
			const t = await plainAndClassified(() => concentrationTrend(db, { ...params, by }, settings));
			expect(t.plain, `trend by ${by}`).toEqual(t.classified);
		}
		for (const by of ['total', 'account_manager', 'product_line', 'region']) {
			const { plain, classified } = await plainAndClassified(() => computeMetric(db, 'targets', { ...q, by }, AS_OF));
			expect(plain, `targets by ${by}`).toEqual(classified);
		}
	});

	it('the client list (its tiers and statuses too) and the three largest clients’ pages', async () => {
		const q = queries(d.cases)[0]!;
		const url = new URL(`http://cartera.test/clientes?${new URLSearchParams(q)}`);
		const { plain, classified } = await plainAndClassified(async () => {
			const c = await dashboardContext(db, url, AS_OF);
			const rows: ClientRow[] = [];
			for await (const chunk of streamClients(db, c.params, c.settings, c.comparison, { sort: 'revenue' })) rows.push(...chunk);
			return rows;
		});
		expect(plain.length).toBeGreaterThan(0);
		expect(plain).toEqual(classified);
		for (const id of plain.map((r) => r.client_id).filter((c): c is string => c !== null).slice(0, 3)) {
			const page = await plainAndClassified(async () => {
				const c = await dashboardContext(db, url, AS_OF);
				return clientDetail(db, c.params, c.settings, c.comparison, id);
			});
			expect(page.plain, id).toEqual(page.classified);
		}
	});
});

describe('the demo: every list plain and classified', () => {
	const loaded = useLoadedDatabase(DEMO.load);
	let db: Database;
	beforeAll(() => void (db = loaded.db));

	it('gives the same rows behind every figure that has a list', async () => {
		const period = { from: '2026-01', to: '2026-10' };
		const cases: [string, Record<string, string>][] = [];
		for (const name of LIST_NAMES) for (const key of LISTS.get(name)!.keys ?? []) cases.push([name, { key }], [name, { key, region: 'La Paz' }]);
		for (const [dim, key] of [['status', 'active'], ['billing_tier', 'A'], ['product_line', 'Papelería'], ['client_type', '']] as const) cases.push(['segment', { dim, key }]);
		let nonEmpty = 0;
		for (const [name, extra] of cases) {
			const { plain, classified } = await plainAndClassified(() => computeList(db, name, { ...period, ...extra }, AS_OF));
			expect(plain, `${name} ${JSON.stringify(extra)}`).toEqual(classified);
			if (plain.count > 0) nonEmpty++;
		}
		expect(nonEmpty, 'lists with rows').toBeGreaterThan(cases.length / 2);
	});
});
