// The four sales events (DESIGN.md §3 "Cross-sell event", "Retention and the four sales events") on
// a hand-built portfolio; every expected value is worked out in the comments. Period P =
// 2025-04..2025-06, P0 = 2025-01..2025-03 (the three months before).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { runList } from '../../src/lib/server/lists/list';
import { salesEvents } from '../../src/lib/server/metrics/sales-events';
import { DEFAULT_SETTINGS } from '../../src/lib/server/metrics/settings';
import { loadCsv, metricParams } from '../helpers/metric-fixture';
import { onAndOff } from '../helpers/rollups-on-off';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;
let empty: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	empty = await openTempDatabase(folder, 'empty.duckdb');
	const clients = ['Código cliente;Razón social', 'A;Alfa', 'B;Beta', 'C;Gamma', 'D;Delta', 'E;Épsilon', 'F;Fi', 'G;Gama'];
	const products = [
		'Código producto;Descripción;Línea de producto',
		'P1;Papel;Papelería',
		'P2;Tóner;Impresión',
		'P3;Silla;Mobiliario',
		'P4;Varios;' // no product line
	];
	const invoices = [
		'Nº factura;Fecha;Código cliente;Código producto;Importe;Tipo documento',
		// A: Papelería before P; in P Papelería 200 and Impresión 50 (new to A) → repeat 250, cross-sell 50
		'A0;01/10/2024;A;P1;100,00;Factura',
		'A1;10/04/2025;A;P1;200,00;Factura',
		'A2;10/05/2025;A;P2;50,00;Factura',
		// B: Papelería 100 in P0, 150 in P → repeat 150, higher volume +50
		'B0;01/02/2025;B;P1;100,00;Factura',
		'B1;05/04/2025;B;P1;150,00;Factura',
		// C: first purchase ever in P, two lines → first purchase 100 (not a cross-sell)
		'C1;01/05/2025;C;P1;80,00;Factura',
		'C2;02/05/2025;C;P2;20,00;Factura',
		// D: Impresión 300 in P0; Mobiliario 40 − 10 in P → repeat 30, cross-sell 30 (contraction, not expansion)
		'D0;01/03/2025;D;P2;300,00;Factura',
		'D1;01/06/2025;D;P3;40,00;Factura',
		'DN;15/06/2025;D;P3;10,00;Nota de crédito',
		// E: bought before, only a credit note in P → not a buyer, in no event
		'E0;01/05/2024;E;P2;100,00;Factura',
		'EN;01/05/2025;E;P1;20,00;Nota de crédito',
		// F: Papelería 100 in P0; in P Papelería 100 and 60 without a product line → repeat 160, higher
		// volume +60; a line without product line is no cross-sell
		'F0;15/01/2025;F;P1;100,00;Factura',
		'F1;15/04/2025;F;P1;100,00;Factura',
		'F2;20/04/2025;F;P4;60,00;Factura',
		// G: only a credit note before P, first purchase in P → first purchase 70
		'GN;01/12/2024;G;P1;50,00;Nota de crédito',
		'G1;01/06/2025;G;P2;70,00;Factura'
	];
	await loadCsv(db, folder, { 'c.csv': clients, 'p.csv': products, 'f.csv': invoices });
});
afterAll(() => {
	db.close();
	empty.close();
	folder.remove();
});

const params = metricParams('2025-04', '2025-06', '2025-06-30');

describe('sales events', () => {
	it('counts and sums repeat purchase, higher volume, cross-sell and first purchase', async () => {
		const e = await salesEvents(db, params, DEFAULT_SETTINGS);
		expect(e.previous).toEqual({ from: '2025-01', to: '2025-03' });
		// Buyers in P: A, B, C, D, F, G.
		expect(e.buyers).toBe(6);
		// Repeat: A 250 + B 150 + D 30 + F 160 = 590.
		expect(e.repeat).toEqual({ clients: 4, amount: 590 });
		// Higher volume (expansion r > r0 > 0): B +50, F +60 = 110.
		expect(e.expansion).toEqual({ clients: 2, amount: 110 });
		// Cross-sell: A (Impresión 50), D (Mobiliario 40 − 10 = 30) = 80 over 2 new product lines.
		expect(e.cross_sell).toEqual({ clients: 2, amount: 80, product_lines: 2 });
		// First purchase: C 100, G 70 = 170.
		expect(e.first_purchase).toEqual({ clients: 2, amount: 170 });
		expect(e.repeat.clients + e.first_purchase.clients).toBe(e.buyers);
	});

	it('a product-line filter looks at that line only', async () => {
		// Impresión only: A's first Impresión line is in P and A bought (Impresión) before? No: A's
		// earlier line is Papelería, filtered out, so A is a first purchase of the filtered lines.
		// Buyers: A 50, C 20, G 70 (first purchases); D bought Impresión in P0 only → none in P.
		const e = await salesEvents(db, metricParams('2025-04', '2025-06', '2025-06-30', { product_line: 'Impresión' }), DEFAULT_SETTINGS);
		expect(e.buyers).toBe(3);
		expect(e.first_purchase).toEqual({ clients: 3, amount: 140 });
		expect(e.repeat).toEqual({ clients: 0, amount: 0 });
		expect(e.cross_sell).toEqual({ clients: 0, amount: 0, product_lines: 0 });
	});

	it('the lists behind repeat, cross-sell and first purchase add up to the figure', async () => {
		for (const [key, ids, total] of [
			['repeat', ['A', 'B', 'D', 'F'], 590],
			['cross_sell', ['A', 'D'], 80],
			['first_purchase', ['C', 'G'], 170]
		] as const) {
			const l = await runList(db, 'sales_event', key, params, DEFAULT_SETTINGS);
			expect(l.rows.map((r) => r.id).sort()).toEqual(ids);
			expect([l.count, l.total]).toEqual([ids.length, total]);
		}
	});

	it('an empty database gives zeros', async () => {
		const e = await salesEvents(empty, params, DEFAULT_SETTINGS);
		expect([e.buyers, e.repeat, e.expansion, e.cross_sell, e.first_purchase]).toEqual([
			0,
			{ clients: 0, amount: 0 },
			{ clients: 0, amount: 0 },
			{ clients: 0, amount: 0, product_lines: 0 },
			{ clients: 0, amount: 0 }
		]);
	});
});

describe('sales events from the rollups, where a product line is new', () => {
	// Read from the rollups, a product line is new to a client in P when its first purchase there
	// (client_line_firsts) falls in P; these are the cases where that could differ from the lines.
	const other = tempFolder();
	let odb: Database;
	beforeAll(async () => {
		odb = await openTempDatabase(other);
		const clients = ['Código cliente;Razón social', 'H;Hache'];
		const products = ['Código producto;Descripción;Línea de producto', 'P1;Papel;Papelería', 'P2;Tóner;Impresión', 'P3;Silla;Mobiliario'];
		const invoices = [
			'Nº factura;Fecha;Código cliente;Código producto;Importe;Tipo documento',
			// H: Papelería before P and 60 in P; in P only a credit note of Mobiliario, first bought after P
			'H0;01/11/2024;H;P1;100,00;Factura',
			'H1;10/04/2025;H;P1;60,00;Factura',
			'HN;10/05/2025;H;P3;30,00;Nota de crédito',
			'H2;10/08/2025;H;P3;90,00;Factura',
			// Lines without a client (one client, with no id): Papelería before P, Impresión new in P
			'X0;01/11/2024;;P1;40,00;Factura',
			'X1;10/05/2025;;P2;25,00;Factura'
		];
		await loadCsv(odb, other, { 'c.csv': clients, 'p.csv': products, 'f.csv': invoices });
	});
	afterAll(() => {
		odb.close();
		other.remove();
	});

	it('a credit note is no cross-sell, and the lines without a client can make one', async () => {
		const { rollups, lines } = await onAndOff(() => salesEvents(odb, params, DEFAULT_SETTINGS));
		// Buyers: H (60) and the lines without a client (25), both repeat: H's r = 60 − 30 = 30, 25.
		expect([rollups.buyers, rollups.repeat]).toEqual([2, { clients: 2, amount: 55 }]);
		// Cross-sell: Impresión, 25, for the lines without a client. Not H's Mobiliario: bought after P.
		expect(rollups.cross_sell).toEqual({ clients: 1, amount: 25, product_lines: 1 });
		expect(lines).toEqual(rollups);
	});
});
