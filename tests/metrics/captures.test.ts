// New captures vs the existing portfolio (queries/new_captures.sql) on a hand-built month; every
// expected value is worked out in the comments from the lines below. P = 2025-04, so the comparison
// period P0 = 2025-03 (the month just before).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { captures } from '../../src/lib/server/metrics/captures';
import { retention } from '../../src/lib/server/metrics/retention';
import { DEFAULT_SETTINGS } from '../../src/lib/server/metrics/settings';
import { loadCsv, metricParams } from '../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	const invoices = [
		'Nº factura;Fecha;Código cliente;Código producto;Importe;Tipo documento',
		// Before P0: R bought in 2024.
		'F01;10/11/2024;R;P1;80,00;Factura',
		// P0 = 2025-03
		'F02;05/03/2025;E;P1;100,00;Factura',
		'F03;06/03/2025;H;P1;90,00;Factura',
		'NC1;07/03/2025;N2;P1;15,00;Nota de crédito', // N2: a credit note only, no purchase before P
		// P = 2025-04
		'F04;02/04/2025;N;P1;100,25;Factura', // N: first purchase ever
		'F05;03/04/2025;N2;P1;40,00;Factura', // N2: first purchase ever (r0 = −15)
		'F06;04/04/2025;R;P1;60,10;Factura', // R: back after 2024
		'F07;05/04/2025;E;P1;130,00;Factura', // E: bought in P0 too
		'NC2;06/04/2025;H;P1;5,00;Nota de crédito' // H: lost, a credit note in P (−5)
	];
	await loadCsv(db, folder, { 'f.csv': invoices });
});
afterAll(async () => {
	await db.close(); // waits for the loads' alerts, still running on the file about to be removed
	folder.remove();
});

describe('new captures vs the existing portfolio', () => {
	// r per client in P: N 100,25 (new), N2 40 (new: r > 0 ≥ r0 = −15, never bought before),
	// R 60,10 (reactivated), E 130 (expansion: existing), H −5 (churned: existing).
	// R = 100,25 + 40 + 60,10 + 130 − 5 = 325,35.
	// new = 100,25 + 40 = 140,25 (r, not the bridge's r − r0 = 155,25); reactivated = 60,10;
	// existing = 325,35 − 140,25 − 60,10 = 125,00 (E 130 − H 5).
	// Clients: new 2, reactivated 1, existing who bought in P: E only (H bought nothing) = 1.
	it('splits the month’s revenue into new clients’, reactivated clients’ and the rest’s, to the cent', async () => {
		const doc = await captures(db, metricParams('2025-04', '2025-04', '2025-04-30'), DEFAULT_SETTINGS);
		expect(doc).toEqual({
			previous: { from: '2025-03', to: '2025-03' },
			revenue: 325.35,
			new_revenue: 140.25,
			reactivated_revenue: 60.1,
			existing_revenue: 125,
			new_clients: 2,
			reactivated_clients: 1,
			existing_clients: 1
		});
	});

	it('counts the clients as retention does, and differs from the bridge’s step only by what new clients had in P0', async () => {
		const p = metricParams('2025-04', '2025-04', '2025-04-30');
		const [doc, ret] = [await captures(db, p, DEFAULT_SETTINGS), await retention(db, p, DEFAULT_SETTINGS)];
		expect([doc.new_clients, doc.reactivated_clients]).toEqual([ret.clients.new, ret.clients.reactivated]);
		expect(doc.revenue).toBe(ret.revenue);
		// The bridge's new step is Σ (r − r0) = 140,25 + 15 = 155,25.
		expect(ret.bridge.new).toBe(155.25);
	});
});
