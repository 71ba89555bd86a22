// The activation page's monthly status mix (activationSeries: the month rows of
// queries/activation.sql, status counts included) on the hand-built portfolio of
// tests/metrics/activation.test.ts; every count is worked out in the comments.
// Period 2025-04..2025-06, default settings (window 365 days, 1 invoice, amount 0): at each month
// end e a client is active with a positive invoice in (e − 365, e], inactive when it bought before
// but not in that window, potential when it has no positive line up to e (a client of the table).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { activation, activationSeries, activationWithSeries } from '../../src/lib/server/metrics/activation';
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
	const clients = [
		'Código cliente;Razón social;Fecha de alta;Tipo de cliente',
		'A;Alfa;01/01/2024;Mayorista', //   bought 2024-08-10 and 2025-05-02
		'B;Beta;01/01/2023;Minorista', //   bought 2023-03-15 only
		'C;Gamma;01/03/2025;Mayorista', //  first purchase 2025-04-11
		'D;Delta;15/12/2024;Mayorista', //  first purchase 2025-06-05
		'E;Épsilon;;Minorista', //          no created_at; first purchase 2025-05-20
		'F;Fi;10/02/2025;Mayorista', //     never bought
		'G;Gama;01/08/2025;Minorista', //   created after the period, never bought (still in the table)
		'H;Hache;01/01/2025;Minorista', //  only a credit note, 2025-05-10
		'I;Iota;01/04/2025;Mayorista', //   first purchase 2025-04-30
		'J;Jota;20/05/2025;Minorista' //    first purchase 2025-06-25
	];
	const products = ['Código producto;Descripción;Línea de producto', 'P1;Papel;Papelería', 'P2;Tóner;Impresión'];
	const invoices = [
		'Nº factura;Fecha;Código cliente;Código producto;Importe;Tipo documento',
		'F01;15/03/2023;B;P1;70,00;Factura',
		'F02;10/08/2024;A;P1;100,00;Factura',
		'F03;11/04/2025;C;P1;50,00;Factura',
		'F04;30/04/2025;I;P2;40,00;Factura',
		'F05;02/05/2025;A;P2;60,00;Factura',
		'NC1;10/05/2025;H;P1;30,00;Nota de crédito', // −30: not a purchase
		'F06;20/05/2025;E;P1;25,00;Factura',
		'F07;05/06/2025;D;P2;80,00;Factura',
		'F08;25/06/2025;J;P1;35,00;Factura',
		'F09;12/04/2025;X;P1;500,00;Factura', // X: not in the clients table, outside the population
		'F10;13/04/2025;;P1;15,00;Factura' //   no client at all, outside the population
	];
	await loadCsv(db, folder, { 'c.csv': clients, 'p.csv': products, 'f.csv': invoices });
});
afterAll(() => {
	db.close();
	empty.close();
	folder.remove();
});

const params = (filters: MetricParams['filters'] = {}) => metricParams('2025-04', '2025-06', '2025-06-30', filters);

describe('activationSeries', () => {
	it('counts active, inactive and potential clients at each month end', async () => {
		const series = await activationSeries(db, params(), DEFAULT_SETTINGS);
		// April 30 (window 2024-05-01..2025-04-30): active A (2024-08-10), C (04-11), I (04-30) = 3;
		// inactive B (bought only in 2023) = 1; potential D, E, F, G, H (its credit note is later), J = 6.
		// Rate 3 / 10; exposed C, D, E, F, H, I (J created 05-20, G 08-01), activated C, I → 2 / 6.
		// May 31: active A, C, E (05-20), I = 4; inactive B; potential D, F, G, H (a credit note is no
		// purchase), J = 5. Rate 4 / 10; exposed D, E, F, H, J, activated E → 1 / 5.
		// June 30: active A, C, D (06-05), E, I, J (06-25) = 6; inactive B; potential F, G, H = 3.
		// Rate 6 / 10; exposed D, F, H, J, activated D, J → 2 / 4.
		// The default rule (1 invoice, amount 0): the variants by amount and by frequency are the status's.
		const variants = (active: number) => ({ active_by_amount: active, active_by_frequency: active, rate_by_amount: active / 10, rate_by_frequency: active / 10 });
		expect(series).toEqual([
			{ month: '2025-04', clients_total: 10, active: 3, inactive: 1, potential: 6, activation_rate: 3 / 10, prospect_conversion_rate: 2 / 6, activated: 2, ...variants(3), partial: false },
			{ month: '2025-05', clients_total: 10, active: 4, inactive: 1, potential: 5, activation_rate: 4 / 10, prospect_conversion_rate: 1 / 5, activated: 1, ...variants(4), partial: false },
			{ month: '2025-06', clients_total: 10, active: 6, inactive: 1, potential: 3, activation_rate: 6 / 10, prospect_conversion_rate: 2 / 4, activated: 2, ...variants(6), partial: false }
		]);
		for (const m of series) expect(m.active + m.inactive + m.potential).toBe(m.clients_total);
	});

	it('keeps the clients of a client-attribute filter in every month', async () => {
		const series = await activationSeries(db, params({ client_type: 'Mayorista' }), DEFAULT_SETTINGS);
		// Mayorista: A, C, D, F, I. April: active A, C, I; potential D, F. May: the same (A's 05-02 keeps
		// it active). June: active A, C, D, I; potential F. Nobody is inactive.
		expect(series.map((m) => [m.month, m.clients_total, m.active, m.inactive, m.potential])).toEqual([
			['2025-04', 5, 3, 0, 2],
			['2025-05', 5, 3, 0, 2],
			['2025-06', 5, 4, 0, 1]
		]);
	});

	it('agrees with the activation document, and one run gives both', async () => {
		const document = await activation(db, params(), DEFAULT_SETTINGS);
		const both = await activationWithSeries(db, params(), DEFAULT_SETTINGS);
		expect(both.document).toEqual(document);
		expect(both.series).toEqual(await activationSeries(db, params(), DEFAULT_SETTINGS));
		// The document's months are the series without the status counts.
		expect(both.series.map(({ clients_total: _, active: __, inactive: ___, potential: ____, ...month }) => month)).toEqual(document.months);
		// The last month ends at the document's as_of, so its counts are the document's.
		const last = both.series[both.series.length - 1]!;
		expect([last.active, last.inactive, last.potential]).toEqual([document.active, document.inactive, document.potential]);
	});

	it('gives zero counts and null rates on an empty database', async () => {
		expect(await activationSeries(empty, params(), DEFAULT_SETTINGS)).toEqual(
			['2025-04', '2025-05', '2025-06'].map((month) => ({
				month,
				clients_total: 0,
				active: 0,
				inactive: 0,
				potential: 0,
				activation_rate: null,
				prospect_conversion_rate: null,
				activated: 0,
				active_by_amount: 0,
				active_by_frequency: 0,
				rate_by_amount: null,
				rate_by_frequency: null,
				partial: false
			}))
		);
	});
});
