// On the demo portfolio, under several filters and both comparisons: every list behind a number
// (retention events, ABC tiers, segments, funnel stages) sums to the figure it came from, to the
// cent, and counts as many rows as the figure counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { copyDemoDatabase } from '../helpers/demo-database';
import { computeList, listCsv } from '../../src/lib/server/lists/list';
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
