// Funnel by entry kind, go / no-go, loss reasons and the open and weighted pipeline on hand-built CRM
// records; every expected value is worked out in the comments from the rows below (DESIGN.md §3
// "Pipeline", docs/definitions.md "Funnel by entry kind" … "Open and weighted pipeline").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { computeList, runList } from '../../src/lib/server/lists/list';
import { LISTS } from '../../src/lib/server/lists/registry';
import { funnel } from '../../src/lib/server/metrics/funnel';
import { lossReasons } from '../../src/lib/server/metrics/loss-reasons';
import { openPipeline } from '../../src/lib/server/metrics/open-pipeline';
import type { MetricParams } from '../../src/lib/server/metrics/params';
import { pipeline } from '../../src/lib/server/metrics/pipeline';
import { DEFAULT_SETTINGS, type Settings } from '../../src/lib/server/metrics/settings';
import { loadCsv, metricParams } from '../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	const clients = ['Código cliente;Razón social;Región', 'A;Alfa;La Paz', 'B;Beta;Oruro', 'C;Gama;Potosí', 'D;Delta;Tarija'];
	const opportunities = [
		'ID oportunidad;Código cliente;Tipo;Etapa;Línea de producto;Responsable;Fecha de creación;Fecha prevista de cierre;Fecha de cierre;Importe;Probabilidad;Resultado;Motivo de pérdida;Decisión;Motivo no go;Última modificación',
		// lead won, no decision written: a bid was made (go)
		'O1;A;Lead;Cerrada ganada;Papelería;Ana;05/01/2025;;20/01/2025;1.000,00;;Ganada;;;;',
		// lead open, no decision: in no decision state; leads are not in the open pipeline
		'O2;A;Lead;Prospección;Papelería;Ana;10/01/2025;15/04/2025;;200,00;;Abierta;;;;01/03/2025',
		// go, lost in February for Precio (Ben, Impresión)
		'O3;B;Oportunidad;Cerrada perdida;Impresión;Ben;12/01/2025;;14/02/2025;3.000,00;;Perdida;Precio;Go;;',
		// go, open, its own probability 0,6; 1 Feb → 31 Mar = 58 days old, last change 20 Mar → 11 days
		'O4;B;Oportunidad;Negociación;Impresión;Ben;01/02/2025;15/04/2025;;500,00;0,6;Abierta;;Go;;20/03/2025',
		// lost in March for Precio, no decision written (go)
		'O5;A;Oportunidad;Cerrada perdida;Papelería;Ana;03/02/2025;;10/03/2025;700,02;;Perdida;Precio;;;',
		// Descartada: a no-go (outcome no_go), not a loss
		'O6;C;Licitación;Descartada;Impresión;Ben;05/02/2025;;20/02/2025;4.000,00;;Descartada;;;Fuera de plazo;',
		// tender pending, open: "Presentación de propuesta" is a proposal → 0,5; 6 Feb → 31 Mar = 53 days
		'O7;C;Licitación;Presentación de propuesta;Impresión;Ben;06/02/2025;20/05/2025;;2.500,00;;Abierta;;Pendiente;;',
		// tender won
		'O8;C;Licitación;Cerrada ganada;Impresión;Ben;07/01/2025;;28/03/2025;5.000,00;;Ganada;;Go;;',
		// quote request lost in March, no reason, no owner
		'O9;D;Solicitud de presupuesto;Cerrada perdida;Papelería;;10/03/2025;;25/03/2025;300,00;;Perdida;;;;',
		// written lost but decided No go: a no-go (declining to bid is not a loss)
		'O10;D;Solicitud de presupuesto;Cerrada;Papelería;Ana;11/03/2025;;12/03/2025;150,00;;Perdida;;No go;Sin margen;',
		// created before the period, still open: 15 Oct 2024 → 31 Mar 2025 = 16+30+31+31+28+31 = 167 days; Negociación → 0,75
		'O11;A;Oportunidad;Negociación;Papelería;Ana;15/10/2024;10/03/2025;;1.000,00;;Abierta;;Go;;',
		// created before the period, lost in January for Plazo
		'O12;B;Oportunidad;Cerrada perdida;Impresión;Ben;01/11/2024;;15/01/2025;800,00;;Perdida;Plazo;;;',
		// lost before the period: nowhere
		'O13;B;Oportunidad;Cerrada perdida;Impresión;Ben;01/11/2024;;15/12/2024;900,00;;Perdida;Precio;;;',
		// created after as_of: nowhere
		'O14;A;Oportunidad;Prospección;Papelería;Ana;05/04/2025;;;100,00;;Abierta;;;;',
		// open, no amount, no line; Calificación → 0,2; 20 Mar → 31 Mar = 11 days, last change 25 Mar → 6
		'O15;B;Oportunidad;Calificación;;Ben;20/03/2025;;;;;Abierta;;;;25/03/2025'
	];
	const quotes = [
		'Nº presupuesto;Código cliente;Fecha presupuesto;Importe;Estado;Válido hasta',
		'Q1;A;02/01/2025;100,00;Enviado;31/01/2025', // sent, 31 Jan → 31 Mar = 59 days past
		'Q2;A;05/02/2025;200,00;Enviado;31/03/2025', // valid on as_of: not past
		'Q3;B;10/01/2025;300,00;Aceptado;15/01/2025', // accepted: not pending
		'Q4;B;01/03/2025;400,50;Enviado;10/03/2025', // 21 days past
		'Q5;C;03/03/2025;50,00;Enviado;' // no validity
	];
	await loadCsv(db, folder, { 'c.csv': clients, 'o.csv': opportunities, 'q.csv': quotes });
});
afterAll(() => {
	db.close();
	folder.remove();
});

const params = (filters: MetricParams['filters'] = {}) => metricParams('2025-01', '2025-03', '2025-03-31', filters);
const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });

describe('funnel by entry kind and go / no-go', () => {
	it('counts each kind created in the period through decision to outcome', async () => {
		const f = await funnel(db, params(), settings());
		// Cohort: created 1 Jan – 31 Mar 2025: O1–O10 and O15 (O11–O13 before, O14 after).
		expect(f.kinds.map((k) => k.kind)).toEqual(['lead', 'opportunity', 'tender', 'quote_request']);
		// lead: O1 won (go), O2 open (no decision) → conversion 1/2, win rate 1/1, no-go 0/1
		expect(f.kinds[0]).toEqual({ kind: 'lead', created: 2, go: 1, no_go: 0, pending: 0, won: 1, lost: 0, open: 1,
			created_amount: 1200, won_amount: 1000, conversion: 0.5, win_rate: 1, no_go_rate: 0 });
		// opportunity: O3 lost (go), O4 open (go), O5 lost (go), O15 open → 3 000 + 500 + 700,02 = 4 200,02
		expect(f.kinds[1]).toEqual({ kind: 'opportunity', created: 4, go: 3, no_go: 0, pending: 0, won: 0, lost: 2, open: 2,
			created_amount: 4200.02, won_amount: 0, conversion: 0, win_rate: 0, no_go_rate: 0 });
		// tender: O6 no-go, O7 pending (open), O8 won → 4 000 + 2 500 + 5 000; no-go 1 / (1 go + 1 no-go)
		expect(f.kinds[2]).toEqual({ kind: 'tender', created: 3, go: 1, no_go: 1, pending: 1, won: 1, lost: 0, open: 1,
			created_amount: 11500, won_amount: 5000, conversion: 1 / 3, win_rate: 1, no_go_rate: 0.5 });
		// quote request: O9 lost (go), O10 no-go (written lost) → 300 + 150
		expect(f.kinds[3]).toEqual({ kind: 'quote_request', created: 2, go: 1, no_go: 1, pending: 0, won: 0, lost: 1, open: 0,
			created_amount: 450, won_amount: 0, conversion: 0, win_rate: 0, no_go_rate: 0.5 });
		// all: 11 created, go 6, no-go 2; won 2, lost 3 (no-go in neither) → win rate 2/5; no-go 2/8
		expect(f.all).toEqual({ kind: null, created: 11, go: 6, no_go: 2, pending: 1, won: 2, lost: 3, open: 4,
			created_amount: 17350.02, won_amount: 6000, conversion: 2 / 11, win_rate: 2 / 5, no_go_rate: 2 / 8 });
		// reasons: one each; the larger amount first
		expect(f.no_go_reasons).toEqual([
			{ reason: 'Fuera de plazo', count: 1, amount: 4000 },
			{ reason: 'Sin margen', count: 1, amount: 150 }
		]);
	});

	it("keeps no-go records out of the pipeline's win rate", async () => {
		const p = await pipeline(db, params(), settings());
		// closed in the period: won O1, O8; lost O3, O5, O9, O12 (O6, O10 are no-go) → 2/6
		expect(p.win_rate).toBeCloseTo(2 / 6, 12);
		// 6 000 / (6 000 + 3 000 + 700,02 + 300 + 800)
		expect(p.win_rate_amount).toBeCloseTo(6000 / 10800.02, 12);
	});

	it('follows the filters', async () => {
		const f = await funnel(db, params({ product_line: 'Impresión' }), settings());
		// Impresión created in the period: O3, O4 (opportunity), O6, O7, O8 (tender)
		expect(f.all).toMatchObject({ created: 5, go: 3, no_go: 1, pending: 1, won: 1, lost: 1, open: 2, created_amount: 15000 });
		expect(f.no_go_reasons).toEqual([{ reason: 'Fuera de plazo', count: 1, amount: 4000 }]);
	});
});

describe('loss reasons', () => {
	it('sums the lost records closed in the period by reason, month, owner and product line', async () => {
		const l = await lossReasons(db, params(), settings());
		// lost, closed Jan–Mar: O12 (Jan, Plazo, 800), O3 (Feb, Precio, 3 000), O5 (Mar, Precio, 700,02), O9 (Mar, none, 300)
		expect(l.total).toEqual({ count: 4, amount: 4800.02 });
		expect(l.reasons).toEqual([
			{ reason: 'Precio', count: 2, amount: 3700.02 },
			{ reason: 'Plazo', count: 1, amount: 800 },
			{ reason: null, count: 1, amount: 300 }
		]);
		expect(l.by_month).toEqual([
			{ group: '2025-01', reason: 'Plazo', count: 1, amount: 800 },
			{ group: '2025-02', reason: 'Precio', count: 1, amount: 3000 },
			{ group: '2025-03', reason: 'Precio', count: 1, amount: 700.02 },
			{ group: '2025-03', reason: null, count: 1, amount: 300 }
		]);
		expect(l.by_owner).toEqual([
			{ group: 'Ana', reason: 'Precio', count: 1, amount: 700.02 },
			{ group: 'Ben', reason: 'Precio', count: 1, amount: 3000 },
			{ group: 'Ben', reason: 'Plazo', count: 1, amount: 800 },
			{ group: null, reason: null, count: 1, amount: 300 }
		]);
		expect(l.by_product_line).toEqual([
			{ group: 'Impresión', reason: 'Precio', count: 1, amount: 3000 },
			{ group: 'Impresión', reason: 'Plazo', count: 1, amount: 800 },
			{ group: 'Papelería', reason: 'Precio', count: 1, amount: 700.02 },
			{ group: 'Papelería', reason: null, count: 1, amount: 300 }
		]);
	});

	it('is empty without lost records', async () => {
		const l = await lossReasons(db, metricParams('2026-01', '2026-03', '2026-03-31'), settings());
		expect(l).toMatchObject({ total: { count: 0, amount: 0 }, reasons: [], by_month: [], by_owner: [], by_product_line: [] });
	});
});

describe('open and weighted pipeline', () => {
	it('groups the open opportunities at as_of by stage and expected close month, weighted and aged', async () => {
		const o = await openPipeline(db, params(), settings());
		// open, not leads, created by 31 Mar: O4 (500 × 0,6 = 300), O7 (2 500 × 0,5 = 1 250), O11 (1 000 × 0,75 = 750), O15 (no amount)
		// ages 58, 53, 167, 11 → mean 289 / 4 = 72,25; last changes: O4 11, O15 6 → 8,5 over 2
		expect(o.total).toEqual({ count: 4, amount: 4000, weighted: 2300, mean_age_days: 72.25, max_age_days: 167, mean_days_since_change: 8.5, dated: 2 });
		expect(o.by_stage).toEqual([
			{ stage: 'Calificación', probability: 0.2, count: 1, amount: 0, weighted: 0, mean_age_days: 11, max_age_days: 11, mean_days_since_change: 6, dated: 1 },
			{ stage: 'Presentación de propuesta', probability: 0.5, count: 1, amount: 2500, weighted: 1250, mean_age_days: 53, max_age_days: 53, mean_days_since_change: null, dated: 0 },
			// O4 + O11: 1 500, weighted 300 + 750; ages (58 + 167) / 2
			{ stage: 'Negociación', probability: 0.75, count: 2, amount: 1500, weighted: 1050, mean_age_days: 112.5, max_age_days: 167, mean_days_since_change: 11, dated: 1 }
		]);
		expect(o.by_close_month.map((m) => [m.month, m.count, m.amount, m.weighted])).toEqual([
			['2025-03', 1, 1000, 750], // O11, expected in March and still open
			['2025-04', 1, 500, 300], // O4
			['2025-05', 1, 2500, 1250], // O7
			[null, 1, 0, 0] // O15, no expected close
		]);
	});

	it("takes a stage's probability from Ajustes when the record has none", async () => {
		const o = await openPipeline(db, params(), settings({ stage_probabilities: { Negociación: 0.5 } }));
		// O11 1 000 × 0,5 = 500; O4 keeps its own 0,6 → 300; total 300 + 1 250 + 500 = 2 050
		expect(o.total.weighted).toBe(2050);
		expect(o.by_stage.find((s) => s.stage === 'Negociación')).toMatchObject({ probability: 0.5, weighted: 800 });
	});

	it('lists the stale opportunities and the quotes pending past their validity', async () => {
		const o = await openPipeline(db, params(), settings());
		// idle days (last change, else created): O4 11, O7 53, O11 167, O15 6 → only O11 reaches 60
		expect(o.stale_days).toBe(60);
		expect(o.stale.count).toBe(1);
		expect(o.stale.total).toBe(1000);
		expect(o.stale.rows).toEqual([{ id: 'O11', client_id: 'A', name: 'Alfa', kind: 'opportunity', stage: 'Negociación', owner: 'Ana',
			created_at: '2024-10-15', last_change_at: null, amount: 1000, age_days: 167, idle_days: 167 }]);
		const fifty = await openPipeline(db, params(), settings({ stale_days: 50 }));
		expect(fifty.stale.rows.map((r) => [r.id, r.idle_days])).toEqual([['O11', 167], ['O7', 53]]);
		expect(fifty.stale.total).toBe(3500);
		// sent and valid until before 31 Mar: Q1 (59 days), Q4 (21 days) → 100 + 400,50
		expect(o.quotes_past_validity).toEqual({ count: 2, total: 500.5, rows: [
			{ id: 'Q1', client_id: 'A', name: 'Alfa', issued_at: '2025-01-02', valid_until: '2025-01-31', amount: 100, days_past: 59 },
			{ id: 'Q4', client_id: 'B', name: 'Beta', issued_at: '2025-03-01', valid_until: '2025-03-10', amount: 400.5, days_past: 21 }
		] });
	});

	it('follows the filters', async () => {
		const o = await openPipeline(db, params({ product_line: 'Impresión' }), settings());
		// O4 and O7: 3 000, weighted 300 + 1 250
		expect(o.total).toMatchObject({ count: 2, amount: 3000, weighted: 1550 });
	});
});

// Ages and idle days as worked out above ('groups the open opportunities…'): as_of 31 Mar 2025;
// O11 created 15 Oct 2024, no change: 16 + 30 + 31 + 31 + 28 + 31 = 167; O7 created 6 Feb: 22 + 31 = 53;
// O4 created 1 Feb: 27 + 31 = 58, last change 20 Mar: 11; O15 last change 25 Mar: 6.
describe('the lists behind the open pipeline (Lista: stale, open_stage)', () => {
	const list = (name: 'stale' | 'open_stage', key: string, s = settings()) => runList(db, name, key, params(), s);
	const figure = (name: 'stale' | 'open_stage', key: string, s = settings()) => LISTS.get(name)!.figure(db, params(), s, key, null);

	it('stale opportunities: O11 at 60 days; O11 and O7 at 50 (most idle first), totals equal to Embudo’s', async () => {
		const sixty = await list('stale', 'opportunities');
		expect(sixty.rows).toEqual([{ id: 'O11', client_id: 'A', name: 'Alfa', kind: 'opportunity', stage: 'Negociación', owner: 'Ana',
			created_at: '2024-10-15', last_change_at: null, amount: 1000, age_days: 167, idle_days: 167 }]);
		expect([sixty.count, sixty.total]).toEqual([1, 1000]);
		expect(await figure('stale', 'opportunities')).toEqual({ count: 1, total: 1000 });
		const fifty = await list('stale', 'opportunities', settings({ stale_days: 50 }));
		expect(fifty.rows.map((r) => [r.id, r.idle_days, r.amount])).toEqual([['O11', 167, 1000], ['O7', 53, 2500]]);
		expect([fifty.count, fifty.total]).toEqual([2, 3500]);
		expect(await figure('stale', 'opportunities', settings({ stale_days: 50 }))).toEqual({ count: 2, total: 3500 });
		expect(fifty.entity).toBe('record');
		expect(fifty.columns.map((c) => c.key)).toContain('idle_days');
	});

	it('every stale record, past the document’s 200 rows: at 1 day all four open records (O15 has no amount)', async () => {
		const all = await list('stale', 'opportunities', settings({ stale_days: 1 }));
		// idle O11 167, O7 53, O4 11, O15 6 → 1 000 + 2 500 + 500 + 0
		expect(all.rows.map((r) => r.id)).toEqual(['O11', 'O7', 'O4', 'O15']);
		expect([all.count, all.total]).toEqual([4, 4000]);
	});

	it('quotes past validity: Q1 (59 days) and Q4 (21 days), 500,50 as on Embudo', async () => {
		const q = await list('stale', 'quotes');
		expect(q.rows).toEqual([
			{ id: 'Q1', client_id: 'A', name: 'Alfa', issued_at: '2025-01-02', valid_until: '2025-01-31', amount: 100, days_past: 59 },
			{ id: 'Q4', client_id: 'B', name: 'Beta', issued_at: '2025-03-01', valid_until: '2025-03-10', amount: 400.5, days_past: 21 }
		]);
		expect([q.count, q.total]).toEqual([2, 500.5]);
		expect(await figure('stale', 'quotes')).toEqual({ count: 2, total: 500.5 });
		expect(q.columns.map((c) => c.key)).toEqual(['id', 'name', 'issued_at', 'valid_until', 'amount', 'days_past']);
	});

	it('a stage’s open opportunities: Negociación O11 and O4 (1 500), the stage without amount O15, a stage with none', async () => {
		const negotiation = await list('open_stage', 'Negociación');
		expect(negotiation.rows.map((r) => [r.id, r.amount, r.age_days, r.idle_days])).toEqual([['O11', 1000, 167, 167], ['O4', 500, 58, 11]]);
		expect([negotiation.count, negotiation.total]).toEqual([2, 1500]);
		expect(await figure('open_stage', 'Negociación')).toEqual({ count: 2, total: 1500 });
		const qualification = await list('open_stage', 'Calificación');
		expect(qualification.rows.map((r) => [r.id, r.amount])).toEqual([['O15', null]]);
		expect([qualification.count, qualification.total]).toEqual([1, 0]);
		expect((await list('open_stage', 'Prospección')).count).toBe(0); // O14 is created after as_of; O2 is a lead
		expect((await list('open_stage', '')).count).toBe(0);
	});

	it('follows the filters and is refused without a key or with one that is none', async () => {
		const print = await runList(db, 'open_stage', 'Negociación', params({ product_line: 'Impresión' }), settings());
		expect(print.rows.map((r) => r.id)).toEqual(['O4']);
		const ask = (raw: Record<string, string>) => computeList(db, 'stale', { from: '2025-01', to: '2025-03', ...raw });
		await expect(ask({})).rejects.toMatchObject({ param: 'key', code: 'param_missing' });
		await expect(ask({ key: 'leads' })).rejects.toMatchObject({ param: 'key', code: 'param_choice' });
		expect((await ask({ key: 'quotes' })).count).toBe(2);
	});
});
