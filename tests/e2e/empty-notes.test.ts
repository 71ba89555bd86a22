// End to end (issue 17): a panel with no data says what is missing in business words, never a
// command; an analyst or admin gets a link to Cargar datos, a viewer is told who loads the files.
// The same note (EmptyNote) on pages without CRM data and on a period or filters that leave nothing.
import { describe, expect, it } from 'vitest';
import { createToken } from '../../src/lib/server/auth/tokens';
import { createUser } from '../../src/lib/server/auth/users';
import { openPage, useDemoApp } from '../helpers/demo-app';
import { loadCsv } from '../helpers/metric-fixture';
import { TEST_ADMIN } from '../helpers/server';
import { folderAt } from '../helpers/temp-db';

let viewer: Record<string, string>;

const app = useDemoApp({
	emptyDatabase: true,
	prepare: async (db, dir) => {
		// Invoices only: no opportunities, quotes nor forecast, so Embudo and Pronóstico have nothing to show.
		await loadCsv(db, folderAt(dir), {
			'clientes.csv': ['Código cliente;Razón social;Región', 'A;Alfa;La Paz', 'B;Beta;Oruro'],
			'facturas.csv': ['Nº factura;Fecha;Código cliente;Importe', 'F1;10/01/2025;A;100,00', 'F2;10/02/2025;B;200,00', 'F3;10/03/2025;A;300,00']
		});
		await createUser(db, TEST_ADMIN.name, TEST_ADMIN.password, 'admin');
		await createUser(db, 'directora', 'clave de la directora', 'viewer');
		viewer = { authorization: `Bearer ${(await createToken(db, 'lectura', 'viewer', 'directora')).token}` };
	}
});

async function note(path: string, testid: string, headers: Record<string, string>, lang: 'es' | 'en') {
	const { page, close } = await openPage(app, path, { lang, headers, viewport: { width: 1280, height: 720 } });
	const box = page.locator(`[data-testid="${testid}"]`);
	const result = { text: await box.innerText(), link: await box.locator('a[href="/cargar"]').count() };
	await close();
	return result;
}

describe('empty panels', () => {
	it.each([
		['/embudo', 'empty-pipeline'],
		['/pronostico', 'empty-forecast'],
		// A period before the first invoice (January–March 2024): nothing to rank, nothing to segment.
		['/concentracion?from=2024-01&to=2024-03', 'concentration-empty'],
		['/segmentos?from=2024-01&to=2024-03', 'segments-empty'],
		// No client of the register (La Paz, Oruro) nor of the invoices is in Potosí.
		['/clientes?region=Potos%C3%AD', 'clients-empty']
	])('%s says what is missing; the admin gets a link to load it, the viewer who can', async (path, testid) => {
		for (const lang of ['es', 'en'] as const) {
			const admin = await note(path, testid, app.server.auth, lang);
			expect(admin.text).not.toMatch(/npm|\.csv|--/);
			expect(admin.link).toBe(1);
			const reader = await note(path, testid, viewer, lang);
			expect(reader.link).toBe(0);
			expect(reader.text).toContain(lang === 'es' ? 'un analista o la administración' : 'An analyst or an administrator');
		}
	}, 120_000);
});
