// The ranking by account manager on a hand-built portfolio; every expected value is worked out in
// the comments from the rows below (docs/definitions.md "Ranking"). Period 2025-01..2025-03, as of
// 2025-03-31; the comparison is the three months before (2024-10..2024-12). Then: each row equals
// the figures the dashboard shows filtered to that value (the one-truth rule).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import type { SegmentationDocument } from '../../src/lib/server/metrics/documents';
import { computeMetric } from '../../src/lib/server/metrics/index';
import type { RankingDocument } from '../../src/lib/server/metrics/ranking';
import { saveSetting } from '../../src/lib/server/metrics/settings-store';
import { tableCsv, tabularPart } from '../../src/lib/server/metrics/tabular';
import { loadCsv } from '../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';
import { expectRowsEqualFilteredFigures } from '../helpers/ranking-equality';

const folder = tempFolder();
let db: Database;
const PERIOD = { from: '2025-01', to: '2025-03' };

beforeAll(async () => {
	db = await openTempDatabase(folder);
	const clients = [
		'Código cliente;Razón social;Ejecutivo de cuenta',
		'A1;Alfa;Ana',
		'A2;Aleph;Ana',
		'A3;Alba;Ana', // never buys: potential
		'B1;Beta;Beto',
		'B2;Bravo;Beto', // never buys: potential
		'C1;Coral;Carla', // never buys: potential
		'D1;Delta;' // no manager: no row, though its sale counts in the portfolio
	];
	const invoices = [
		'Nº factura;Fecha;Código cliente;Importe',
		'F0;10/10/2024;A1;200,00', // comparison period
		'F1;10/01/2025;A1;100,00',
		'F2;10/02/2025;A1;100,00',
		'F3;10/03/2025;A1;110,00',
		'F4;15/03/2025;A2;50,50',
		'G0;05/12/2024;B1;300,00', // comparison period
		'G1;05/01/2025;B1;100,00',
		'G2;05/02/2025;B1;200,00',
		'G3;31/03/2025;B1;150,00',
		'H1;10/01/2025;D1;25,00'
	];
	const quoteRows = [
		'Nº presupuesto;Código cliente;Fecha presupuesto;Importe;Estado',
		'Q1;A1;10/01/2025;100,00;Aceptado',
		'Q2;A2;10/02/2025;100,00;Rechazado',
		'Q3;A1;10/03/2025;100,00;Aceptado',
		'Q4;A3;20/03/2025;100,00;Enviado',
		'Q5;B1;10/01/2025;100,00;Aceptado',
		'Q6;B2;10/02/2025;100,00;Rechazado',
		'Q7;B2;10/03/2025;100,00;Rechazado'
	];
	const opportunities = [
		'ID oportunidad;Código cliente;Tipo;Etapa;Fecha de creación;Fecha de cierre;Importe;Resultado',
		'O1;A1;Oportunidad;Cerrada ganada;05/01/2025;20/02/2025;1.000,00;Ganada',
		'O2;A2;Oportunidad;Cerrada perdida;05/01/2025;10/03/2025;500,00;Perdida',
		'O3;B1;Oportunidad;Cerrada ganada;01/12/2024;15/01/2025;800,00;Ganada',
		'O4;B2;Oportunidad;Cerrada ganada;01/02/2025;10/03/2025;300,00;Ganada',
		'O5;B1;Oportunidad;Cerrada perdida;01/01/2025;10/02/2025;200,00;Perdida',
		'O6;C1;Oportunidad;Negociación;01/03/2025;;400,00;Abierta'
	];
	await loadCsv(db, folder, { 'c.csv': clients, 'f.csv': invoices, 'q.csv': quoteRows, 'o.csv': opportunities });
	// Beto's own activation target: approved from 50 % (the portfolio's is 60 %).
	await saveSetting(db, {
		key: 'thresholds.activation_rate',
		value: { direction: 'higher', approve: 0.5, observe: 0.4, reject: 0.3 },
		scope: { dimension: 'account_manager', value: 'Beto' }
	});
});
afterAll(() => {
	db.close();
	folder.remove();
});

describe('ranking by account manager', () => {
	it('one row per manager, by revenue, each figure worked out by hand', async () => {
		const r = (await computeMetric(db, 'ranking', PERIOD)) as RankingDocument;
		expect(r.dim).toBe('account_manager'); // the default dimension
		expect(r.comparison).toEqual({ from: '2024-10', to: '2024-12' });
		// D1 has no manager: no row. Beto 450,00 > Ana 360,50 > Carla 0.
		expect(r.rows.map((x) => x.value)).toEqual(['Beto', 'Ana', 'Carla']);
		const [beto, ana, carla] = r.rows;
		expect(beto).toEqual({
			value: 'Beto',
			revenue: 450, // 100 + 200 + 150
			revenue_previous: 300, // G0
			revenue_change: 0.5, // (450 − 300) / 300
			mom_month: '2025-03',
			mom: -0.25, // March 150 vs February 200
			mom_status: 'rejected', // < 0 %
			mom_threshold: 'portfolio',
			activation_rate: 0.5, // B1 active, B2 potential: 1 / 2
			activation_status: 'approved', // Beto's own threshold: ≥ 50 %
			activation_threshold: 'value',
			quote_hit_rate: 1 / 3, // Q5 accepted of Q5, Q6, Q7
			quote_hit_status: 'acceptable', // 30–40 %
			quote_hit_threshold: 'portfolio',
			win_rate: 2 / 3 // O3, O4 won; O5 lost
		});
		expect(ana).toMatchObject({
			revenue: 360.5, // 100 + 100 + 110 + 50,50
			revenue_previous: 200, // F0
			mom_month: '2025-03',
			mom_status: 'approved', // ≥ 10 %
			activation_rate: 2 / 3, // A1, A2 active; A3 potential
			activation_status: 'approved', // portfolio: ≥ 60 %
			activation_threshold: 'portfolio',
			quote_hit_rate: 0.5, // Q1, Q3 accepted of Q1–Q4
			quote_hit_status: 'approved', // ≥ 40 %
			win_rate: 0.5 // O1 won, O2 lost
		});
		expect(ana!.revenue_change).toBeCloseTo(0.8025, 12); // (360,50 − 200) / 200
		expect(ana!.mom).toBeCloseTo(0.605, 12); // March 110 + 50,50 = 160,50 vs February 100
		expect(carla).toEqual({
			value: 'Carla',
			revenue: 0,
			revenue_previous: 0,
			revenue_change: null, // nothing to compare with
			mom_month: '2025-03',
			mom: null, // 0 after 0
			mom_status: null,
			mom_threshold: 'portfolio',
			activation_rate: 0, // C1 potential: 0 / 1
			activation_status: 'rejected', // < 25 %
			activation_threshold: 'portfolio',
			quote_hit_rate: null, // no quote
			quote_hit_status: null,
			quote_hit_threshold: 'portfolio',
			win_rate: null // O6 still open
		});
	});

	it('no comparison when the data does not reach back to its first month', async () => {
		// 2024-11..2025-03 compares with 2024-06..2024-10: the data starts in 2024-10.
		const r = (await computeMetric(db, 'ranking', { from: '2024-11', to: '2025-03' })) as RankingDocument;
		expect(r.rows.every((x) => x.revenue_previous === null && x.revenue_change === null)).toBe(true);
	});

	it('the rows add up to the revenue of the lines with a manager', async () => {
		const r = (await computeMetric(db, 'ranking', PERIOD)) as RankingDocument;
		const total = (await computeMetric(db, 'segmentation', PERIOD)) as SegmentationDocument;
		// 835,50 in all, of which D1's 25,00 has no manager: 810,50.
		expect(total.total_revenue).toBe(835.5);
		expect(r.rows.reduce((sum, x) => sum + Math.round(x.revenue * 100), 0)).toBe(81050);
	});

	it('its table (format=csv) is the rows', async () => {
		const r = (await computeMetric(db, 'ranking', PERIOD)) as RankingDocument;
		const lines = tableCsv(tabularPart(r)).split('\r\n');
		expect(lines[0]).toBe(
			'value,revenue,revenue_previous,revenue_change,mom_month,mom,mom_status,mom_threshold,activation_rate,activation_status,activation_threshold,quote_hit_rate,quote_hit_status,quote_hit_threshold,win_rate'
		);
		expect(lines[1]).toMatch(/^Beto,450,300,0\.5,2025-03,-0\.25,rejected,portfolio,0\.5,approved,value,/);
	});

	it('each row equals the figures of the dashboard filtered to that manager', async () => {
		await expectRowsEqualFilteredFigures(db, PERIOD, 'account_manager');
	});
});
