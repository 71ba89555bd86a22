// The lists behind the figures (src/lib/server/lists/) on a hand-built portfolio: each list's rows,
// order and total worked out by hand below, and each total and count equal to its figure's.
// Period P = 2025-04..2025-06; the previous period P0 = 2025-01..2025-03, the year before
// P0' = 2024-04..2024-06. Every client's r (P) and r0 (P0):
//   A  100,00 → 250,50  expansion   +150,50  (Papelería)
//   B  200,00 →  80,25  contraction −119,75  (Impresión in P)
//   C   90,00 →   0     churned      −90,00
//   D   60,00 →   0     churned      −60,00
//   —   30,00 →   0     churned      −30,00  (a line without a client: one row, no id)
//   E    0    →  40,00  new          +40,00
//   I    0    →   5,00  new           +5,00
//   G    0    → −10,00  other        −10,00  (a credit note; bought in 2023: inactive as of 30/06/2025)
//   H    0    →  70,00  reactivated  +70,00  (bought 50,00 in June 2024)
// R0 = 480,00, R = 435,75, bridge −44,25.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { computeList, runList } from '../../src/lib/server/lists/list';
import { LISTS, type ListName } from '../../src/lib/server/lists/registry';
import type { MetricParams } from '../../src/lib/server/metrics/params';
import { DEFAULT_SETTINGS } from '../../src/lib/server/metrics/settings';
import { loadCsv, metricParams } from '../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	const clients = [
		'Código cliente;Razón social;Tipo de cliente;Región',
		'A;Alfa;Mayorista;La Paz',
		'B;Beta;Minorista;La Paz',
		'C;Gamma;Mayorista;Oruro',
		'D;Delta;Minorista;Oruro',
		'E;Épsilon;Mayorista;La Paz',
		'G;Gama;Minorista;Oruro',
		'H;Hache;Mayorista;Oruro',
		'I;Iota;Minorista;La Paz'
	];
	const products = ['Código producto;Descripción;Línea de producto', 'P1;Papel;Papelería', 'P2;Tóner;Impresión'];
	const invoices = [
		'Nº factura;Fecha;Código cliente;Código producto;Importe;Tipo documento',
		'F00;10/01/2023;G;P1;100,00;Factura',
		'F01;15/06/2024;H;P2;50,00;Factura',
		// P0
		'F02;15/01/2025;A;P1;100,00;Factura',
		'F03;20/02/2025;B;P1;200,00;Factura',
		'F04;05/02/2025;C;P2;90,00;Factura',
		'F05;10/03/2025;D;P1;60,00;Factura',
		'F06;12/03/2025;;P1;30,00;Factura',
		// P
		'F07;10/06/2025;A;P1;250,50;Factura',
		'F08;11/05/2025;B;P2;80,25;Factura',
		'F09;12/04/2025;E;P1;40,00;Factura',
		'NC1;13/05/2025;G;P1;10,00;Nota de crédito',
		'F10;14/06/2025;H;P2;70,00;Factura',
		'F11;15/06/2025;I;P1;5,00;Factura',
		// Sub-cent amounts (as tests/metrics/retention.test.ts): P = 2027-04..06, P0 = 2027-01..03.
		'G01;15/12/2026;SB;P1;1,00;Factura',
		'G02;15/02/2027;SC;P1;1,0000;Factura',
		'G03;15/04/2027;SA;P1;0,0030;Factura',
		'G04;15/04/2027;SB;P1;0,0045;Factura',
		'G05;15/04/2027;SC;P1;1,0040;Factura'
	];
	const opportunities = [
		'ID oportunidad;Código cliente;Tipo;Etapa;Línea de producto;Fecha de creación;Fecha de cierre;Importe;Resultado',
		'O1;A;Lead;Prospección;Papelería;05/04/2025;;1.000,00;Abierta',
		'O2;B;Lead;Prospección;Impresión;10/05/2025;;;Abierta',
		'O3;A;Oportunidad;Cerrada ganada;Papelería;20/04/2025;10/06/2025;2.500,00;Ganada',
		'O4;E;Oportunidad;Cerrada ganada;Papelería;01/03/2025;15/05/2025;800,00;Ganada',
		'O5;B;Licitación;Cerrada perdida;Impresión;01/06/2025;20/06/2025;1.200,50;Perdida',
		'O6;H;Oportunidad;Negociación;Impresión;01/07/2025;;300,00;Abierta'
	];
	const quotes = [
		'Nº presupuesto;Código cliente;Fecha presupuesto;Importe;Estado;Línea de producto',
		'Q1;A;02/04/2025;300,00;Enviado;Papelería',
		'Q2;B;02/05/2025;150,25;Aceptado;Impresión',
		'Q3;A;03/05/2025;999,00;Borrador;Papelería',
		'Q4;E;30/03/2025;400,00;Enviado;Papelería'
	];
	await loadCsv(db, folder, { 'c.csv': clients, 'p.csv': products, 'f.csv': invoices, 'o.csv': opportunities, 'q.csv': quotes });
}, 60_000);

afterAll(() => {
	db?.close();
	folder.remove();
});

const P = (more: Partial<MetricParams> = {}, filters: MetricParams['filters'] = {}): MetricParams => ({
	...metricParams('2025-04', '2025-06', '2025-06-30', filters),
	...more
});
const list = (name: ListName, key: string, p = P()) => runList(db, name, key, p, DEFAULT_SETTINGS);
const brief = (rows: { id: string | null; amount: number | null }[]) => rows.map((r) => [r.id, r.amount]);

async function equalsFigure(name: ListName, key: string, p = P()) {
	const l = await list(name, key, p);
	const figure = await LISTS.get(name)!.figure(db, p, DEFAULT_SETTINGS, key, null);
	expect(l.count).toBe(figure.count);
	if (figure.total !== null) expect(l.total).toBe(figure.total);
	return l;
}

describe('retention event lists', () => {
	it('churned: C, D and the lines without a client, largest loss first, −180,00 as the bridge bar', async () => {
		const l = await equalsFigure('retention_event', 'churned');
		expect(brief(l.rows)).toEqual([
			['C', -90],
			['D', -60],
			[null, -30]
		]);
		expect(l.rows[0]).toMatchObject({ name: 'Gamma', revenue_previous: 90, revenue: 0 });
		expect(l.total).toBe(-180);
		expect(l.count).toBe(3);
		expect(l.previous).toEqual({ from: '2025-01', to: '2025-03' });
	});

	it('every event: rows as worked out, totals to the cent, each equal to the retention figure', async () => {
		const expected: Record<string, [string | null, number][]> = {
			new: [['E', 40], ['I', 5]],
			reactivated: [['H', 70]],
			expansion: [['A', 150.5]],
			contraction: [['B', -119.75]],
			churned: [['C', -90], ['D', -60], [null, -30]],
			stable: [],
			other: [['G', -10]]
		};
		const totals: Record<string, number> = { new: 45, reactivated: 70, expansion: 150.5, contraction: -119.75, churned: -180, stable: 0, other: -10 };
		for (const [event, rows] of Object.entries(expected)) {
			const l = await equalsFigure('retention_event', event);
			expect(brief(l.rows), event).toEqual(rows);
			expect(l.total, event).toBe(totals[event]);
		}
	});

	it('against the same months a year before: C, D and the client-less lines leave the population, A and B come back', async () => {
		const year = P({ compare: 'year' });
		expect((await equalsFigure('retention_event', 'churned', year)).rows).toEqual([]);
		const back = await equalsFigure('retention_event', 'reactivated', year);
		expect(brief(back.rows)).toEqual([['A', 250.5], ['B', 80.25]]);
		expect(back.total).toBe(330.75);
		expect(back.previous).toEqual({ from: '2024-04', to: '2024-06' });
		expect(brief((await equalsFigure('retention_event', 'expansion', year)).rows)).toEqual([['H', 20]]);
	});

	it('with sub-cent amounts the total is the bar clicked: reactivated SB +0,0045 shows 0,00, its bar 0,01 (the cent the bridge needs)', async () => {
		const p = { ...metricParams('2027-04', '2027-06', '2027-06-30'), compare: 'previous' as const };
		const back = await equalsFigure('retention_event', 'reactivated', p);
		expect(brief(back.rows)).toEqual([['SB', 0]]);
		expect(back.total).toBe(0.01);
		const grew = await equalsFigure('retention_event', 'expansion', p);
		expect(grew.rows).toEqual([{ id: 'SC', name: null, revenue_previous: 1, revenue: 1, amount: 0 }]);
		expect(grew.total).toBe(0);
	});

	it('under a filter: the filtered lines only (Oruro: C and D churned, H reactivated, G other)', async () => {
		const oruro = P({}, { region: 'Oruro' });
		expect(brief((await equalsFigure('retention_event', 'churned', oruro)).rows)).toEqual([['C', -90], ['D', -60]]);
		expect((await equalsFigure('retention_event', 'reactivated', oruro)).total).toBe(70);
	});
});

describe('activation lists', () => {
	// No client has a creation date: exposed = no positive line before 01/04/2025 (E, I; first
	// purchases 12/04 and 15/06), both activated. Status as of 30/06/2025 (365-day window): G
	// inactive (only a credit note in the window), the other seven active, none potential.
	it('prospects exposed and activated: E and I, with their revenue in the period', async () => {
		const exposed = await equalsFigure('activation', 'prospects_exposed');
		expect(exposed.rows.map((r) => [r.id, r.first_purchase, r.amount])).toEqual([
			['E', '2025-04-12', 40],
			['I', '2025-06-15', 5]
		]);
		expect(exposed.total).toBe(45);
		expect(brief((await equalsFigure('activation', 'activated')).rows)).toEqual([['E', 40], ['I', 5]]);
	});

	it('active, inactive and potential as of the period end', async () => {
		const active = await equalsFigure('activation', 'active');
		expect(brief(active.rows)).toEqual([['A', 250.5], ['B', 80.25], ['H', 70], ['E', 40], ['I', 5], ['C', 0], ['D', 0]]);
		expect(active.total).toBe(445.75);
		expect(brief((await equalsFigure('activation', 'inactive')).rows)).toEqual([['G', -10]]);
		expect((await equalsFigure('activation', 'potential')).rows).toEqual([]);
	});

	it('a month of the chart as its own period: April 2025, as of 30/04 (I has no line yet: potential; E activated)', async () => {
		const run = (key: string) => runList(db, 'activation', key, P(), DEFAULT_SETTINGS, '2025-04');
		const figure = (key: string) => LISTS.get('activation')!.figure(db, P(), DEFAULT_SETTINGS, key, '2025-04');
		const active = await run('active');
		expect(brief(active.rows)).toEqual([['E', 40], ['A', 0], ['B', 0], ['C', 0], ['D', 0], ['H', 0]]);
		expect(active.count).toBe((await figure('active')).count);
		expect(brief((await run('potential')).rows)).toEqual([['I', 0]]);
		expect((await figure('potential')).count).toBe(1);
		expect(brief((await run('activated')).rows)).toEqual([['E', 40]]);
		expect((await figure('activated')).count).toBe(1);
	});
});

describe('ABC tier lists', () => {
	// Revenue > 0 in P: A 250,50, B 80,25, H 70,00, E 40,00, I 5,00 (Σ 445,75). Share held by those
	// above: A 0, B 0,562, H 0,742 → A; E 400,75/445,75 = 0,899 → B; I 440,75/445,75 = 0,989 → C.
	it('tiers A, B and C: their clients by revenue, totals equal to the tier revenue and count', async () => {
		const a = await equalsFigure('abc_tier', 'A');
		expect(brief(a.rows)).toEqual([['A', 250.5], ['B', 80.25], ['H', 70]]);
		expect(a.total).toBe(400.75);
		expect(brief((await equalsFigure('abc_tier', 'B')).rows)).toEqual([['E', 40]]);
		expect(brief((await equalsFigure('abc_tier', 'C')).rows)).toEqual([['I', 5]]);
	});

	it('by product: P1 (A, E, I: 295,50 − G 10,00 = 285,50) and P2 (150,25: 285,50 above it, 0,655 of 435,75) are both A', async () => {
		const a = await equalsFigure('abc_tier', 'A', P({ by: 'product' }));
		expect(a.rows).toEqual([
			{ id: 'P1', name: 'Papel', amount: 285.5 },
			{ id: 'P2', name: 'Tóner', amount: 150.25 }
		]);
		expect(a.total).toBe(435.75);
		expect(a.entity).toBe('product');
		expect((await equalsFigure('abc_tier', 'B', P({ by: 'product' }))).rows).toEqual([]);
	});
});

describe('segment lists', () => {
	it('a product line: its buying clients and their revenue there, summing to the segment revenue', async () => {
		const paper = await equalsFigure('segment', 'Papelería');
		expect(brief(paper.rows)).toEqual([['A', 250.5], ['E', 40], ['I', 5], ['G', -10]]);
		expect(paper.total).toBe(285.5);
		expect(brief((await equalsFigure('segment', 'Impresión')).rows)).toEqual([['B', 80.25], ['H', 70]]);
	});

	it('a status as of 30/06/2025: G (a credit note, no purchase in the 365-day window) is inactive', async () => {
		const status = P({ dim: 'status' });
		const active = await equalsFigure('segment', 'active', status);
		expect(brief(active.rows)).toEqual([['A', 250.5], ['B', 80.25], ['H', 70], ['E', 40], ['I', 5]]);
		expect(active.total).toBe(445.75);
		expect(brief((await equalsFigure('segment', 'inactive', status)).rows)).toEqual([['G', -10]]);
		expect((await equalsFigure('segment', 'potential', status)).count).toBe(0);
	});
});

describe('funnel stage lists', () => {
	it('leads, opportunities, quotes and won of the period, largest amount first, counts equal to the funnel', async () => {
		const leads = await equalsFigure('funnel_stage', 'leads');
		expect(leads.rows.map((r) => [r.id, r.client_id, r.day, r.amount])).toEqual([
			['O1', 'A', '2025-04-05', 1000],
			['O2', 'B', '2025-05-10', null]
		]);
		expect(leads.total).toBe(1000);
		const opportunities = await equalsFigure('funnel_stage', 'opportunities');
		expect(brief(opportunities.rows)).toEqual([['O3', 2500], ['O5', 1200.5]]);
		expect(opportunities.total).toBe(3700.5);
		const won = await equalsFigure('funnel_stage', 'won');
		expect(won.rows.map((r) => [r.id, r.day, r.amount])).toEqual([
			['O3', '2025-06-10', 2500],
			['O4', '2025-05-15', 800]
		]);
		const quotes = await equalsFigure('funnel_stage', 'quotes');
		expect(brief(quotes.rows)).toEqual([['Q1', 300], ['Q2', 150.25]]);
		expect(quotes.total).toBe(450.25);
		expect(quotes.rows[0]!.name).toBe('Alfa');
	});
});

describe('refusals', () => {
	const ask = (name: string, raw: Record<string, string>) => computeList(db, name, { from: '2025-04', to: '2025-06', ...raw });
	it('names the parameter: no key, a key that is none, a month outside the period or on a list without months, an unknown list', async () => {
		await expect(ask('retention_event', {})).rejects.toMatchObject({ param: 'key', code: 'param_missing' });
		await expect(ask('retention_event', { key: 'lost' })).rejects.toMatchObject({ param: 'key', code: 'param_choice' });
		await expect(ask('activation', { key: 'active', month: '2025-07' })).rejects.toMatchObject({ param: 'month', code: 'param_order' });
		await expect(ask('activation', { key: 'active', month: '2025-7' })).rejects.toMatchObject({ param: 'month', code: 'param_month' });
		await expect(ask('activation', { key: 'prospects_exposed', month: '2025-05' })).rejects.toMatchObject({ param: 'month' });
		await expect(ask('abc_tier', { key: 'A', month: '2025-05' })).rejects.toMatchObject({ param: 'month' });
		await expect(ask('nada', { key: 'A' })).rejects.toMatchObject({ param: 'name', code: 'unknown_list' });
	});
});
