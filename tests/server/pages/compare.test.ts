// A comparison that starts before the data's first month shows no change on any page: Resumen gives
// no comparison side (overviewComparison), Activación's and Pronóstico's tiles get no previous
// figure (compare.ts heldComparison) and Segmentos no previous revenue, so one figure never shows a
// change on one page and none on another. Data: a register of A, B and C (no creation dates) and invoices from May 2025: A 100
// in May 2025 and 150 in May 2026, B 70 in Feb 2026, C never.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/server/db/database';
import { activationPage } from '../../../src/lib/features/activation/loader.server';
import { forecastPage } from '../../../src/lib/features/forecast/loader.server';
import { overviewComparison } from '../../../src/lib/features/overview/loader.server';
import { segmentDimensions, segmentsPage } from '../../../src/lib/features/segments/loader.server';
import { comparisonBeforeData } from '../../../src/lib/server/pages/compare';
import { dashboardContext } from '../../../src/lib/server/pages/context';
import { loadCsv } from '../../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../../helpers/temp-db';

const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	await loadCsv(db, folder, {
		'c.csv': ['Código cliente;Razón social', 'A;Alfa', 'B;Beta', 'C;Gamma'],
		'f.csv': [
			'Nº factura;Fecha;Código cliente;Código producto;Importe;Tipo documento',
			'F1;10/05/2025;A;P1;100,00;Factura',
			'F2;10/02/2026;B;P1;70,00;Factura',
			'F3;10/05/2026;A;P1;150,00;Factura'
		]
	});
});
afterAll(() => {
	db.close();
	folder.remove();
});

async function pages(query: string) {
	const c = await dashboardContext(db, new URL(`http://localhost/?${query}`), new Date('2026-12-01T00:00:00Z'));
	return {
		c,
		overview: await overviewComparison(db, c),
		activation: await activationPage(db, c.params, c.settings),
		forecast: await forecastPage(db, c.params, c.settings, c.comparison),
		segments: await segmentsPage(db, c, segmentDimensions(null, null))
	};
}

describe('a comparison before the data', () => {
	it('Apr–Jun 2025 starts before May 2025: no page has a previous figure', async () => {
		const { c, overview, activation, forecast, segments } = await pages('from=2026-04&to=2026-06&compare=year');
		expect(c.comparison).toEqual({ from: '2025-04', to: '2025-06' });
		expect(await comparisonBeforeData(db, c.comparison)).toBe(true);
		expect(overview).toBeNull();
		expect(Object.values(activation.comparison).every((v) => v === null)).toBe(true);
		expect(Object.values(forecast.comparison).every((v) => v === null)).toBe(true);
		// Segmentos: A's May line is the period's one segment (no product line), with no previous revenue or change.
		expect(segments.comparison.total_revenue).toBeNull();
		expect(segments.segments.map((g) => [g.revenue, g.revenue_previous, g.change])).toEqual([[150, null, null]]);
		// The period's own figures are still there: as of 30/06/2026 A (May 2026) and B (Feb 2026) are active, C potential.
		expect(activation.activation.activation_rate).toBe(2 / 3);
	});

	it('May–Jul 2025 starts with the data: every page compares, with the same activation rate', async () => {
		const { c, overview, activation, segments } = await pages('from=2026-05&to=2026-07&compare=year');
		expect(c.comparison).toEqual({ from: '2025-05', to: '2025-07' });
		expect(await comparisonBeforeData(db, c.comparison)).toBe(false);
		expect(overview).not.toBeNull();
		// As of 31/07/2025 only A has bought (May 2025): 1 active of 3; all three were prospects on
		// 1 May 2025 (no purchase before), A activated in May–Jul 2025.
		expect(activation.comparison.activation_rate).toBe(1 / 3);
		expect(overview!.kpis.kpis.find((k) => k.id === 'activation_rate')!.value).toBe(1 / 3);
		expect(activation.comparison.prospects_exposed).toBe(3);
		expect(activation.comparison.activated_in_period).toBe(1);
		// Segmentos: 150 against A's 100 of May 2025, +50 %.
		expect(segments.comparison.total_revenue).toBe(100);
		expect(segments.segments.map((g) => [g.revenue, g.revenue_previous, g.change])).toEqual([[150, 100, 0.5]]);
	});
});
