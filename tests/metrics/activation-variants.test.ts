// Activation by volume and/or frequency (DESIGN.md §3 "Activation variants"): the rate by minimum
// amount only, by minimum number of invoices only, and by both, on a hand-built portfolio; every
// expected value is worked out in the comments. as_of 2025-06-30, window 365 days (2024-07-01 ..
// 2025-06-30), min_amount 100, min_invoices 2. "Amount only" is the status rule with 1 invoice,
// "frequency only" with amount 0; "both" is the status rule itself (= activation_rate).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { activation } from '../../src/lib/server/metrics/activation';
import { DEFAULT_SETTINGS, type Settings } from '../../src/lib/server/metrics/settings';
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

	it('with the default settings (1 invoice, amount 0) the three rates are one', async () => {
		const a = await activation(db, metricParams('2025-04', '2025-06', '2025-06-30'), DEFAULT_SETTINGS);
		// Active: A, B, C, D, G (a positive invoice in the window, total ≥ 0) → 5 / 7 each.
		for (const v of [a.variants.amount, a.variants.frequency, a.variants.both]) expect([v.active, v.rate]).toEqual([5, 5 / 7]);
	});
});
