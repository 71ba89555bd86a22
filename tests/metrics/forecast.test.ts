// Forecast accuracy on a hand-built portfolio; every expected value is worked out in the comments
// from the lines and forecast rows below (DESIGN.md §3 "Forecast accuracy", §4 forecast).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { forecast } from '../../src/lib/server/metrics/forecast';
import type { MetricParams } from '../../src/lib/server/metrics/params';
import { DEFAULT_SETTINGS } from '../../src/lib/server/metrics/settings';
import { loadCsv, metricParams } from '../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;
let empty: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	empty = await openTempDatabase(folder, 'empty.duckdb');
	const clients = ['Código cliente;Razón social;Región', 'A;Alfa;La Paz', 'B;Beta;Oruro'];
	const products = ['Código producto;Descripción;Línea de producto', 'P1;Papel;Papelería', 'P2;Tóner;Impresión'];
	const invoices = [
		'Nº factura;Fecha;Código cliente;Código producto;Importe',
		'F0;15/12/2024;A;P1;999,00', // before the period: in no month
		// 2025-01: 100,0050 + 299,9950 = 400,0000 (Papelería 100,005; Impresión 299,995)
		'F1;10/01/2025;A;P1;100,0050',
		'F2;11/01/2025;B;P2;299,9950',
		// 2025-02: 150 + 120 − 20 (credit note) = 250 (Papelería 150; Impresión 100)
		'F3;05/02/2025;A;P1;150,00',
		'F4;06/02/2025;B;P2;120,00',
		'NC1;20/02/2025;B;P2;-20,00',
		// 2025-03: nothing (A = 0)
		// 2025-04: 500 (Papelería)
		'F5;10/04/2025;A;P1;500,00',
		// 2025-05: 200 (Impresión)
		'F6;12/05/2025;B;P2;200,00',
		'F7;03/06/2025;A;P1;77,00' // after the period
	];
	// Forecast of the total: no row for 2025-05 (a month without forecast).
	const totalForecast = ['Mes;Pronóstico', '12/2024;1.000,00', '01/2025;420,0050', '02/2025;200,00', '03/2025;30,00', '04/2025;450,00', '06/2025;10,00'];
	// Forecast by product line: Papelería has no row for 03 and 05; Impresión only 01.
	const lineForecast = ['Mes;Línea de producto;Pronóstico', '01/2025;Papelería;110,00', '02/2025;Papelería;140,00', '04/2025;Papelería;450,00', '01/2025;Impresión;300,00'];
	await loadCsv(db, folder, { 'c.csv': clients, 'p.csv': products, 'f.csv': invoices, 'ft.csv': totalForecast, 'fl.csv': lineForecast });
});
afterAll(() => {
	db.close();
	empty.close();
	folder.remove();
});

const params = (filters: MetricParams['filters'] = {}, from = '2025-01', to = '2025-05') =>
	metricParams(from, to, to === '2025-05' ? '2025-05-31' : '2025-03-31', filters);

describe('forecast', () => {
	it('total scope: error per month, WAPE, accuracy, MAPE without the A = 0 month, bias; a month without forecast left out', async () => {
		const f = await forecast(db, params(), DEFAULT_SETTINGS);
		expect(f.scope).toEqual({ dimension: 'total', value: null });
		expect(f.months).toEqual([
			// F 420,005 − A 400 = 20,005 → 20,01 (half-up); F 420,005 → 420,01
			{ month: '2025-01', forecast: 420.01, actual: 400, error: 20.01, abs_error: 20.01, accuracy: expect.closeTo(1 - 20.005 / 400, 12) }, // 0,9499875
			// 200 − 250 = −50
			{ month: '2025-02', forecast: 200, actual: 250, error: -50, abs_error: 50, accuracy: expect.closeTo(0.8, 12) }, // 1 − 50/250
			// 30 − 0 = 30 (A = 0: in WAPE and bias, excluded from MAPE)
			{ month: '2025-03', forecast: 30, actual: 0, error: 30, abs_error: 30, accuracy: null }, // A = 0: no accuracy of its own
			// 450 − 500 = −50
			{ month: '2025-04', forecast: 450, actual: 500, error: -50, abs_error: 50, accuracy: expect.closeTo(0.9, 12) }, // 1 − 50/500
			// no forecast row: forecast and errors null, the actual still reported
			{ month: '2025-05', forecast: null, actual: 200, error: null, abs_error: null, accuracy: null }
		]);
		// Months with a forecast: Jan–Apr. Σ|F − A| = 20,005 + 50 + 30 + 50 = 150,005;
		// Σ|A| = 400 + 250 + 0 + 500 = 1 150 (May's 200 left out).
		expect(f.wape).toBeCloseTo(150.005 / 1150, 12); // 0,130439…
		expect(f.accuracy).toBeCloseTo(1 - 150.005 / 1150, 12); // 0,869560…
		// MAPE over Jan, Feb, Apr (A ≠ 0): (20,005/400 + 50/250 + 50/500) / 3 = (0,0500125 + 0,2 + 0,1) / 3
		expect(f.mape).toBeCloseTo((20.005 / 400 + 50 / 250 + 50 / 500) / 3, 12); // 0,1166708…
		expect(f.mape_excluded_months).toBe(1); // March, A = 0 (May has no forecast: not counted)
		// bias = Σ(F − A) / Σ A = (20,005 − 50 + 30 − 50) / 1 150 = −49,995 / 1 150 (under-forecast)
		expect(f.bias).toBeCloseTo(-49.995 / 1150, 12);
		// A month's accuracy is the figure over that month alone (Ajustes previews it month by month).
		for (const m of f.months) {
			const single = await forecast(db, metricParams(m.month, m.month, `${m.month}-28`, {}), DEFAULT_SETTINGS);
			expect(m.accuracy).toBe(single.accuracy);
		}
	});

	it('one filter with forecast rows: that segment scope, the segment rows and the filtered actuals', async () => {
		const f = await forecast(db, params({ product_line: 'Papelería' }), DEFAULT_SETTINGS);
		expect(f.scope).toEqual({ dimension: 'product_line', value: 'Papelería' });
		expect(f.months).toEqual([
			// Papelería Jan: A = 100,005 → 100,01; F 110; 110 − 100,005 = 9,995 → 10,00 (half-up)
			{ month: '2025-01', forecast: 110, actual: 100.01, error: 10, abs_error: 10, accuracy: expect.closeTo(1 - 9.995 / 100.005, 12) }, // 0,90005…
			// Feb: 140 − 150 = −10
			{ month: '2025-02', forecast: 140, actual: 150, error: -10, abs_error: 10, accuracy: expect.closeTo(1 - 10 / 150, 12) }, // 0,9333…
			// Mar: no Papelería row (the total's 30 does not apply)
			{ month: '2025-03', forecast: null, actual: 0, error: null, abs_error: null, accuracy: null },
			// Apr: 450 − 500 = −50
			{ month: '2025-04', forecast: 450, actual: 500, error: -50, abs_error: 50, accuracy: expect.closeTo(0.9, 12) }, // 1 − 50/500
			// May: no row; Papelería sold nothing
			{ month: '2025-05', forecast: null, actual: 0, error: null, abs_error: null, accuracy: null }
		]);
		// Σ|F − A| = 9,995 + 10 + 50 = 69,995; Σ|A| = 100,005 + 150 + 500 = 750,005
		expect(f.wape).toBeCloseTo(69.995 / 750.005, 12);
		expect(f.accuracy).toBeCloseTo(1 - 69.995 / 750.005, 12);
		expect(f.mape).toBeCloseTo((9.995 / 100.005 + 10 / 150 + 50 / 500) / 3, 12);
		expect(f.mape_excluded_months).toBe(0); // the A = 0 months have no forecast row
		// Σ(F − A) = 9,995 − 10 − 50 = −50,005
		expect(f.bias).toBeCloseTo(-50.005 / 750.005, 12);
	});

	it('a segment with a single forecast row compares only that month', async () => {
		const f = await forecast(db, params({ product_line: 'Impresión' }), DEFAULT_SETTINGS);
		expect(f.scope).toEqual({ dimension: 'product_line', value: 'Impresión' });
		// Impresión actuals: Jan 299,995 → 300,00; Feb 120 − 20 = 100; Mar 0; Apr 0; May 200.
		// Jan: F 300 − 299,995 = 0,005 → 0,01 (half-up)
		expect(f.months.map((m) => [m.month, m.forecast, m.actual, m.error])).toEqual([
			['2025-01', 300, 300, 0.01],
			['2025-02', null, 100, null],
			['2025-03', null, 0, null],
			['2025-04', null, 0, null],
			['2025-05', null, 200, null]
		]);
		expect(f.wape).toBeCloseTo(0.005 / 299.995, 15);
		expect(f.mape).toBeCloseTo(0.005 / 299.995, 15); // one month, A ≠ 0
		expect(f.bias).toBeCloseTo(0.005 / 299.995, 15); // over-forecast: > 0
		expect(f.mape_excluded_months).toBe(0);
	});

	it('a filter without forecast rows: the filtered actuals, every forecast null, figures null', async () => {
		const f = await forecast(db, params({ region: 'La Paz' }), DEFAULT_SETTINGS);
		expect(f.scope).toEqual({ dimension: 'region', value: 'La Paz' });
		// La Paz = client A: Jan 100,005 → 100,01; Feb 150; Mar 0; Apr 500; May 0
		expect(f.months).toEqual([
			{ month: '2025-01', forecast: null, actual: 100.01, error: null, abs_error: null, accuracy: null },
			{ month: '2025-02', forecast: null, actual: 150, error: null, abs_error: null, accuracy: null },
			{ month: '2025-03', forecast: null, actual: 0, error: null, abs_error: null, accuracy: null },
			{ month: '2025-04', forecast: null, actual: 500, error: null, abs_error: null, accuracy: null },
			{ month: '2025-05', forecast: null, actual: 0, error: null, abs_error: null, accuracy: null }
		]);
		expect([f.wape, f.accuracy, f.mape, f.mape_excluded_months, f.bias]).toEqual([null, null, null, 0, null]);
	});

	it('several filters: no forecast series describes the intersection (scope null, forecasts null)', async () => {
		const f = await forecast(db, params({ product_line: 'Papelería', region: 'Oruro' }), DEFAULT_SETTINGS);
		expect(f.scope).toEqual({ dimension: null, value: null });
		// Papelería ∩ Oruro (client B): B bought only Impresión → every actual 0
		expect(f.months.map((m) => [m.forecast, m.actual])).toEqual([
			[null, 0],
			[null, 0],
			[null, 0],
			[null, 0],
			[null, 0]
		]);
		expect([f.wape, f.accuracy, f.mape, f.mape_excluded_months, f.bias]).toEqual([null, null, null, 0, null]);
	});

	it('an empty database gives a valid document: the months with zeros, nulls elsewhere', async () => {
		const f = await forecast(empty, params({}, '2025-01', '2025-03'), DEFAULT_SETTINGS);
		expect(f).toEqual({
			scope: { dimension: 'total', value: null },
			months: ['2025-01', '2025-02', '2025-03'].map((month) => ({ month, forecast: null, actual: 0, error: null, abs_error: null, accuracy: null })),
			wape: null,
			accuracy: null,
			mape: null,
			mape_excluded_months: 0,
			bias: null
		});
	});
});
