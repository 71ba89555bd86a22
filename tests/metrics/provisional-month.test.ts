// The provisional month (issue 14, docs/definitions.md "Partial and provisional months", DESIGN.md
// "Partial month"): the data's latest month whose lines end more than 3 days before the month's end
// and before the data's usual closing day is shown with a projection and never judged, until an
// analyst marks it closed; a month that ends on the usual closing day, or within 3 days of its
// end, is complete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import type { ActivationDocument } from '../../src/lib/server/metrics/activation';
import type { GrowthDocument } from '../../src/lib/server/metrics/documents';
import { computeMetric } from '../../src/lib/server/metrics/index';
import type { KpisDocument } from '../../src/lib/server/metrics/kpis';
import { resolveParams } from '../../src/lib/server/metrics/params';
import { DEFAULT_SETTINGS } from '../../src/lib/server/metrics/settings';
import { closeMonth, monthClosing, MonthClosingError, reopenMonth } from '../../src/lib/server/metrics/month-closing';
import { concentrationTrend } from '../../src/lib/features/concentration/loader.server';
import { loadCsv, metricParams } from '../helpers/metric-fixture';
import { openTempDatabase, tempFolder, type TempFolder } from '../helpers/temp-db';

const header = 'Nº factura;Fecha;Código cliente;Importe';

async function open(folder: TempFolder, invoices: string[]): Promise<Database> {
	const db = await openTempDatabase(folder);
	await loadCsv(db, folder, { 'c.csv': ['Código cliente;Razón social', 'A;Alfa', 'B;Beta'], 'f.csv': [header, ...invoices] });
	return db;
}

describe('a last month with lines only to the 5th', () => {
	const folder = tempFolder();
	let db: Database;
	beforeAll(async () => {
		// Months end on their last day: July 31, August 31, September 30 → usual closing day 30.
		// October has lines on the 2nd and the 5th only: 5 < 31 and 5 < 30 → provisional.
		db = await open(folder, [
			'F0;15/09/2024;A;800,00', // a year before September (outside the 12 months before October)
			'F1;31/07/2025;A;900,00',
			'F2;15/08/2025;A;400,00',
			'F3;31/08/2025;B;600,00', // August 1 000,00
			'F4;30/09/2025;A;1200,00', // September 1 200,00
			'F5;02/10/2025;A;100,00',
			'F6;05/10/2025;B;233,33' // October so far 333,33
		]);
	});
	afterAll(() => {
		db.close();
		folder.remove();
	});

	it('marks October provisional, unjudged, with its projection to the cent', async () => {
		const g = (await computeMetric(db, 'growth', { from: '2025-08', to: '2025-10' })) as GrowthDocument;
		const oct = g.months.find((m) => m.month === '2025-10')!;
		// MoM so far: (333,33 − 1 200) / 1 200 = −0,722225 (would be rejected: < 0).
		expect(oct.mom).toBeCloseTo(-0.722225, 9);
		// Projection: 333,33 × 31 ÷ 5 = 2 066,646 → 2 066,65; its MoM (2 066,65 − 1 200) / 1 200 = 0,722208…
		expect(oct).toMatchObject({ revenue: 333.33, status: null, partial: true, provisional: true, projected_revenue: 2066.65 });
		expect(oct.projected_mom).toBeCloseTo(866.65 / 1200, 12);
		// September: complete, judged: (1 200 − 1 000) / 1 000 = +20 % ≥ 10 % → approved, no projection.
		const sep = g.months.find((m) => m.month === '2025-09')!;
		expect(sep).toMatchObject({ status: 'approved', partial: false, provisional: false, projected_revenue: null, projected_mom: null });
		// The same month a year before: September 2024, 800,00 → YoY (1 200 − 800) / 800 = +50 %.
		expect(sep.revenue_year_before).toBe(800);
		expect(sep.yoy).toBeCloseTo(0.5, 12);
	});

	it('the growth KPI judges September, the last month that is not provisional', async () => {
		const k = (await computeMetric(db, 'kpis', { from: '2025-08', to: '2025-10' })) as KpisDocument;
		expect(k.kpis[0]).toMatchObject({ id: 'growth', month: '2025-09', status: 'approved' });
		expect(k.kpis[0]!.value).toBeCloseTo(0.2, 12);
	});

	it('marks October partial in the concentration trend and the activation months', async () => {
		const trend = await concentrationTrend(db, metricParams('2025-08', '2025-10', '2025-10-31'), DEFAULT_SETTINGS);
		expect(trend.map((m) => [m.month, m.partial, m.provisional])).toEqual([
			['2025-08', false, false],
			['2025-09', false, false],
			['2025-10', true, true]
		]);
		const a = (await computeMetric(db, 'activation', { from: '2025-08', to: '2025-10' })) as ActivationDocument;
		expect(a.months.map((m) => m.partial)).toEqual([false, false, true]);
	});

	it('the default period ends on September, the last complete month', async () => {
		const p = await resolveParams(db, {}, new Date('2025-12-01T12:00:00Z'));
		expect([p.from, p.to]).toEqual(['2024-10', '2025-09']);
	});
});

describe('data that always ends on the 28th', () => {
	const folder = tempFolder();
	let db: Database;
	beforeAll(async () => {
		// Every month's last invoice is on the 28th: usual closing day 28. April ends on the 28th too
		// (2 days before its 30th, and not before the closing day): complete.
		db = await open(folder, ['F1;28/01/2025;A;100,00', 'F2;28/02/2025;A;100,00', 'F3;28/03/2025;A;100,00', 'F4;10/04/2025;A;50,00', 'F5;28/04/2025;A;50,00']);
	});
	afterAll(() => {
		db.close();
		folder.remove();
	});

	it('April is not provisional and is judged', async () => {
		const g = (await computeMetric(db, 'growth', { from: '2025-02', to: '2025-04' })) as GrowthDocument;
		const apr = g.months.find((m) => m.month === '2025-04')!;
		// (100 − 100) / 100 = 0 %: ≥ reject_below 0, < observe_below 5 % → observed.
		expect(apr).toMatchObject({ revenue: 100, mom: 0, status: 'observed', partial: false, provisional: false, projected_revenue: null });
		const p = await resolveParams(db, {}, new Date('2025-12-01T12:00:00Z'));
		expect(p.to).toBe('2025-04');
	});
});

describe('the 3 days before the month ends', () => {
	// May and July end on the 31st: usual closing day 31. August (31 days) is then August so far.
	const lines = (augustDay: string) => ['F1;31/05/2025;A;900,00', 'F2;31/07/2025;A;1000,00', `F3;${augustDay}/08/2025;B;1200,00`];
	const folders = [tempFolder(), tempFolder()];
	afterAll(() => folders.forEach((f) => f.remove()));

	async function august(db: Database) {
		const g = (await computeMetric(db, 'growth', { from: '2025-07', to: '2025-08' })) as GrowthDocument;
		return g.months.find((m) => m.month === '2025-08')!;
	}

	it('lines to the 28th: 31 − 28 = 3 days, not more than 3 → complete and judged', async () => {
		const db = await open(folders[0]!, lines('28'));
		try {
			// (1 200 − 1 000) / 1 000 = +20 % ≥ 10 % → approved.
			expect(await august(db)).toMatchObject({ revenue: 1200, status: 'approved', partial: false, provisional: false, projected_revenue: null });
			expect(await monthClosing(db)).toBeNull();
		} finally {
			db.close();
		}
	});

	it('lines to the 27th: 4 days before the 31st and before the closing day 31 → provisional', async () => {
		const db = await open(folders[1]!, lines('27'));
		try {
			// Projection: 1 200 × 31 ÷ 27 = 1 377,777… → 1 377,78.
			expect(await august(db)).toMatchObject({ revenue: 1200, status: null, partial: true, provisional: true, projected_revenue: 1377.78 });
			expect(await monthClosing(db)).toEqual({ month: '2025-08', last_date: '2025-08-27', provisional: true, closed: null });
		} finally {
			db.close();
		}
	});
});

describe('an analyst marks the provisional month closed', () => {
	const folder = tempFolder();
	let db: Database;
	beforeAll(async () => {
		// Same data as above with lines to the 27th: August is provisional.
		db = await open(folder, ['F1;31/05/2025;A;900,00', 'F2;31/07/2025;A;1000,00', 'F3;27/08/2025;B;1200,00']);
	});
	afterAll(() => {
		db.close();
		folder.remove();
	});

	it('closing makes August judged and the default period end on it; reopening makes it provisional again', async () => {
		const growthOf = async () => ((await computeMetric(db, 'growth', { from: '2025-07', to: '2025-08' })) as GrowthDocument).months.find((m) => m.month === '2025-08')!;
		const kpiMonth = async () => ((await computeMetric(db, 'kpis', { from: '2025-07', to: '2025-08' })) as KpisDocument).kpis[0]!;
		const today = new Date('2025-12-01T12:00:00Z');
		expect((await kpiMonth()).month).toBe('2025-07');
		expect((await resolveParams(db, {}, today)).to).toBe('2025-07');

		await closeMonth(db, '2025-08', 'Ana Analista', new Date('2025-09-02T08:30:00Z'));
		expect(await monthClosing(db)).toEqual({ month: '2025-08', last_date: '2025-08-27', provisional: false, closed: { by: 'Ana Analista', at: '2025-09-02T08:30:00' } });
		// (1 200 − 1 000) / 1 000 = +20 % → approved; no projection.
		expect(await growthOf()).toMatchObject({ status: 'approved', partial: false, provisional: false, projected_revenue: null });
		expect(await kpiMonth()).toMatchObject({ month: '2025-08', status: 'approved' });
		expect((await resolveParams(db, {}, today)).to).toBe('2025-08');
		const trend = await concentrationTrend(db, metricParams('2025-07', '2025-08', '2025-08-31'), DEFAULT_SETTINGS);
		expect(trend.map((m) => m.provisional)).toEqual([false, false]);

		await reopenMonth(db, '2025-08');
		expect((await monthClosing(db))?.provisional).toBe(true);
		expect(await growthOf()).toMatchObject({ status: null, partial: true, provisional: true, projected_revenue: 1377.78 });
		expect((await kpiMonth()).month).toBe('2025-07');
	});

	it('refuses to close a month that is not the provisional one', async () => {
		await expect(closeMonth(db, '2025-07', 'Ana Analista')).rejects.toBeInstanceOf(MonthClosingError);
		expect((await monthClosing(db))?.provisional).toBe(true);
	});
});
