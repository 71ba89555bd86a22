// Issue 15 on real data: the Maven CRM pipeline (../shared/data/real/maven-crm-sales-opportunities,
// PROVENANCE.md §1) loaded through the real ingest; the funnel by entry kind, the loss reasons and
// the open pipeline are checked against a plain computation over the raw CSV here (split on commas:
// the file has no quoted field), without the ingest or SQL. The export has no kind, decision,
// probability, expected close, loss reason nor last change: every record is an opportunity, a
// bid is "go" once won or lost, the only open stage (Engaging) takes the default probability 20 %.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { funnel } from '../../src/lib/server/metrics/funnel';
import { lossReasons } from '../../src/lib/server/metrics/loss-reasons';
import { openPipeline } from '../../src/lib/server/metrics/open-pipeline';
import { pipeline } from '../../src/lib/server/metrics/pipeline';
import { DEFAULT_SETTINGS } from '../../src/lib/server/metrics/settings';
import { metricParams } from '../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const DIR = join(process.cwd(), '..', 'shared', 'data', 'real', 'maven-crm-sales-opportunities');

interface Raw {
	stage: string;
	engage: string;
	close: string;
	/** Whole currency units (close_value is an integer); 0 when empty. */
	value: number;
}

// The raw records the ingest loads: engage_date is required (the 500 Prospecting rows have none).
const raw: Raw[] = readFileSync(join(DIR, 'sales_pipeline.csv'), 'utf8')
	.split(/\r?\n/)
	.slice(1)
	.filter((l) => l !== '')
	.map((l) => l.split(','))
	.map((c) => ({ stage: c[4]!, engage: c[5]!, close: c[6]!, value: c[7] ? Number(c[7]) : 0 }))
	.filter((r) => r.engage !== '');

const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
const inPeriod = (d: string, from: string, to: string) => d !== '' && d >= from && d <= to;

const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder, 'maven-funnel.duckdb');
	await ingestFiles(db, ['accounts.csv', 'sales_pipeline.csv'].map((name) => ({ path: join(DIR, name), name })));
}, 120_000);
afterAll(() => {
	db.close();
	folder.remove();
});

describe.each([
	['2016-10', '2017-12', '2016-10-01', '2017-12-31'],
	['2017-04', '2017-06', '2017-04-01', '2017-06-30']
])('Maven CRM pipeline, %s to %s', (from, to, first, last) => {
	const params = metricParams(from, to, last);

	it('funnel by entry kind: every record an opportunity, go = won + lost, no no-go', async () => {
		const cohort = raw.filter((r) => inPeriod(r.engage, first, last));
		const won = cohort.filter((r) => r.stage === 'Won');
		const lost = cohort.filter((r) => r.stage === 'Lost');
		const open = cohort.filter((r) => r.stage === 'Engaging');
		const f = await funnel(db, params, DEFAULT_SETTINGS);
		expect(f.kinds.map((k) => [k.kind, k.created])).toEqual([['lead', 0], ['opportunity', cohort.length], ['tender', 0], ['quote_request', 0]]);
		expect(f.all).toMatchObject({
			created: cohort.length,
			go: won.length + lost.length,
			no_go: 0,
			pending: 0,
			won: won.length,
			lost: lost.length,
			open: open.length,
			created_amount: cohort.reduce((s, r) => s + r.value, 0),
			won_amount: won.reduce((s, r) => s + r.value, 0),
			no_go_rate: 0
		});
		expect(f.all.conversion).toBeCloseTo(won.length / cohort.length, 12);
		expect(f.all.win_rate).toBeCloseTo(won.length / (won.length + lost.length), 12);
		expect(f.no_go_reasons).toEqual([]);
	});

	it("the pipeline's win rate counts only won and lost closed in the period", async () => {
		const closed = raw.filter((r) => inPeriod(r.close, first, last));
		const won = closed.filter((r) => r.stage === 'Won').length;
		const lost = closed.filter((r) => r.stage === 'Lost').length;
		expect((await pipeline(db, params, DEFAULT_SETTINGS)).win_rate).toBeCloseTo(won / (won + lost), 12);
	});

	it('loss reasons: all lost records closed in the period, without a reason', async () => {
		const lost = raw.filter((r) => r.stage === 'Lost' && inPeriod(r.close, first, last));
		const amount = lost.reduce((s, r) => s + r.value, 0);
		const l = await lossReasons(db, params, DEFAULT_SETTINGS);
		expect(l.total).toEqual({ count: lost.length, amount });
		expect(l.reasons).toEqual([{ reason: null, count: lost.length, amount }]);
		// by month of closing: the same records, month by month
		const months = [...new Set(lost.map((r) => r.close.slice(0, 7)))].sort();
		expect(l.by_month.map((m) => [m.group, m.count])).toEqual(months.map((m) => [m, lost.filter((r) => r.close.startsWith(m)).length]));
	});

	it('open pipeline at as_of: the Engaging records, aged from their engage date', async () => {
		const open = raw.filter((r) => r.stage === 'Engaging' && r.engage <= last);
		const ages = open.map((r) => days(r.engage, last));
		const amount = open.reduce((s, r) => s + r.value, 0);
		const o = await openPipeline(db, params, DEFAULT_SETTINGS);
		expect(o.total.count).toBe(open.length);
		expect(o.total.amount).toBe(amount);
		// Engaging → 20 % (no probability in the export): close_value is whole, so × 0.2 is exact to the cent
		expect(o.total.weighted).toBeCloseTo(amount * 0.2, 2);
		expect(o.total.mean_age_days).toBeCloseTo(ages.reduce((s, a) => s + a, 0) / ages.length, 9);
		expect(o.total.max_age_days).toBe(Math.max(...ages));
		expect(o.total.mean_days_since_change).toBeNull();
		expect(o.by_stage.map((s) => [s.stage, s.probability, s.count])).toEqual([['Engaging', 0.2, open.length]]);
		// no expected close date in the export: one group without a month
		expect(o.by_close_month.map((m) => [m.month, m.count])).toEqual([[null, open.length]]);
		// stale: no change recorded, so idle since engaged; 60 days or more
		const stale = ages.filter((a) => a >= 60).length;
		expect(o.stale.count).toBe(stale);
		expect(o.stale.rows[0]?.idle_days ?? null).toBe(stale ? Math.max(...ages) : null);
		// no quotes loaded
		expect(o.quotes_past_validity.count).toBe(0);
	});
});
