// Goals and attainment (DESIGN.md §3 "Goals", issue 16) on hand-built data; every expected value is
// worked out in the comments. Period 2026-02..2026-03, as_of 2026-03-31; January feeds the year to
// date. Bands (defaults): ≥ 100 % approved, < 75 % rejected, < 90 % observed, else acceptable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { computeMetric } from '../../src/lib/server/metrics';
import { DEFAULT_SETTINGS } from '../../src/lib/server/metrics/settings';
import { saveSetting } from '../../src/lib/server/metrics/settings-store';
import { targets, type TargetsDocument } from '../../src/lib/server/metrics/targets';
import { loadCsv, metricParams } from '../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	await loadCsv(db, folder, {
		'clientes.csv': [
			'Código cliente;Razón social;Ejecutivo de cuenta;Región;Fecha de alta',
			'C1;Uno;Ana Pérez;Norte;01/06/2025',
			'C2;Dos;Ana Pérez;Norte;10/02/2026', // new in February, first purchase 20/02: activated in February
			'C3;Tres;Luis Gómez;Sur;01/01/2025'
		],
		'productos.csv': ['Código producto;Nombre;Línea de producto', 'P1;Martillo;Herramientas', 'P2;Brocha;Pinturas'],
		'facturas.csv': [
			'Nº factura;Fecha;Código cliente;Código producto;Importe neto',
			'F1;15/01/2026;C1;P1;4.000,00', //  Ana  Jan 4 000
			'F2;20/01/2026;C3;P1;3.000,00', //  Luis Jan 3 000
			'F3;05/02/2026;C1;P1;5.000,25', //  Ana  Feb 5 000,25 …
			'F4;20/02/2026;C2;P2;2.500,00', //  … + 2 500 = 7 500,25
			'F5;25/02/2026;C3;P2;1.000,00', //  Luis Feb 1 000
			'F6;10/03/2026;C1;P1;6.000,00', //  Ana  Mar 6 000
			'F7;31/03/2026;C3;P1;9.500,10', //  Luis Mar 9 500,10 …
			'NC-001;20/03/2026;C3;P1;-500,00' // … − 500 (credit note) = 9 000,10
		],
		'metas.csv': [
			'Mes;Ejecutivo;Meta;Meta de clientes activados',
			'2026-01;Ana Pérez;5.000,00;',
			'2026-02;Ana Pérez;7.000,00;1',
			'2026-03;Ana Pérez;8.000,00;',
			'2026-01;Luis Gómez;3.000,00;',
			'2026-02;Luis Gómez;2.000,00;',
			'2026-03;LUIS GÓMEZ;10.000,00;' // matched to the manager whatever the case
		],
		'metas_total.csv': ['Mes;Meta', '2026-03;14.000,00']
	});
});
afterAll(() => {
	db.close();
	folder.remove();
});

const params = metricParams('2026-02', '2026-03', '2026-03-31');
const row = (d: TargetsDocument, month: string, value: string) => d.rows.find((r) => r.month === month && r.value?.toLowerCase() === value.toLowerCase())!;

describe('targets', () => {
	it('gives goal, actual and attainment per account manager and month, and for the year to date', async () => {
		const d = await targets(db, { ...params, target_by: 'account_manager' }, DEFAULT_SETTINGS);
		// Four rows in the period (January only feeds the year to date).
		expect(d.rows).toHaveLength(4);
		// Ana, February: 7 500,25 / 7 000 = 1.071464… approved; YTD (5 000 + 7 000 = 12 000 goal,
		// 4 000 + 7 500,25 = 11 500,25 actual) = 0.958354… acceptable.
		const anaFeb = row(d, '2026-02', 'Ana Pérez');
		expect([anaFeb.goal, anaFeb.actual, anaFeb.status, anaFeb.goal_ytd, anaFeb.actual_ytd, anaFeb.status_ytd]).toEqual([
			7000, 7500.25, 'approved', 12000, 11500.25, 'acceptable'
		]);
		expect(anaFeb.attainment).toBeCloseTo(7500.25 / 7000, 12);
		expect(anaFeb.attainment_ytd).toBeCloseTo(11500.25 / 12000, 12);
		// Ana, March: 6 000 / 8 000 = 0.75, not below 0.75 but below 0.9: observed; YTD 17 500,25 / 20 000 = 0.8750125 observed.
		const anaMar = row(d, '2026-03', 'Ana Pérez');
		expect([anaMar.actual, anaMar.attainment, anaMar.status, anaMar.goal_ytd, anaMar.actual_ytd, anaMar.status_ytd]).toEqual([
			6000, 0.75, 'observed', 20000, 17500.25, 'observed'
		]);
		// Luis, February: 1 000 / 2 000 = 0.5 rejected; YTD 4 000 / 5 000 = 0.8 observed.
		const luisFeb = row(d, '2026-02', 'Luis Gómez');
		expect([luisFeb.actual, luisFeb.attainment, luisFeb.status, luisFeb.attainment_ytd, luisFeb.status_ytd]).toEqual([1000, 0.5, 'rejected', 0.8, 'observed']);
		// Luis, March (goal written LUIS GÓMEZ): 9 000,10 / 10 000 = 0.90001 acceptable; YTD 13 000,10 / 15 000 = 0.866673… observed.
		const luisMar = row(d, '2026-03', 'Luis Gómez');
		expect([luisMar.actual, luisMar.status, luisMar.goal_ytd, luisMar.actual_ytd, luisMar.status_ytd]).toEqual([9000.1, 'acceptable', 15000, 13000.1, 'observed']);
		expect(luisMar.attainment).toBeCloseTo(0.90001, 12);
	});

	it('counts the activated clients against an activation goal, from the activation figure', async () => {
		const d = await targets(db, { ...params, target_by: 'account_manager' }, DEFAULT_SETTINGS);
		// Ana's February goal of 1 activated client: C2 (created 10/02, first purchase 20/02) → 1 of 1.
		expect(row(d, '2026-02', 'Ana Pérez').activated).toEqual({ goal: 1, actual: 1, attainment: 1 });
		expect(row(d, '2026-03', 'Ana Pérez').activated).toBeNull();
	});

	it('ranks the managers by attainment at their latest month', async () => {
		const d = await targets(db, { ...params, target_by: 'account_manager' }, DEFAULT_SETTINGS);
		// March: Luis 0.90001 before Ana 0.75.
		expect(d.ranking.map((r) => [r.value, r.month, r.status])).toEqual([
			['LUIS GÓMEZ', '2026-03', 'acceptable'],
			['Ana Pérez', '2026-03', 'observed']
		]);
	});

	it('judges the portfolio goal by default, through the CLI and API entry point', async () => {
		const d = (await computeMetric(db, 'targets', { from: '2026-02', to: '2026-03' })) as TargetsDocument;
		// Total March: 6 000 + 9 000,10 = 15 000,10 / 14 000 = 1.071435… approved; no February goal.
		expect(d.by).toBe('total');
		expect(d.rows.map((r) => [r.month, r.value, r.goal, r.actual, r.status])).toEqual([['2026-03', null, 14000, 15000.1, 'approved']]);
		await expect(computeMetric(db, 'targets', { by: 'client' })).rejects.toThrow(/by/);
	});

	it('takes a goal edited in Ajustes over the loaded one, and the bands set for targets', async () => {
		await saveSetting(db, { key: 'goal', value: { revenue_target: 6000 }, scope: { dimension: 'account_manager', value: 'Ana Pérez' }, effective_from: '2026-03', by: 'admin' });
		await saveSetting(db, { key: 'thresholds.targets', value: { direction: 'higher', approve: 1.1, observe: 0.95, reject: 0.8 }, by: 'admin' });
		const d = (await computeMetric(db, 'targets', { from: '2026-02', to: '2026-03', by: 'account_manager' })) as TargetsDocument;
		// Ana, March: 6 000 / 6 000 = 1 — below the new approve (110 %), not below observe (95 %): acceptable.
		// YTD: 5 000 + 7 000 + 6 000 = 18 000 goal, 17 500,25 / 18 000 = 0.972236… acceptable.
		const anaMar = row(d, '2026-03', 'Ana Pérez');
		expect([anaMar.goal, anaMar.attainment, anaMar.status, anaMar.goal_ytd, anaMar.status_ytd]).toEqual([6000, 1, 'acceptable', 18000, 'acceptable']);
		// Luis, February 0.5 < 0.8: rejected still.
		expect(row(d, '2026-02', 'Luis Gómez').status).toBe('rejected');
	});
});
