// Embudo's page data: the period's totals per stage come from queries/pipeline.sql (the same row as
// the document, kept out of it) on hand-built CRM records; expected values worked out in comments.
// Period 2025-01..2025-03; comparison 2024-10..2024-12.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/server/db/database';
import { pipelinePage } from '../../../src/lib/features/pipeline/loader.server';
import type { MetricParams } from '../../../src/lib/server/metrics/params';
import { pipeline } from '../../../src/lib/server/metrics/pipeline';
import { DEFAULT_SETTINGS } from '../../../src/lib/server/metrics/settings';
import { loadCsv, metricParams } from '../../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../../helpers/temp-db';

const folder = tempFolder();
let db: Database;
let empty: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	empty = await openTempDatabase(folder, 'empty.duckdb');
	const clients = ['Código cliente;Razón social;Región', 'A;Alfa;La Paz', 'B;Beta;Oruro'];
	const opportunities = [
		'ID oportunidad;Código cliente;Tipo;Etapa;Línea de producto;Fecha de creación;Fecha de cierre;Importe;Resultado',
		'O1;A;Lead;Cerrada ganada;Papelería;05/01/2025;20/01/2025;1.000,00;Ganada', //   lead Jan, won Jan
		'O2;A;Oportunidad;Cerrada ganada;Impresión;10/01/2025;09/03/2025;2.000,00;Ganada', // opp Jan, won Mar
		'O3;B;Licitación;Cerrada perdida;Impresión;15/12/2024;14/02/2025;3.000,00;Perdida', // opp Dec (comparison)
		'O4;B;Oportunidad;Negociación;Papelería;01/02/2025;;500,00;Abierta', //              opp Feb
		'O5;A;Oportunidad;Cerrada ganada;Papelería;20/02/2025;02/03/2025;700,00;Ganada', //  opp Feb, won Mar
		'O6;B;Lead;Prospección;;03/03/2025;;;Abierta', //                                    lead Mar
		'O7;A;Oportunidad;Cerrada ganada;Impresión;01/11/2024;15/01/2025;4.000,00;Ganada', // opp Nov (comparison), won Jan
		'O8;B;Oportunidad;Cerrada ganada;Papelería;10/03/2025;05/04/2025;800,00;Ganada', //  opp Mar, won after the period
		'O9;B;Oportunidad;Cerrada perdida;Impresión;20/09/2024;15/10/2024;900,00;Perdida' // lost Oct (comparison)
	];
	const quotes = [
		'Nº presupuesto;Código cliente;Fecha presupuesto;Importe;Estado;Línea de producto',
		'Q0;B;28/12/2024;100,00;Enviado;Impresión', //  issued Dec (comparison)
		'Q1;A;10/01/2025;100,00;Aceptado;Papelería', // issued Jan
		'Q2;A;12/01/2025;100,00;Borrador;Papelería', // draft: not issued
		'Q3;B;03/02/2025;100,00;Enviado;Impresión', //  issued Feb
		'Q4;A;04/03/2025;100,00;Rechazado;Papelería' // issued Mar
	];
	await loadCsv(db, folder, { 'c.csv': clients, 'o.csv': opportunities, 'q.csv': quotes });
});
afterAll(() => {
	db.close();
	empty.close();
	folder.remove();
});

const params = (filters: MetricParams['filters'] = {}) => metricParams('2025-01', '2025-03', '2025-03-31', filters);
const comparison = { from: '2024-10', to: '2024-12' };

describe('pipeline page', () => {
	it("totals each stage over the period; the document is the metric's, without the totals", async () => {
		const page = await pipelinePage(db, params(), DEFAULT_SETTINGS, comparison);
		// leads O1, O6; opportunities O2, O4, O5, O8; quotes Q1, Q3, Q4; won O1, O7 (Jan), O2, O5 (Mar)
		expect(page.totals).toEqual({ leads: 2, opportunities: 4, quotes: 3, won: 4 });
		const sum = (stage: keyof typeof page.totals) => page.pipeline.months.reduce((t, m) => t + m[stage], 0);
		expect({ leads: sum('leads'), opportunities: sum('opportunities'), quotes: sum('quotes'), won: sum('won') }).toEqual(page.totals);
		expect(page.pipeline).toEqual(await pipeline(db, params(), DEFAULT_SETTINGS));
		expect(Object.keys(page.pipeline).sort()).toEqual(['median_cycle_days', 'months', 'prospect_size', 'quotes_per_month', 'win_rate', 'win_rate_amount']);
	});

	it('the comparison tiles are the comparison months without their months', async () => {
		const page = await pipelinePage(db, params(), DEFAULT_SETTINGS, comparison);
		// closed Oct–Dec: O9 lost (900) → 0 / 1; created non-leads: O3 3 000, O7 4 000 → 3 500; Q0 over 3 months
		expect(page.comparison).toEqual({ win_rate: 0, win_rate_amount: 0, median_cycle_days: null, prospect_size: 3500, quotes_per_month: 1 / 3 });
	});

	it('totals follow the filters', async () => {
		// La Paz = A: leads O1; opportunities O2, O5; quotes Q1, Q4; won O1, O7, O2, O5
		const page = await pipelinePage(db, params({ region: 'La Paz' }), DEFAULT_SETTINGS, comparison);
		expect(page.totals).toEqual({ leads: 1, opportunities: 2, quotes: 2, won: 4 });
	});

	it('an empty database totals zeros', async () => {
		const page = await pipelinePage(empty, params(), DEFAULT_SETTINGS, comparison);
		expect(page.totals).toEqual({ leads: 0, opportunities: 0, quotes: 0, won: 0 });
	});
});
