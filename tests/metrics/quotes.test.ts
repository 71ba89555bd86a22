// Quote hit rate on hand-built quotes; every expected value is worked out in the comments from
// the rows below (DESIGN.md §3 "Quote hit rate" and Precise rules, §4 quotes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import type { MetricParams } from '../../src/lib/server/metrics/params';
import { quotes } from '../../src/lib/server/metrics/quotes';
import { DEFAULT_SETTINGS } from '../../src/lib/server/metrics/settings';
import { loadCsv, metricParams } from '../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;
let empty: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	empty = await openTempDatabase(folder, 'empty.duckdb');
	const clients = ['Código cliente;Razón social;Tipo de cliente;Región', 'A;Alfa;Mayorista;La Paz', 'B;Beta;Minorista;Oruro'];
	const products = ['Código producto;Descripción;Línea de producto;Unidad de negocio', 'P1;Papel;Papelería;Suministros', 'P2;Tóner;Impresión;Equipos'];
	// A bought in January → status active at 2025-03-31; B never bought → potential.
	const invoices = ['Nº factura;Fecha;Código cliente;Código producto;Importe', 'F1;15/01/2025;A;P1;100,00'];
	const quoteRows = [
		'Nº presupuesto;Código cliente;Fecha presupuesto;Importe;Estado;Fecha de decisión;Línea de producto',
		'Q8;A;20/12/2024;999,00;Aceptado;05/01/2025;Papelería', // issued before the period
		// January
		'Q1;A;10/01/2025;100,00;Aceptado;20/01/2025;Papelería', // issued, accepted
		'Q2;B;15/01/2025;200,00;Rechazado;01/02/2025;Impresión', // issued, rejected
		'Q3;A;20/01/2025;50,00;Borrador;;Papelería', // draft: not issued
		'Q10;Z;25/01/2025;80,00;Enviado;;', // client Z not in the clients table, no line; issued, pending
		// February
		'Q4;A;05/02/2025;300,00;Enviado;;Impresión', // issued, pending
		'Q5;B;10/02/2025;400,00;Vencido;10/03/2025;Impresión', // issued, expired: neither pending nor rejected
		'Q6;B;12/02/2025;150,00;Aceptado;15/04/2025;Impresión', // accepted after the period: still counted
		'Q7;A;13/02/2025;70,00;Quizás;;Papelería', // unknown status (NULL): counts nowhere
		'Q11;B;28/02/2025;60,00;Aceptado;;Impresión', // issued, accepted
		// March: nothing
		'Q9;A;01/04/2025;500,00;Aceptado;;Papelería' // issued after the period
	];
	await loadCsv(db, folder, { 'c.csv': clients, 'p.csv': products, 'f.csv': invoices, 'q.csv': quoteRows });
});
afterAll(() => {
	db.close();
	empty.close();
	folder.remove();
});

const params = (filters: MetricParams['filters'] = {}) => metricParams('2025-01', '2025-03', '2025-03-31', filters);

describe('quotes', () => {
	it('counts the issue-month cohort: issued ≠ draft, unknown statuses nowhere, decisions whatever their date', async () => {
		const q = await quotes(db, params(), DEFAULT_SETTINGS);
		// Issued in 2025-01..03: Q1, Q2, Q10, Q4, Q5, Q6, Q11 = 7 (Q3 draft, Q7 unknown, Q8/Q9 outside)
		expect(q.issued).toBe(7);
		expect(q.accepted).toBe(3); // Q1, Q6 (decided in April), Q11
		expect(q.rejected).toBe(1); // Q2
		expect(q.pending).toBe(2); // Q10, Q4 (sent); Q5 expired is neither
		expect(q.hit_rate).toBeCloseTo(3 / 7, 12);
		// accepted 100 + 150 + 60 = 310; issued 100 + 200 + 80 + 300 + 400 + 150 + 60 = 1 290
		expect(q.hit_rate_amount).toBeCloseTo(310 / 1290, 12);
		expect(q.months).toEqual([
			{ month: '2025-01', issued: 3, accepted: 1, hit_rate: 1 / 3 }, // Q1, Q2, Q10; Q1 accepted
			{ month: '2025-02', issued: 4, accepted: 2, hit_rate: 2 / 4 }, // Q4, Q5, Q6, Q11; Q6, Q11 accepted
			{ month: '2025-03', issued: 0, accepted: 0, hit_rate: null } // none: zeros, hit rate null
		]);
	});

	it('filters by a client attribute through the clients table (drops quotes of unknown clients)', async () => {
		const q = await quotes(db, params({ region: 'Oruro' }), DEFAULT_SETTINGS);
		// Oruro = B: Q2 (rejected), Q5 (expired), Q6 (accepted), Q11 (accepted) → 4 issued; Q10 (client Z) dropped
		expect([q.issued, q.accepted, q.rejected, q.pending]).toEqual([4, 2, 1, 0]);
		expect(q.hit_rate).toBeCloseTo(2 / 4, 12);
		// accepted 150 + 60 = 210; issued 200 + 400 + 150 + 60 = 810
		expect(q.hit_rate_amount).toBeCloseTo(210 / 810, 12);
		expect(q.months).toEqual([
			{ month: '2025-01', issued: 1, accepted: 0, hit_rate: 0 }, // Q2
			{ month: '2025-02', issued: 3, accepted: 2, hit_rate: 2 / 3 }, // Q5, Q6, Q11
			{ month: '2025-03', issued: 0, accepted: 0, hit_rate: null }
		]);
	});

	it('filters by product line on the quote, and by business unit through the product lines of the unit', async () => {
		const line = await quotes(db, params({ product_line: 'Papelería' }), DEFAULT_SETTINGS);
		// Papelería in the period: Q1 (accepted), Q3 (draft), Q7 (unknown) → 1 issued, 1 accepted
		expect([line.issued, line.accepted, line.rejected, line.pending, line.hit_rate, line.hit_rate_amount]).toEqual([1, 1, 0, 0, 1, 1]);
		const unit = await quotes(db, params({ business_unit: 'Equipos' }), DEFAULT_SETTINGS);
		// Equipos = line Impresión: Q2 (rejected), Q4 (pending), Q5 (expired), Q6, Q11 (accepted) → 5 issued
		expect([unit.issued, unit.accepted, unit.rejected, unit.pending]).toEqual([5, 2, 1, 1]);
		expect(unit.hit_rate).toBeCloseTo(2 / 5, 12);
		// accepted 150 + 60 = 210; issued 200 + 300 + 400 + 150 + 60 = 1 110
		expect(unit.hit_rate_amount).toBeCloseTo(210 / 1110, 12);
	});

	it('filters by the computed client status', async () => {
		const active = await quotes(db, params({ status: 'active' }), DEFAULT_SETTINGS);
		// active = A (bought 2025-01-15, within 365 days of 2025-03-31): Q1 (accepted), Q4 (pending)
		expect([active.issued, active.accepted, active.rejected, active.pending]).toEqual([2, 1, 0, 1]);
		expect(active.hit_rate).toBeCloseTo(1 / 2, 12);
		expect(active.hit_rate_amount).toBeCloseTo(100 / 400, 12); // 100 / (100 + 300)
		const potential = await quotes(db, params({ status: 'potential' }), DEFAULT_SETTINGS);
		// potential = B (in the clients table, never bought): Q2, Q5, Q6, Q11
		expect([potential.issued, potential.accepted, potential.rejected, potential.pending]).toEqual([4, 2, 1, 0]);
	});

	it('a product filter keeps no quote (quotes name no product)', async () => {
		const q = await quotes(db, params({ product: 'P1' }), DEFAULT_SETTINGS);
		expect([q.issued, q.accepted, q.rejected, q.pending, q.hit_rate, q.hit_rate_amount]).toEqual([0, 0, 0, 0, null, null]);
	});

	it('an empty database gives a valid document: zeros, null rates, every month listed', async () => {
		const q = await quotes(empty, params(), DEFAULT_SETTINGS);
		expect(q).toEqual({
			issued: 0,
			accepted: 0,
			rejected: 0,
			pending: 0,
			hit_rate: null,
			hit_rate_amount: null,
			months: ['2025-01', '2025-02', '2025-03'].map((month) => ({ month, issued: 0, accepted: 0, hit_rate: null }))
		});
	});
});
