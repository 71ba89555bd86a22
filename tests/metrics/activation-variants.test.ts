// Activation by volume and/or frequency (DESIGN.md §3 "Activation variants"): the rate by minimum
// amount only, by minimum number of invoices only, and by both, on a hand-built portfolio; every
// expected value is worked out in the comments. as_of 2025-06-30, window 365 days (2024-07-01 ..
// 2025-06-30), min_amount 100, min_invoices 2. "Amount only" is the status rule with 1 invoice,
// "frequency only" with amount 0; "both" is the status rule itself (= activation_rate).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { runList } from '../../src/lib/server/lists/list';
import { activation } from '../../src/lib/server/metrics/activation';
import { DEFAULT_SETTINGS, loadSettings, type Settings } from '../../src/lib/server/metrics/settings';
import { checkSetting, saveSetting, SettingError } from '../../src/lib/server/metrics/settings-store';
import { loadCsv, metricParams } from '../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;
const settings: Settings = { ...DEFAULT_SETTINGS, min_amount: 100, min_invoices: 2 };

beforeAll(async () => {
	db = await openTempDatabase(folder);
	const clients = [
		'Código cliente;Razón social;Fecha de alta',
		'A;Alfa;01/01/2024', //   2 invoices, 60 + 60 = 120: amount ✓ frequency ✓ both ✓
		'B;Beta;01/01/2024', //   1 invoice of 150: amount ✓ frequency ✗ both ✗
		'C;Gamma;01/01/2024', //  3 invoices of 20 = 60: amount ✗ frequency ✓ both ✗
		'D;Delta;01/01/2024', //  1 invoice of 30: none
		'E;Épsilon;01/01/2022', // 500 in 2023, outside the window: inactive, none
		'F;Fi;01/01/2025', //     never bought: potential, none
		'G;Gama;01/01/2024' //    80 + 80 − 70 (credit note) = 90 over 2 positive invoices: amount ✗ frequency ✓ both ✗
	];
	const invoices = [
		'Nº factura;Fecha;Código cliente;Importe;Tipo documento',
		'A1;01/02/2025;A;60,00;Factura',
		'A2;01/05/2025;A;60,00;Factura',
		'B1;01/03/2025;B;150,00;Factura',
		'C1;10/01/2025;C;20,00;Factura',
		'C2;10/03/2025;C;20,00;Factura',
		'C3;10/05/2025;C;20,00;Factura',
		'D1;01/04/2025;D;30,00;Factura',
		'E1;01/01/2023;E;500,00;Factura',
		'G1;10/01/2025;G;80,00;Factura',
		'G2;10/02/2025;G;80,00;Factura',
		'GN;10/03/2025;G;70,00;Nota de crédito'
	];
	await loadCsv(db, folder, { 'c.csv': clients, 'f.csv': invoices });
});
afterAll(() => {
	db.close();
	folder.remove();
});

describe('activation variants', () => {
	it('gives the rate by amount only, by invoices only and by both, each with its setting', async () => {
		const a = await activation(db, metricParams('2025-04', '2025-06', '2025-06-30'), settings);
		expect(a.clients_total).toBe(7);
		// Amount only: A (120), B (150) → 2 / 7.
		expect(a.variants.amount).toEqual({ active: 2, rate: 2 / 7, min_amount: 100, min_invoices: null });
		// Frequency only: A (2), C (3), G (2 positive invoices) → 3 / 7.
		expect(a.variants.frequency).toEqual({ active: 3, rate: 3 / 7, min_amount: null, min_invoices: 2 });
		// Both: A only → 1 / 7, the status rule's active and activation_rate.
		expect(a.variants.both).toEqual({ active: 1, rate: 1 / 7, min_amount: 100, min_invoices: 2 });
		expect(a.active).toBe(1);
		expect(a.activation_rate).toBe(1 / 7);
	});

	it('gives the three rates for each month, as of its last day', async () => {
		const a = await activation(db, metricParams('2025-01', '2025-06', '2025-06-30'), settings);
		// Each month end e, window (e − 365, e]; E's 2023 invoice is outside every window, F never bought.
		// 31 Jan: C 20 (1), G 80 (1) → none.
		// 28 Feb: A 60 (1), C 20 (1), G 160 (2) → amount G, frequency G, both G.
		// 31 Mar: A 60 (1), B 150 (1), C 40 (2), G 90 (2: the credit note is no invoice) → amount B, frequency C G, both none.
		// 30 Apr: as March, D 30 (1) → amount B, frequency C G, both none.
		// 31 May: A 120 (2), B 150 (1), C 60 (3), D 30 (1), G 90 (2) → amount A B, frequency A C G, both A.
		// 30 Jun: as May (the document's as_of, as the period's variants).
		const expected: [string, number, number, number][] = [
			['2025-01', 0, 0, 0],
			['2025-02', 1, 1, 1],
			['2025-03', 1, 2, 0],
			['2025-04', 1, 2, 0],
			['2025-05', 2, 3, 1],
			['2025-06', 2, 3, 1]
		];
		expect(a.months.map((m) => [m.month, m.active_by_amount, m.active_by_frequency, Math.round((m.activation_rate ?? 0) * 7)])).toEqual(expected);
		expect(a.months.map((m) => [m.rate_by_amount, m.rate_by_frequency, m.activation_rate])).toEqual(expected.map(([, x, y, z]) => [x / 7, y / 7, z / 7]));
		const june = a.months.at(-1)!;
		expect([june.rate_by_amount, june.rate_by_frequency, june.activation_rate]).toEqual([a.variants.amount.rate, a.variants.frequency.rate, a.variants.both.rate]);
	});

	it('with the default settings (1 invoice, amount 0) the three rates are one', async () => {
		const a = await activation(db, metricParams('2025-04', '2025-06', '2025-06-30'), DEFAULT_SETTINGS);
		// Active: A, B, C, D, G (a positive invoice in the window, total ≥ 0) → 5 / 7 each.
		for (const v of [a.variants.amount, a.variants.frequency, a.variants.both]) expect([v.active, v.rate]).toEqual([5, 5 / 7]);
	});
});

// Setting activation_event (DESIGN.md §3 "Activation variants"): 'formalised' activates a prospect at
// the first of a positive invoice line, a won opportunity (closed_at) and an accepted quote
// (decided_at, else issued_at). Period 2025-04..2025-06, as_of 2025-06-30, default thresholds.
describe('activation with a formalised relationship', () => {
	const f = tempFolder();
	let fdb: Database;
	beforeAll(async () => {
		fdb = await openTempDatabase(f);
		const clients = [
			'Código cliente;Razón social;Fecha de alta',
			'K;Ka;01/03/2025', // won opportunity closed 2025-04-10, no invoice
			'L;Ele;01/03/2025', // accepted quote decided 2025-05-05, first invoice 2025-06-20
			'M;Eme;01/01/2025', // won opportunity closed 2025-03-15 (before P), first invoice 2025-05-01
			'N;Ene;01/03/2025', // first invoice 2025-04-20; accepted quote without decision, issued 2025-07-02 (later)
			'O;O;01/03/2025', //   lost opportunity 2025-04-01, sent quote: never formalised, never bought
			'Q;Cu;01/03/2025' //   accepted quote decided 2025-08-01, after the period
		];
		const invoices = [
			'Nº factura;Fecha;Código cliente;Importe',
			'L1;20/06/2025;L;100,00',
			'M1;01/05/2025;M;100,00',
			'N1;20/04/2025;N;100,00'
		];
		const opportunities = [
			'ID oportunidad;Código cliente;Tipo;Fecha de creación;Fecha de cierre;Importe;Resultado',
			'OK;K;Oportunidad;01/03/2025;10/04/2025;500,00;Ganada',
			'OM;M;Oportunidad;01/02/2025;15/03/2025;500,00;Ganada',
			'OO;O;Oportunidad;01/03/2025;01/04/2025;500,00;Perdida'
		];
		const quoteRows = [
			'Nº presupuesto;Código cliente;Fecha presupuesto;Importe;Estado;Fecha de decisión',
			'QL;L;01/05/2025;100,00;Aceptado;05/05/2025',
			'QN;N;02/07/2025;100,00;Aceptado;',
			'QO;O;01/05/2025;100,00;Enviado;',
			'QQ;Q;20/06/2025;100,00;Aceptado;01/08/2025'
		];
		await loadCsv(fdb, f, { 'c.csv': clients, 'f.csv': invoices, 'o.csv': opportunities, 'q.csv': quoteRows });
	});
	afterAll(() => {
		fdb.close();
		f.remove();
	});
	const params = metricParams('2025-04', '2025-06', '2025-06-30');

	it('by invoice (the default): the first purchase alone', async () => {
		const a = await activation(fdb, params, DEFAULT_SETTINGS);
		// Exposed: no purchase before April, created by as_of: all six. Activated: L (06-20), M (05-01), N (04-20).
		expect([a.prospects_exposed, a.activated_in_period]).toEqual([6, 3]);
		expect(a.prospect_conversion_rate).toBe(3 / 6);
		// Days: L 03-01 → 06-20 = 30 + 30 + 31 + 20 = 111; M 01-01 → 05-01 = 120; N 03-01 → 04-20 = 50. Median 111.
		expect(a.median_days_to_activation).toBe(111);
	});

	it('formalised: the first of a purchase, a won opportunity and an accepted quote', async () => {
		const a = await activation(fdb, params, { ...DEFAULT_SETTINGS, activation_event: 'formalised' });
		// M was formalised 2025-03-15, before P: no longer exposed → 5 exposed (K, L, N, O, Q).
		// Activated in P: K (04-10, won), L (05-05, quote), N (04-20, invoice; its quote is later) → 3.
		// Q's quote is decided after P; O never formalised.
		expect([a.prospects_exposed, a.activated_in_period]).toEqual([5, 3]);
		expect(a.prospect_conversion_rate).toBe(3 / 5);
		// Days: K 03-01 → 04-10 = 40; L 03-01 → 05-05 = 65; N 50. Median 50.
		expect(a.median_days_to_activation).toBe(50);
		// The status stays by purchases: active L, M, N; K, O, Q potential.
		expect([a.active, a.inactive, a.potential]).toEqual([3, 0, 3]);
	});

	it('the setting is stored from Ajustes and read by every figure; other words are refused', async () => {
		expect((await loadSettings(fdb)).activation_event).toBe('invoice');
		await saveSetting(fdb, { key: 'activation_event', value: 'formalised', by: 'test' });
		const s = await loadSettings(fdb);
		expect(s.activation_event).toBe('formalised');
		expect((await activation(fdb, params, s)).activated_in_period).toBe(3);
		expect((await activation(fdb, params, s)).prospects_exposed).toBe(5);
		await saveSetting(fdb, { key: 'activation_event', value: 'invoice', by: 'test' });
		expect(() => checkSetting('activation_event', 'quote')).toThrow(SettingError);
	});

	it('the lists behind exposed and activated follow the setting', async () => {
		const s = { ...DEFAULT_SETTINGS, activation_event: 'formalised' as const };
		const ids = async (key: string) => (await runList(fdb, 'activation', key, params, s)).rows.map((r) => r.id).sort();
		expect(await ids('prospects_exposed')).toEqual(['K', 'L', 'N', 'O', 'Q']);
		expect(await ids('activated')).toEqual(['K', 'L', 'N']);
	});
});
