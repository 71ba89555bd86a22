// Goal attainment is watched: a load that pushes one account manager's month below a band of the
// `targets` figure is exactly one alert (source goal), with the month, the scope, old → new status
// and the attainment; nothing else moves. Hand-built data (the goals test's), default bands:
// ≥ 100 % approved, < 90 % observed, < 75 % rejected, else acceptable. Data ends 31/03/2026, so the
// default period ends in March (complete) and every goal month in it is judged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertsSettled } from '../../src/lib/server/alerts/record';
import { goalStates } from '../../src/lib/server/alerts/goal-states';
import { listAlerts } from '../../src/lib/server/alerts/store';
import { alertScope, alertValue } from '../../src/lib/i18n/alert-messages';
import { alertPayload } from '../../src/lib/server/alerts/deliver';
import type { Database } from '../../src/lib/server/db/database';
import { loadCsv } from '../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	await loadCsv(db, folder, {
		'clientes.csv': [
			'Código cliente;Razón social;Ejecutivo de cuenta;Región;Fecha de alta',
			'C1;Uno;Ana Pérez;Norte;01/06/2025',
			'C3;Tres;Luis Gómez;Sur;01/01/2025'
		],
		'productos.csv': ['Código producto;Nombre;Línea de producto', 'P1;Martillo;Herramientas'],
		'facturas.csv': [
			'Nº factura;Fecha;Código cliente;Código producto;Importe neto',
			'F1;15/02/2026;C1;P1;7.500,25', // Ana Feb 7 500,25
			'F2;25/02/2026;C3;P1;1.000,00', // Luis Feb 1 000
			'F3;10/03/2026;C1;P1;6.000,00', // Ana Mar 6 000
			'F4;31/03/2026;C3;P1;9.000,10' //  Luis Mar 9 000,10
		],
		'metas.csv': [
			'Mes;Ejecutivo;Meta',
			'2026-02;Ana Pérez;7.000,00', // 7 500,25 / 7 000 = 1.0714… approved
			'2026-03;Ana Pérez;8.000,00', // 6 000 / 8 000 = 0.75 observed
			'2026-02;Luis Gómez;2.000,00', // 1 000 / 2 000 = 0.5 rejected
			'2026-03;Luis Gómez;10.000,00' // 9 000,10 / 10 000 = 0.90001 acceptable
		],
		'metas_total.csv': ['Mes;Meta', '2026-03;14.000,00'] // 15 000,10 / 14 000 = 1.0714… approved
	});
	await alertsSettled();
});
afterAll(() => {
	db.close();
	folder.remove();
});

describe('alerts on goals', () => {
	it('watches every judged goal month per scope, with its attainment', async () => {
		const states = (await goalStates(db)).map((s) => [s.scope?.dim ?? null, s.scope?.value ?? null, s.month, s.status, s.value]);
		expect(states).toEqual(
			expect.arrayContaining([
				[null, null, '2026-03', 'approved', expect.closeTo(15000.1 / 14000, 12)],
				['account_manager', 'Ana Pérez', '2026-02', 'approved', expect.closeTo(7500.25 / 7000, 12)],
				['account_manager', 'Ana Pérez', '2026-03', 'observed', expect.closeTo(0.75, 12)],
				['account_manager', 'Luis Gómez', '2026-02', 'rejected', expect.closeTo(0.5, 12)],
				['account_manager', 'Luis Gómez', '2026-03', 'acceptable', expect.closeTo(0.90001, 12)]
			])
		);
		expect(states).toHaveLength(5);
	});

	it('a credit note that takes Luis’s March below 90 % is exactly one alert: acceptable → observed', async () => {
		expect(await listAlerts(db)).toEqual([]);
		// 9 000,10 − 0,20 = 8 999,90 / 10 000 = 0.89999 < 0.90: observed. The portfolio's March
		// (14 999,90 / 14 000 = 1.0714…) stays approved; February is untouched.
		await loadCsv(db, folder, { 'nc.csv': ['Nº factura;Fecha;Código cliente;Código producto;Importe neto', 'NC-1;31/03/2026;C3;P1;-0,20'] });
		await alertsSettled();
		const alerts = await listAlerts(db);
		expect(alerts).toHaveLength(1);
		const [a] = alerts;
		expect(a).toMatchObject({
			cause: 'load', source: 'goal', kpi: 'targets', month: '2026-03', scope_dim: 'account_manager', scope_value: 'Luis Gómez',
			old_status: 'acceptable', new_status: 'observed', direction: 'worse'
		});
		expect(a!.value).toBeCloseTo(0.89999, 12);
		// Read in words, in both languages, on the page, in the e-mail and in the webhook's summary.
		expect(alertValue('targets', a!.value, 'es')).toMatch(/^90,0\s?%$/);
		expect(alertScope(a!.scope_dim, a!.scope_value, 'es')).toBe('Ejecutivo de cuenta: Luis Gómez');
		expect(alertScope(a!.scope_dim, a!.scope_value, 'en')).toBe('Account manager: Luis Gómez');
		const payload = alertPayload(a!);
		expect(payload.alert).toMatchObject({ source: 'goal', kpi: 'targets', scope: { dimension: 'account_manager', value: 'Luis Gómez' } });
		expect(payload.summary.es).toBe('Cartera: Cumplimiento de meta (Ejecutivo de cuenta: Luis Gómez) pasó de Aceptable a Observado');
		expect(payload.summary.en).toBe('Cartera: Goal attainment (Account manager: Luis Gómez) went from Acceptable to Observed');
	});

	it('a load that leaves every band where it was records nothing more', async () => {
		// 8 999,90 − 0,10 = 8 999,80: still observed.
		await loadCsv(db, folder, { 'nc2.csv': ['Nº factura;Fecha;Código cliente;Código producto;Importe neto', 'NC-2;31/03/2026;C3;P1;-0,10'] });
		await alertsSettled();
		expect(await listAlerts(db)).toHaveLength(1);
	});
});
