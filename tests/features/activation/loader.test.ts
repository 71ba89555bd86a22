// The Activación loader compares the bridge, the movements and the tiles with one set of months:
// the filter bar's comparison (the URL's `compare`), never a comparison of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/server/db/database';
import { activationPage } from '../../../src/lib/features/activation/loader.server';
import { dashboardContext } from '../../../src/lib/server/pages/context';
import { loadCsv } from '../../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../../helpers/temp-db';

const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	await loadCsv(db, folder, {
		'f.csv': [
			'Nº factura;Fecha;Código cliente;Código producto;Importe;Tipo documento',
			'F1;10/05/2025;A;P1;100,00;Factura', // A: 100 in May 2025
			'F2;10/02/2026;B;P1;70,00;Factura', // B: 70 in Feb 2026
			'F3;10/05/2026;A;P1;150,00;Factura' // A: 150 in May 2026
		]
	});
});
afterAll(() => {
	db.close();
	folder.remove();
});

const page = async (query: string) => {
	const c = await dashboardContext(db, new URL(`http://localhost/activacion?${query}`), new Date('2026-12-01T00:00:00Z'));
	return { c, figures: await activationPage(db, c.params, c.settings) };
};

describe('activationPage', () => {
	it('with compare=year the bridge starts at the same months a year before, as the tiles do', async () => {
		const { c, figures } = await page('from=2026-04&to=2026-06&compare=year');
		expect(c.comparison).toEqual({ from: '2025-04', to: '2025-06' });
		expect(figures.retention.previous).toEqual(c.comparison);
		// A: 100 (May 2025) → 150 (May 2026), expansion +50; B's February line is in neither period.
		expect([figures.retention.revenue_previous, figures.retention.revenue]).toEqual([100, 150]);
		expect(figures.retention.bridge.expansion).toBe(50);
		expect(figures.retention.clients).toMatchObject({ expanded: 1, stable: 0, churned: 0 });
	});

	it('by default the bridge starts at the months just before the period', async () => {
		const { c, figures } = await page('from=2026-04&to=2026-06');
		expect(c.comparison).toEqual({ from: '2026-01', to: '2026-03' });
		expect(figures.retention.previous).toEqual(c.comparison);
		// B 70 (Feb 2026) → 0 churned −70; A 0 → 150 reactivated (bought in May 2025). 70 − 70 + 150 = 150.
		expect([figures.retention.revenue_previous, figures.retention.revenue]).toEqual([70, 150]);
		expect(figures.retention.bridge).toMatchObject({ churned: -70, reactivated: 150 });
	});
});
