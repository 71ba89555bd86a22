// Prospect size as the register defines it (DESIGN.md §3 "Pipeline": "tamaño de prospecto $$/año"),
// on hand-built clients and CRM records; every expected value is worked out in the comments.
// Period 2025-01..2025-03, as_of 2025-03-31: the year of opportunities is (2024-03-31, 2025-03-31].
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import type { MetricParams } from '../../src/lib/server/metrics/params';
import { prospectSize } from '../../src/lib/server/metrics/prospect-size';
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
		'Código cliente;Razón social;Región;Potencial anual',
		'A;Alfa;La Paz;12.000,00', //   declared 12 000
		'B;Beta;Cochabamba;', //       no potential: its opportunities
		'C;Gamma;Oruro;5.000,50', //   declared 5 000,50
		'D;Delta;Oruro;', //           no potential, no amount: unsized
		'E;Épsilon;La Paz;9.999,00' // declared, but no record in the period: not a prospect
	];
	const opportunities = [
		'ID oportunidad;Código cliente;Tipo;Fecha de creación;Fecha de cierre;Importe;Resultado',
		'O1;A;Oportunidad;10/01/2025;;1.000,00;Abierta', //   A is a prospect (declared wins)
		'O9;A;Oportunidad;01/12/2024;;999,00;Abierta',
		'O2;B;Oportunidad;01/02/2025;;2.000,00;Abierta', //   B: 2 000 …
		'O3;B;Oportunidad;01/06/2024;30/06/2024;500,00;Perdida', // … + 500 (in the year, any outcome) = 2 500
		'O4;B;Oportunidad;31/03/2024;;900,00;Abierta', //     on the year's open end: outside
		'O5;B;Oportunidad;01/05/2025;;700,00;Abierta', //     after as_of: outside
		'O6;C;Lead;05/03/2025;;;Abierta', //                 C is a prospect (declared)
		'O7;D;Lead;10/03/2025;;;Abierta', //                 D: no size
		'O8;Z;Oportunidad;20/01/2025;;333,33;Abierta', //     Z, not in the clients table: 333,33 from its record
		'O10;;Oportunidad;05/01/2025;;100,00;Abierta' //      no client: sizes no one
	];
	await loadCsv(db, folder, { 'c.csv': clients, 'o.csv': opportunities });
});
afterAll(() => {
	db.close();
	empty.close();
	folder.remove();
});

const params = (filters: MetricParams['filters'] = {}) => metricParams('2025-01', '2025-03', '2025-03-31', filters);

describe('prospect size', () => {
	it('is the mean expected yearly purchase, declared or from a year of opportunities, and says which', async () => {
		const p = await prospectSize(db, params(), DEFAULT_SETTINGS);
		// Prospects A, B, C, D, Z; declared A, C; from opportunities B, Z; D unsized.
		expect([p.prospects, p.declared, p.from_opportunities, p.unsized]).toEqual([5, 2, 2, 1]);
		// (12 000 + 2 500 + 5 000,50 + 333,33) / 4 = 19 833,83 / 4 = 4 958,4575 → 4 958,46.
		expect(p.value).toBe(4958.46);
		expect(p.basis).toBe('mixed');
	});

	it('names its basis when every size has one source', async () => {
		// Oruro: C (5 000,50 declared) and D (unsized).
		expect(await prospectSize(db, params({ region: 'Oruro' }), DEFAULT_SETTINGS)).toMatchObject({ value: 5000.5, basis: 'declared', prospects: 2, unsized: 1 });
		// Cochabamba: B, 2 500 from its opportunities.
		expect(await prospectSize(db, params({ region: 'Cochabamba' }), DEFAULT_SETTINGS)).toMatchObject({ value: 2500, basis: 'opportunities', prospects: 1 });
	});

	it('is null with no prospect', async () => {
		expect(await prospectSize(empty, params(), DEFAULT_SETTINGS)).toEqual({
			from: '2025-01', to: '2025-03', as_of: '2025-03-31', value: null, basis: null, prospects: 0, declared: 0, from_opportunities: 0, unsized: 0
		});
	});

	it('reads the declared potential under the exports\' other names', async () => {
		const f = tempFolder();
		const d = await openTempDatabase(f);
		try {
			const headers = ['Potencial', 'Facturación anual estimada', 'Compra anual estimada', 'Annual potential', 'Estimated annual revenue'];
			for (const [i, h] of headers.entries()) await loadCsv(d, f, { [`c${i}.csv`]: [`Código cliente;Razón social;${h}`, `K${i};Ka;1.234,5${i}`] });
			const rows = await d.all<{ client_id: string; potential: number }>('SELECT client_id, potential_amount::DOUBLE AS potential FROM clients ORDER BY client_id');
			expect(rows).toEqual(headers.map((_, i) => ({ client_id: `K${i}`, potential: 1234.5 + i / 100 })));
		} finally {
			d.close();
			f.remove();
		}
	});
});
