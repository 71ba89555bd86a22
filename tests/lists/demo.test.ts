// On the demo portfolio, under several filters and both comparisons: every list behind a number
// (retention events, ABC tiers, segments, funnel stages) sums to the figure it came from, to the
// cent, and counts as many rows as the figure counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { copyDemoDatabase } from '../helpers/demo-database';
import { computeList, listCsv, listParamsFrom, runList } from '../../src/lib/server/lists/list';
import { ABC_TIERS, ACTIVATION_KEYS, FUNNEL_STAGES, LISTS, RETENTION_EVENTS, STALE_KEYS, type ListName } from '../../src/lib/server/lists/registry';
import { openPipeline } from '../../src/lib/server/metrics/open-pipeline';
import { resolveParams } from '../../src/lib/server/metrics/params';
import { loadSettings } from '../../src/lib/server/metrics/settings';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	await copyDemoDatabase(folder.path('demo.duckdb'));
	db = await Database.open(folder.path('demo.duckdb'));
}, 120_000);

afterAll(() => {
	db?.close();
	folder.remove();
});

const FILTERS: Record<string, string>[] = [{}, { region: 'La Paz' }, { product_line: 'Papelería' }, { status: 'active' }];
const PERIOD = { from: '2026-01', to: '2026-10' };

async function check(name: ListName, key: string, raw: Record<string, string>, month?: string) {
	const doc = await computeList(db, name, { ...raw, key, month });
	const p = await resolveParams(db, raw);
	const figure = await LISTS.get(name)!.figure(db, p, await loadSettings(db, { filters: p.filters, month: p.to }), key, month ?? null);
	expect(doc.count, `${name} ${key} ${JSON.stringify(raw)}`).toBe(figure.count);
	if (figure.total !== null) expect(doc.total, `${name} ${key} ${JSON.stringify(raw)}`).toBe(figure.total);
	// Demo amounts are whole cents: the rows' cents add up to the total.
	const cents = doc.rows.reduce((sum, r) => sum + Math.round((r.amount ?? 0) * 100), 0);
	expect(cents).toBe(Math.round(doc.total * 100));
	// Largest amount first (retention: largest change either way; stale: the most idle or expired first).
	const size = (r: (typeof doc.rows)[number]) =>
		name === 'stale' ? Number(r.idle_days ?? r.days_past) : name === 'retention_event' ? Math.abs(r.amount ?? 0) : (r.amount ?? -Infinity);
	for (let i = 1; i < doc.rows.length; i++) expect(size(doc.rows[i - 1]!)).toBeGreaterThanOrEqual(size(doc.rows[i]!));
	return doc;
}

describe.each(FILTERS)('on the demo data (%j)', (filter) => {
	it.each(['previous', 'year'])('each retention event, against the %s comparison, equals its bridge bar and movement count', async (compare) => {
		for (const event of RETENTION_EVENTS) await check('retention_event', event, { ...PERIOD, ...filter, compare });
	});

	it('each activation count (prospects, activated, each status) for the period and for a month of it', async () => {
		for (const key of ACTIVATION_KEYS) await check('activation', key, { ...PERIOD, ...filter });
		for (const key of ACTIVATION_KEYS.filter((k) => k !== 'prospects_exposed')) await check('activation', key, { ...PERIOD, ...filter }, '2026-03');
	});

	it('each ABC tier, by client and by product, equals the tier revenue and count', async () => {
		for (const by of ['client', 'product']) for (const tier of ABC_TIERS) await check('abc_tier', tier, { ...PERIOD, ...filter, by });
	});

	it('each status segment and product-line segment equals its revenue and clients', async () => {
		for (const key of ['active', 'inactive', 'potential']) await check('segment', key, { ...PERIOD, ...filter, dim: 'status' });
		for (const key of ['Papelería', 'Impresión', '']) await check('segment', key, { ...PERIOD, ...filter, dim: 'product_line' });
	});

	it('each funnel stage counts its records', async () => {
		for (const stage of FUNNEL_STAGES) await check('funnel_stage', stage, { ...PERIOD, ...filter });
	});

	it('the stale opportunities, expired quotes and each open stage equal Embudo’s numbers', async () => {
		for (const key of STALE_KEYS) await check('stale', key, { ...PERIOD, ...filter });
		const raw = { ...PERIOD, ...filter };
		const p = await resolveParams(db, raw);
		const open = await openPipeline(db, p, await loadSettings(db, { filters: p.filters, month: p.to }));
		for (const stage of open.by_stage) await check('open_stage', stage.stage ?? '', raw);
	});
});

it('the churned clients of the demo year are a real list, and its CSV holds the same rows', async () => {
	const doc = await check('retention_event', 'churned', PERIOD);
	expect(doc.count).toBeGreaterThan(10);
	expect(doc.total).toBeLessThan(0);
	const lines = listCsv(doc).trimEnd().split('\r\n');
	expect(lines[0]).toBe('id,name,revenue_previous,revenue,amount');
	expect(lines.length).toBe(doc.count + 1);
	expect(lines[1]).toContain(doc.rows[0]!.id!);
});

describe('a list a page at a time (the Lista page)', () => {
	// One list of each kind; pages of 7 rows, or of a sixth of a longer list (a query per page).
	const CASES: [ListName, Record<string, string>][] = [
		['retention_event', { ...PERIOD, compare: 'previous', key: 'churned' }],
		['activation', { ...PERIOD, key: 'active' }],
		['abc_tier', { ...PERIOD, by: 'client', key: 'C' }],
		['segment', { ...PERIOD, dim: 'status', key: 'active' }],
		['funnel_stage', { ...PERIOD, key: 'won' }],
		['sales_event', { ...PERIOD, key: 'repeat' }],
		['stale', { ...PERIOD, key: 'opportunities' }],
		['stale', { ...PERIOD, key: 'quotes' }]
	];
	const SIZE = 7;

	it.each(CASES)('%s %j: the pages in turn are the whole list, each with the count and total of every row', async (name, raw) => {
		const whole = await computeList(db, name, raw);
		expect(whole.count, 'a list of several pages').toBeGreaterThan(SIZE);
		const size = Math.max(SIZE, Math.ceil(whole.count / 6) + 1);
		const { key, month, figure } = listParamsFrom(raw);
		const p = await resolveParams(db, figure);
		const s = await loadSettings(db, { filters: p.filters, month: p.to });
		const pages = Math.ceil(whole.count / size);
		const rows = [];
		for (let page = 1; page <= pages; page++) {
			const doc = await runList(db, name, key!, p, s, month ?? null, { page, size });
			expect(doc.paging).toEqual({ page, pages, size });
			expect(doc.rows.length).toBe(page < pages ? size : whole.count - (pages - 1) * size);
			expect([doc.count, doc.total]).toEqual([whole.count, whole.total]);
			rows.push(...doc.rows);
		}
		expect(rows).toEqual(whole.rows);
		// A page past the last one (a bookmark from before an upload) is the last page.
		const past = await runList(db, name, key!, p, s, month ?? null, { page: pages + 5, size });
		expect(past.paging).toEqual({ page: pages, pages, size });
		expect(past.rows).toEqual(whole.rows.slice((pages - 1) * size));
	});

	it('an empty list is one empty page', async () => {
		const raw = { ...PERIOD, region: 'Nowhere', key: 'churned', compare: 'previous' };
		const { key, figure } = listParamsFrom(raw);
		const p = await resolveParams(db, figure);
		const doc = await runList(db, 'retention_event', key!, p, await loadSettings(db), null, { page: 3, size: SIZE });
		expect([doc.count, doc.rows, doc.paging]).toEqual([0, [], { page: 1, pages: 1, size: SIZE }]);
	});
});
