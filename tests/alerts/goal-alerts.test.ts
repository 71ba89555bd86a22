// Goal attainment is watched: a load that pushes one account manager's month below a band of the
// `targets` figure is exactly one alert (source goal), with the month, the scope, old → new status
// and the attainment; nothing else moves. Hand-built data (tests/helpers/goal-alert-fixture.ts),
// default bands: ≥ 100 % approved, < 90 % observed, < 75 % rejected, else acceptable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertsSettled } from '../../src/lib/server/alerts/record';
import { goalStates } from '../../src/lib/server/alerts/goal-states';
import { listAlerts } from '../../src/lib/server/alerts/store';
import { alertScope, alertValue } from '../../src/lib/i18n/alert-messages';
import { alertPayload, mailOf } from '../../src/lib/server/alerts/deliver';
import { formatMonth } from '../../src/lib/format';
import type { Database } from '../../src/lib/server/db/database';
import { loadCsv } from '../helpers/metric-fixture';
import { CREDIT_NOTE, loadGoalFixture } from '../helpers/goal-alert-fixture';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	await loadGoalFixture(db, folder); // tests/helpers/goal-alert-fixture.ts: the figures by hand
	await alertsSettled();
});
afterAll(async () => {
	await db.close(); // waits for the loads' alerts, still running on the file about to be removed
	folder.remove();
});

describe('alerts on goals', () => {
	it('watches every judged goal month per scope, with its attainment', async () => {
		const states = (await goalStates(db)).map((s) => [s.scope?.dim ?? null, s.scope?.value ?? null, s.month, s.status, s.value]);
		// Portfolio March: F3 6 000,00 (Ana) + F4 9 000,10 (Luis) = 15 000,10 / 14 000 = 1,0714 ≥ 1 → approved
		// (no portfolio goal for February). Ana: Feb 7 500,25 / 7 000 = 1,0714 approved; Mar 6 000 / 8 000
		// = 0,75, not below 0,75 but below 0,90 → observed. Luis: Feb 1 000 / 2 000 = 0,5 < 0,75 → rejected;
		// Mar 9 000,10 / 10 000 = 0,90001, ≥ 0,90 and < 1 → acceptable. Five judged goal months in all.
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
		// 9 000,10 − 100,00 = 8 900,10 / 10 000 = 0.89001 < 0.90: observed. The portfolio's March
		// (14 900,10 / 14 000 = 1.0643 approved) stays approved; February is untouched.
		await loadCsv(db, folder, { 'nc.csv': CREDIT_NOTE });
		await alertsSettled();
		const alerts = await listAlerts(db);
		expect(alerts).toHaveLength(1);
		const [a] = alerts;
		expect(a).toMatchObject({
			cause: 'load', source: 'goal', kpi: 'targets', month: '2026-03', scope_dim: 'account_manager', scope_value: 'Luis Gómez',
			old_status: 'acceptable', new_status: 'observed', direction: 'worse'
		});
		expect(a!.value).toBeCloseTo(0.89001, 12);
		// Read in words, in both languages, on the page, in the e-mail and in the webhook's summary.
		expect(alertValue('targets', a!.value, 'es')).toMatch(/^89,0\s?%$/);
		expect(alertScope(a!.scope_dim, a!.scope_value, 'es')).toBe('Ejecutivo de cuenta: Luis Gómez');
		expect(alertScope(a!.scope_dim, a!.scope_value, 'en')).toBe('Account manager: Luis Gómez');
		const payload = alertPayload(a!);
		expect(payload.alert).toMatchObject({ source: 'goal', kpi: 'targets', scope: { dimension: 'account_manager', value: 'Luis Gómez' } });
		expect(payload.summary.es).toBe('Cartera: Cumplimiento de meta (Ejecutivo de cuenta: Luis Gómez) pasó de Aceptable a Observado');
		expect(payload.summary.en).toBe('Cartera: Goal attainment (Account manager: Luis Gómez) went from Acceptable to Observed');
		// The e-mail: the same sentence, the month and the attainment per language.
		const mail = { es: mailOf(a!, 'es'), en: mailOf(a!, 'en') };
		expect(mail.es.subject).toBe(payload.summary.es);
		expect(mail.es.text).toContain(`Mes: ${formatMonth('2026-03', 'es')}`);
		expect(mail.es.text).toContain(`Valor: ${alertValue('targets', a!.value, 'es')}`);
		expect(mail.en.text).toContain(`Month: ${formatMonth('2026-03', 'en')}`);
		expect(mail.en.text).toContain('Value: 89.0%');
	});

	it('a load that leaves every band where it was records nothing more', async () => {
		// 8 900,10 − 0,10 = 8 900,00 / 10 000 = 0.89: still observed.
		await loadCsv(db, folder, { 'nc2.csv': ['Nº factura;Fecha;Código cliente;Código producto;Importe neto', 'NC-2;31/03/2026;C3;P1;-0,10'] });
		await alertsSettled();
		expect(await listAlerts(db)).toHaveLength(1);
	});
});
