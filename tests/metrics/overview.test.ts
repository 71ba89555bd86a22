// The home page's figures on a hand-built portfolio; every expected value is worked out below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { getOverview } from '../../src/lib/server/metrics/overview';
import { defaultPeriod } from '../../src/lib/server/metrics/period';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	const clients = folder.write(
		'clientes.csv',
		['Código cliente;Razón social', 'A;Alfa', 'B;Beta', 'C;Gamma', 'D;Delta', 'E;Épsilon', 'F;Fi'].join('\n')
	);
	const invoices = folder.write(
		'facturas.csv',
		[
			'Nº factura;Fecha;Código cliente;Importe;Tipo documento',
			'F0;15/01/2024;D;19,75;Factura', //      data from 2024-01: the previous 12 months are covered
			'F1;01/06/2024;D;300,00;Factura', //     D: last purchase long before the window → inactive
			'F2;31/12/2024;E;45,50;Factura', //      E: on as_of − 365, just outside (as_of − 365, as_of] → inactive
			'F3;01/01/2025;F;10,00;Factura', //      F: first day inside the window → active
			'F4;10/03/2025;A;100,00;Factura', //     A: two purchases in the window → active
			'F5;15/11/2025;A;50,25;Factura',
			'F6;01/06/2025;B;200,00;Factura', //     B: invoice of 200 > 0, then a credit note: total 0 ≥ min 0 → active
			'NC1;20/06/2025;B;200,00;Nota de crédito', // stored as −200,00
			'F7;05/12/2025;X;80,00;Factura', //      X: not in the clients table, bought → active
			'F8;20/12/2025;A;0,00;Factura'
		].join('\n')
	);
	await ingestFiles(db, [{ path: clients }, { path: invoices }]);
});

afterAll(() => {
	db.close();
	folder.remove();
});

describe('overview', () => {
	it('computes revenue, statuses and months for the last 12 complete months', async () => {
		const o = await getOverview(db, new Date('2026-01-15T12:00:00Z'));
		// Latest line 2025-12-20, today in 2026-01 → period 2025-01..2025-12, as_of 2025-12-31.
		expect(o.period).toEqual({ from: '2025-01', to: '2025-12', as_of: '2025-12-31' });
		// 10,00 + 100,00 + 50,25 + 200,00 − 200,00 + 80,00 + 0,00 = 240,25
		expect(o.revenue).toBe(240.25);
		// 2024-01..2024-12: 19,75 + 300,00 + 45,50 = 365,25
		expect(o.revenue_previous).toBe(365.25);
		// active A, B, F, X; inactive D, E; potential C (in the table, never bought); table holds 6
		expect(o.clients).toEqual({ active: 4, inactive: 2, potential: 1, clients_total: 6 });
		// 2024-01 .. 2025-12 = 24 months, months without sales at 0
		expect(o.months).toHaveLength(24);
		expect(o.months[0]).toEqual({ month: '2024-01', revenue: 19.75 });
		expect(o.months[5]).toEqual({ month: '2024-06', revenue: 300 });
		expect(o.months.find((m) => m.month === '2024-12')).toEqual({ month: '2024-12', revenue: 45.5 });
		expect(o.months.find((m) => m.month === '2025-02')).toEqual({ month: '2025-02', revenue: 0 }); // no line
		expect(o.months.find((m) => m.month === '2025-06')).toEqual({ month: '2025-06', revenue: 0 }); // 200 − 200
		expect(o.months.at(-1)).toEqual({ month: '2025-12', revenue: 80 }); // 80 + 0
		expect(o.currency).toBe('Bs.');
	});

	it('has no previous revenue when the data does not cover the previous 12 months', async () => {
		// Period 2025-01..2025-12 needs lines from 2024-01 on for its comparison; this file starts in 2025-06.
		const other = await openTempDatabase(folder, 'short.duckdb');
		const file = folder.write('short.csv', ['Nº factura;Fecha;Código cliente;Importe', 'F1;10/06/2025;A;5,00', 'F2;10/12/2025;A;7,00'].join('\n'));
		await ingestFiles(other, [{ path: file }]);
		const short = await getOverview(other, new Date('2026-01-15T12:00:00Z'));
		expect(short.revenue).toBe(12);
		expect(short.revenue_previous).toBeNull(); // no data before 2025-06: a comparison would mislead
		other.close();
	});

	it('is empty but valid on an empty database', async () => {
		const empty = await openTempDatabase(folder, 'empty.duckdb');
		const o = await getOverview(empty, new Date('2026-01-15T12:00:00Z'));
		expect(o).toEqual({
			period: null,
			revenue: null,
			revenue_previous: null,
			clients: { active: 0, inactive: 0, potential: 0, clients_total: 0 },
			months: [],
			currency: 'Bs.'
		});
		empty.close();
	});
});

describe('defaultPeriod', () => {
	const today = new Date('2026-11-28T10:00:00Z');
	it('ends at the month of the latest line when that month is over', () => {
		expect(defaultPeriod('2026-10-31', today)).toEqual({ from: '2025-11', to: '2026-10', as_of: '2026-10-31' });
		expect(defaultPeriod('2026-09-15', today)).toEqual({ from: '2025-10', to: '2026-09', as_of: '2026-09-30' });
	});
	it('leaves out the current, unfinished month', () => {
		expect(defaultPeriod('2026-11-20', today)).toEqual({ from: '2025-11', to: '2026-10', as_of: '2026-10-31' });
	});
	it('handles leap years and year boundaries', () => {
		expect(defaultPeriod('2024-02-10', today)).toEqual({ from: '2023-03', to: '2024-02', as_of: '2024-02-29' });
	});
});
