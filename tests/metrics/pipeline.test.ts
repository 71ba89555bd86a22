// Pipeline on hand-built CRM records; every expected value is worked out in the comments from the
// rows below (DESIGN.md §3 "Pipeline", §4 pipeline).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import type { MetricParams } from '../../src/lib/server/metrics/params';
import { pipeline } from '../../src/lib/server/metrics/pipeline';
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
	const opportunities = [
		'ID oportunidad;Código cliente;Tipo;Etapa;Línea de producto;Fecha de creación;Fecha de cierre;Importe;Resultado',
		// A lead may be won too: counts in won, the win rate and the cycle (5 → 20 Jan = 15 days)
		'O1;A;Lead;Cerrada ganada;Papelería;05/01/2025;20/01/2025;1.000,00;Ganada',
		// created Jan, won 9 Mar: 10 Jan → 9 Mar = 21 + 28 + 9 = 58 days
		'O2;A;Oportunidad;Cerrada ganada;Impresión;10/01/2025;09/03/2025;2.000,00;Ganada',
		// created before the period, lost in Feb
		'O3;B;Licitación;Cerrada perdida;Impresión;15/12/2024;14/02/2025;3.000,00;Perdida',
		'O4;B;Oportunidad;Negociación;Papelería;01/02/2025;;500,00;Abierta',
		// created 20 Feb, won 2 Mar: 8 + 2 = 10 days
		'O5;A;Solicitud de cotización;Cerrada ganada;Papelería;20/02/2025;02/03/2025;700,02;Ganada',
		'O6;B;Lead;Prospección;;03/03/2025;;;Abierta',
		// created before the period, won 15 Jan: 1 Nov → 15 Jan = 30 + 31 + 14 = 75 days
		'O7;A;Oportunidad;Cerrada ganada;Impresión;01/11/2024;15/01/2025;4.000,00;Ganada',
		// created Mar, won in April (after the period)
		'O8;B;Oportunidad;Cerrada ganada;Papelería;10/03/2025;05/04/2025;800,00;Ganada',
		// unknown outcome (NULL): created counts, neither won nor lost; no amount
		'O9;A;Oportunidad;Negociación;Impresión;12/03/2025;25/03/2025;;Quizás',
		// client Z not in the clients table; lead lost in Jan
		'O10;Z;Lead;Cerrada perdida;Papelería;15/01/2025;31/01/2025;50,00;Perdida',
		// all before the period
		'O11;B;Oportunidad;Cerrada perdida;Impresión;20/09/2024;15/10/2024;900,00;Perdida'
	];
	const quoteRows = [
		'Nº presupuesto;Código cliente;Fecha presupuesto;Importe;Estado;Línea de producto',
		'Q7;B;28/12/2024;100,00;Enviado;Impresión', // before the period
		'Q1;A;10/01/2025;100,00;Aceptado;Papelería', // issued Jan
		'Q2;A;12/01/2025;100,00;Borrador;Papelería', // draft: not issued
		'Q3;B;03/02/2025;100,00;Enviado;Impresión', // issued Feb
		'Q4;A;04/03/2025;100,00;Rechazado;Papelería', // issued Mar
		'Q5;A;05/03/2025;100,00;Quizás;Impresión', // unknown status: counts nowhere
		'Q6;Z;06/03/2025;100,00;Vencido;' // issued Mar (expired is issued)
	];
	await loadCsv(db, folder, { 'c.csv': clients, 'o.csv': opportunities, 'q.csv': quoteRows });
});
afterAll(() => {
	db.close();
	empty.close();
	folder.remove();
});

const params = (filters: MetricParams['filters'] = {}) => metricParams('2025-01', '2025-03', '2025-03-31', filters);

describe('pipeline', () => {
	it('per month leads, opportunities, quotes and won; win rate, cycle, prospect size, quotes per month', async () => {
		const p = await pipeline(db, params(), DEFAULT_SETTINGS);
		expect(p.months).toEqual([
			// created Jan: leads O1, O10; others O2. Quotes: Q1. Won in Jan: O1, O7.
			{ month: '2025-01', leads: 2, opportunities: 1, quotes: 1, won: 2 },
			// created Feb: O4, O5 (tender O3 was created in Dec). Quotes: Q3. Won: none (O3 lost).
			{ month: '2025-02', leads: 0, opportunities: 2, quotes: 1, won: 0 },
			// created Mar: lead O6; O8, O9. Quotes: Q4, Q6 (Q5 unknown). Won: O2, O5 (O8 in April).
			{ month: '2025-03', leads: 1, opportunities: 2, quotes: 2, won: 2 }
		]);
		// closed in the period: won O1, O7, O2, O5 (4), lost O3, O10 (2) → 4 / 6
		expect(p.win_rate).toBeCloseTo(4 / 6, 12);
		// won 1 000 + 4 000 + 2 000 + 700,02 = 7 700,02; lost 3 000 + 50 = 3 050 → 7 700,02 / 10 750,02
		expect(p.win_rate_amount).toBeCloseTo(7700.02 / 10750.02, 12);
		// won cycles 15, 75, 58, 10 → sorted 10, 15, 58, 75 → (15 + 58) / 2
		expect(p.median_cycle_days).toBe(36.5);
		// non-lead records created in the period with an amount: O2 2 000, O4 500, O5 700,02, O8 800
		// (O9 has none) → 4 000,02 / 4 = 1 000,005 → 1 000,01 (half-up, exact)
		expect(p.prospect_size).toBe(1000.01);
		// issued Q1, Q3, Q4, Q6 = 4 over 3 months
		expect(p.quotes_per_month).toBeCloseTo(4 / 3, 12);
	});

	it('filters by a client attribute through the clients table (records of unknown clients dropped)', async () => {
		const p = await pipeline(db, params({ region: 'La Paz' }), DEFAULT_SETTINGS);
		// La Paz = A: O1, O2, O5, O7, O9 and quotes Q1, Q2 (draft), Q4, Q5 (unknown)
		expect(p.months).toEqual([
			{ month: '2025-01', leads: 1, opportunities: 1, quotes: 1, won: 2 }, // O1; O2; Q1; won O1, O7
			{ month: '2025-02', leads: 0, opportunities: 1, quotes: 0, won: 0 }, // O5
			{ month: '2025-03', leads: 0, opportunities: 1, quotes: 1, won: 2 } // O9; Q4; won O2, O5
		]);
		expect(p.win_rate).toBe(1); // 4 won / 4 closed
		expect(p.win_rate_amount).toBe(1);
		expect(p.median_cycle_days).toBe(36.5); // the same four won records
		// O2 2 000 + O5 700,02 (O9 no amount) → 2 700,02 / 2 = 1 350,01
		expect(p.prospect_size).toBe(1350.01);
		expect(p.quotes_per_month).toBeCloseTo(2 / 3, 12); // Q1, Q4
	});

	it('filters by product line on the records themselves', async () => {
		const p = await pipeline(db, params({ product_line: 'Papelería' }), DEFAULT_SETTINGS);
		// Papelería: O1, O4, O5, O8, O10; quotes Q1, Q2 (draft), Q4
		expect(p.months).toEqual([
			{ month: '2025-01', leads: 2, opportunities: 0, quotes: 1, won: 1 }, // O1, O10; Q1; won O1
			{ month: '2025-02', leads: 0, opportunities: 2, quotes: 0, won: 0 }, // O4, O5
			{ month: '2025-03', leads: 0, opportunities: 1, quotes: 1, won: 1 } // O8; Q4; won O5
		]);
		// closed: O1 won 1 000, O5 won 700,02, O10 lost 50 → 2 / 3 and 1 700,02 / 1 750,02
		expect(p.win_rate).toBeCloseTo(2 / 3, 12);
		expect(p.win_rate_amount).toBeCloseTo(1700.02 / 1750.02, 12);
		expect(p.median_cycle_days).toBe(12.5); // O1 15, O5 10 → (10 + 15) / 2
		// O4 500 + O5 700,02 + O8 800 = 2 000,02 / 3 = 666,673… → 666,67
		expect(p.prospect_size).toBe(666.67);
		expect(p.quotes_per_month).toBeCloseTo(2 / 3, 12);
	});

	it('counts 0 quotes per month when quotes were loaded but the filters keep none', async () => {
		// A region no client has selects no record: quotes are loaded, none is the segment's → 0, not null.
		expect((await pipeline(db, params({ region: 'Ninguna' }), DEFAULT_SETTINGS)).quotes_per_month).toBe(0);
	});

	it('an empty database gives a valid document: zero months, null rates', async () => {
		const p = await pipeline(empty, params(), DEFAULT_SETTINGS);
		expect(p).toEqual({
			months: ['2025-01', '2025-02', '2025-03'].map((month) => ({ month, leads: 0, opportunities: 0, quotes: 0, won: 0 })),
			win_rate: null,
			win_rate_amount: null,
			median_cycle_days: null,
			prospect_size: null,
			// No quote ever loaded: nothing says the count is 0.
			quotes_per_month: null
		});
	});
});
