// The KPIs document: each value is the one its own figure reports, judged against its bands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { copyDemoDatabase } from '../helpers/demo-database';
import { computeMetric } from '../../src/lib/server/metrics/index';
import type { KpisDocument } from '../../src/lib/server/metrics/kpis';
import { DEFAULT_SETTINGS, judge } from '../../src/lib/server/metrics/settings';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;
const PERIOD = { from: '2025-11', to: '2026-10' };

beforeAll(async () => {
	await copyDemoDatabase(folder.path('demo.duckdb'));
	db = await Database.open(folder.path('demo.duckdb'));
}, 120_000);
afterAll(() => {
	db.close();
	folder.remove();
});

describe('kpis', () => {
	it('takes each value from its figure and judges it against the settings', async () => {
		const k = (await computeMetric(db, 'kpis', PERIOD)) as KpisDocument;
		const get = (id: string) => k.kpis.find((x) => x.id === id)!;
		expect(k.as_of).toBe('2026-10-31');
		expect(k.kpis.map((x) => x.id)).toEqual([
			'growth',
			'activation_rate',
			'top10_share',
			'hhi',
			'forecast_accuracy',
			'quote_hit_rate',
			'quotes_per_month',
			'prospect_size',
			'repeat_rate',
			'prospect_conversion_rate',
			'win_rate'
		]);

		const growth = (await computeMetric(db, 'growth', PERIOD)) as { months: { mom: number; status: string }[] };
		expect(get('growth')).toMatchObject({ value: growth.months.at(-1)!.mom, status: growth.months.at(-1)!.status, thresholds: DEFAULT_SETTINGS.growth });
		const activation = (await computeMetric(db, 'activation', PERIOD)) as { activation_rate: number };
		expect(get('activation_rate').value).toBe(activation.activation_rate);
		const concentration = (await computeMetric(db, 'concentration', PERIOD)) as { hhi: number; top_shares: { top10: number } };
		expect(get('top10_share').value).toBe(concentration.top_shares.top10);
		expect(get('hhi').value).toBe(concentration.hhi);
		const forecast = (await computeMetric(db, 'forecast', PERIOD)) as { accuracy: number };
		expect(get('forecast_accuracy').value).toBe(forecast.accuracy);
		const quotes = (await computeMetric(db, 'quotes', PERIOD)) as { hit_rate: number };
		expect(get('quote_hit_rate').value).toBe(quotes.hit_rate);
		// The commercial process's indicators: each its figure's own value (win rate and quotes per month
		// Embudo's, prospect conversion Activación's, repeat rate retention's = sales events' repeat / buyers).
		const pipeline = (await computeMetric(db, 'pipeline', PERIOD)) as { win_rate: number; quotes_per_month: number };
		expect(get('quotes_per_month').value).toBe(pipeline.quotes_per_month);
		expect(get('win_rate').value).toBe(pipeline.win_rate);
		const size = (await computeMetric(db, 'prospect_size', PERIOD)) as { value: number };
		expect(get('prospect_size').value).toBe(size.value);
		const retention = (await computeMetric(db, 'retention', PERIOD)) as { repeat_rate: number };
		const events = (await computeMetric(db, 'sales_events', PERIOD)) as { buyers: number; repeat: { clients: number } };
		expect(get('repeat_rate').value).toBe(retention.repeat_rate);
		expect(get('repeat_rate').value).toBeCloseTo(events.repeat.clients / events.buyers, 12);
		expect(get('prospect_conversion_rate').value).toBe((activation as unknown as { prospect_conversion_rate: number }).prospect_conversion_rate);
		for (const id of ['activation_rate', 'top10_share', 'hhi', 'forecast_accuracy', 'quote_hit_rate', 'quotes_per_month', 'prospect_size', 'repeat_rate', 'prospect_conversion_rate', 'win_rate'] as const)
			expect(get(id).status, id).toBe(judge(get(id).value, DEFAULT_SETTINGS.thresholds[id]));
	});

	it('changes statuses when management changes the bands', async () => {
		await db.run(`INSERT INTO settings (key, value) VALUES ('thresholds.hhi', '{"direction":"lower","approve":10,"observe":20,"reject":30}')`);
		const k = (await computeMetric(db, 'kpis', PERIOD)) as KpisDocument;
		const hhi = k.kpis.find((x) => x.id === 'hhi')!;
		expect(hhi.value).toBeGreaterThan(30); // the demo's HHI is about 68 points
		expect(hhi.status).toBe('rejected');
		await db.run(`DELETE FROM settings`);
	});

	it('is valid on an empty database: values and statuses null', async () => {
		const empty = await openTempDatabase(folder, 'empty.duckdb');
		const k = (await computeMetric(empty, 'kpis', { from: '2025-01', to: '2025-03' })) as KpisDocument;
		for (const x of k.kpis.filter((x) => x.id !== 'growth')) expect([x.id, x.value, x.status]).toEqual([x.id, null, null]);
		empty.close();
	});
});
