// The commercial process's KPIs (issue 15: quotes per month, prospect size, repeat rate, prospect
// conversion, win rate) in the `kpis` document: each value is its own figure's, worked out by hand
// on the file below to the cent, and judged by the default bands, by a changed band, and under
// filters only by a segment's own band. Period 2025-01..2025-03 (3 months), as_of 2025-03-31.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { kpis, type Kpi } from '../../src/lib/server/metrics/kpis';
import type { MetricParams } from '../../src/lib/server/metrics/params';
import { KPI_DEFAULTS, loadSettings } from '../../src/lib/server/metrics/settings';
import { saveSetting, SettingError } from '../../src/lib/server/metrics/settings-store';
import { loadCsv, metricParams } from '../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;
let noQuotes: Database;

const clients = [
	'Código cliente;Razón social;Región;Potencial anual',
	'A;Alfa;La Paz;12.000,00', // declared potential 12 000
	'B;Beta;La Paz;',
	'C;Gamma;Oruro;',
	'D;Delta;Oruro;'
];
const invoices = [
	'Nº factura;Fecha;Código cliente;Importe;Tipo documento',
	'F1;01/10/2024;A;100,00;Factura', // A bought before P …
	'F2;10/02/2025;A;200,00;Factura', // … and in P: a repeat buyer
	'F3;15/01/2025;B;50,00;Factura', //  B: first purchase ever, in P
	'F4;01/06/2024;C;80,00;Factura' //   C: bought before P only
	//                                   D: never (potential)
];
const opportunities = [
	'ID oportunidad;Código cliente;Tipo;Fecha de creación;Fecha de cierre;Importe;Resultado',
	'O1;A;Oportunidad;05/01/2025;20/02/2025;3.000,00;Ganada', //  won, closed in P
	'O2;B;Oportunidad;10/01/2025;15/03/2025;1.000,00;Perdida', // lost, closed in P
	'O3;C;Oportunidad;01/02/2025;10/03/2025;500,00;Perdida', //   lost, closed in P
	'O4;C;Oportunidad;01/02/2025;12/03/2025;700,00;Descartada', // no-go: in neither won nor lost
	'O5;D;Lead;01/03/2025;;;Abierta', //                          open, no amount
	'O6;A;Oportunidad;01/12/2024;10/01/2025;2.000,00;Perdida', // created before P, lost in P
	'O7;B;Oportunidad;01/11/2024;30/12/2024;400,00;Perdida' //   closed before P
];
const quotes = [
	'Nº presupuesto;Código cliente;Fecha presupuesto;Importe;Estado',
	'Q1;A;10/01/2025;100,00;Enviado', //   issued January
	'Q2;B;05/02/2025;100,00;Aceptado', //  issued February
	'Q3;C;20/03/2025;100,00;Rechazado', // issued March
	'Q4;A;01/03/2025;100,00;Borrador', //  draft: not issued
	'Q5;A;10/04/2025;100,00;Enviado' //    after P
];

beforeAll(async () => {
	db = await openTempDatabase(folder);
	noQuotes = await openTempDatabase(folder, 'no-quotes.duckdb');
	await loadCsv(db, folder, { 'c.csv': clients, 'f.csv': invoices, 'o.csv': opportunities, 'q.csv': quotes });
	await loadCsv(noQuotes, folder, { 'c2.csv': clients, 'f2.csv': invoices, 'o2.csv': opportunities });
});
afterAll(() => {
	db.close();
	noQuotes.close();
	folder.remove();
});

const params = (filters: MetricParams['filters'] = {}) => metricParams('2025-01', '2025-03', '2025-03-31', filters);
const PROCESS = ['quotes_per_month', 'prospect_size', 'repeat_rate', 'prospect_conversion_rate', 'win_rate'] as const;

async function processKpis(d: Database, filters: MetricParams['filters'] = {}): Promise<Record<(typeof PROCESS)[number], Kpi>> {
	const doc = await kpis(d, params(filters), await loadSettings(d, { filters, month: '2025-03' }));
	const byId = new Map(doc.kpis.map((k) => [k.id, k]));
	return Object.fromEntries(PROCESS.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!]] : []))) as Record<(typeof PROCESS)[number], Kpi>;
}

describe('the commercial process KPIs', () => {
	it('take each figure’s value and judge it by the default bands', async () => {
		const k = await processKpis(db);
		expect(Object.keys(k)).toEqual(PROCESS);
		// Quotes per month: Q1, Q2, Q3 issued in P (Q4 draft, Q5 in April) = 3 / 3 months = 1.
		// Defaults ≥ 20 approved, < 5 rejected → rejected.
		expect(k.quotes_per_month).toMatchObject({ value: 1, status: 'rejected', thresholds: KPI_DEFAULTS.quotes_per_month, threshold_scope: null });
		// Prospect size: prospects = clients of records created in P: A (O1), B (O2), C (O3, O4), D (O5).
		// A declared 12 000,00; B a year of records (2024-03-31, 2025-03-31]: O2 1 000 + O7 400 = 1 400,00;
		// C: O3 500 + O4 700 (any outcome) = 1 200,00; D: no amount, unsized.
		// (12 000 + 1 400 + 1 200) / 3 = 14 600 / 3 = 4 866,666… → 4 866,67. Defaults 10 000 / 5 000 / 2 000:
		// below 5 000, not below 2 000 → observed.
		expect(k.prospect_size).toMatchObject({ value: 4866.67, status: 'observed' });
		// Repeat rate: buyers in P A (200) and B (50); A had bought before → 1 / 2 = 0,5.
		// Defaults 60 / 45 / 30 %: ≥ 45 %, < 60 % → acceptable.
		expect(k.repeat_rate).toMatchObject({ value: 0.5, status: 'acceptable' });
		// Prospect conversion: exposed = register clients without a purchase before P: B and D; B bought in P → 1 / 2.
		// Defaults 20 / 10 / 5 % → approved.
		expect(k.prospect_conversion_rate).toMatchObject({ value: 0.5, status: 'approved' });
		// Win rate: closed in P won O1; lost O2, O3, O6 (O4 no-go in neither, O7 closed before P) → 1 / 4 = 0,25.
		// Defaults 30 / 20 / 10 % → acceptable.
		expect(k.win_rate).toMatchObject({ value: 0.25, status: 'acceptable' });
	});

	it('has no quotes per month (and no status) when no quote was ever loaded', async () => {
		const k = await processKpis(noQuotes);
		expect(k.quotes_per_month).toMatchObject({ value: null, status: null });
		// The others do not depend on quotes.
		expect(k.win_rate).toMatchObject({ value: 0.25, status: 'acceptable' });
	});

	it('judges by the bands management sets in Ajustes, with the same checks and history', async () => {
		await saveSetting(db, { key: 'thresholds.win_rate', value: { direction: 'higher', approve: 0.5, observe: 0.4, reject: 0.3 }, by: 'test', comment: 'stricter' });
		// Money bands are money, not shares: 4 866,67 ≥ 4 800 → approved.
		await saveSetting(db, { key: 'thresholds.prospect_size', value: { direction: 'higher', approve: 4800, observe: 3000, reject: 1000 }, by: 'test' });
		const k = await processKpis(db);
		expect(k.win_rate.status).toBe('rejected'); // 0,25 < 0,3
		expect(k.prospect_size.status).toBe('approved');
		const history = await db.all<{ key: string; comment: string | null }>(`SELECT key, comment FROM settings WHERE key LIKE 'thresholds.%' ORDER BY key`);
		expect(history).toEqual([
			{ key: 'thresholds.prospect_size', comment: null },
			{ key: 'thresholds.win_rate', comment: 'stricter' }
		]);
		// A share's bands stay shares; a count cannot be negative.
		await expect(saveSetting(db, { key: 'thresholds.repeat_rate', value: { direction: 'higher', approve: 60, observe: 45, reject: 30 } })).rejects.toThrow(SettingError);
		await expect(saveSetting(db, { key: 'thresholds.quotes_per_month', value: { direction: 'higher', approve: 20, observe: 10, reject: -1 } })).rejects.toThrow(SettingError);
		await expect(saveSetting(db, { key: 'thresholds.win_rate', value: { direction: 'lower', approve: 0.1, observe: 0.2, reject: 0.3 } })).rejects.toThrow(SettingError);
		await db.run(`DELETE FROM settings`);
	});

	it('under filters, judges a KPI only by a band set for the segment', async () => {
		await saveSetting(db, { key: 'thresholds.quotes_per_month', value: { direction: 'higher', approve: 1, observe: 0.5, reject: 0.2 }, scope: { dimension: 'region', value: 'La Paz' } });
		await saveSetting(db, { key: 'thresholds.win_rate', value: { direction: 'higher', approve: 0.5, observe: 0.4, reject: 0.3 } });
		const laPaz = await processKpis(db, { region: 'La Paz' });
		// La Paz (A, B): quotes Q1, Q2 → 2 / 3 months = 0,666…; its own band 1 / 0,5 / 0,2 → acceptable.
		expect(laPaz.quotes_per_month.value).toBeCloseTo(2 / 3, 12);
		expect(laPaz.quotes_per_month).toMatchObject({ status: 'acceptable', threshold_scope: { dim: 'region', value: 'La Paz' } });
		// Win rate: O1 won, O2 and O6 lost → 1 / 3, shown but not judged: its band is the portfolio's.
		expect(laPaz.win_rate.value).toBeCloseTo(1 / 3, 12);
		expect(laPaz.win_rate).toMatchObject({ status: null, threshold_scope: null });
		// Prospect size: A 12 000 and B 1 400 → 13 400 / 2 = 6 700,00, no verdict (defaults).
		expect(laPaz.prospect_size).toMatchObject({ value: 6700, status: null });
		// Repeat rate 1 / 2 and conversion 1 / 1 (B of the exposed B), no verdict either.
		expect(laPaz.repeat_rate).toMatchObject({ value: 0.5, status: null });
		expect(laPaz.prospect_conversion_rate).toMatchObject({ value: 1, status: null });
		// Oruro has no band of its own: Q3 → 1 / 3 month, no verdict.
		const oruro = await processKpis(db, { region: 'Oruro' });
		expect(oruro.quotes_per_month.value).toBeCloseTo(1 / 3, 12);
		expect(oruro.quotes_per_month.status).toBeNull();
		// Without filters the portfolio's win-rate band judges (0,25 < 0,3 → rejected); La Paz's quote band is not used.
		const all = await processKpis(db);
		expect(all.win_rate.status).toBe('rejected');
		expect(all.quotes_per_month).toMatchObject({ value: 1, status: 'rejected', threshold_scope: null });
		await db.run(`DELETE FROM settings`);
	});
});
