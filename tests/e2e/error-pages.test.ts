// End to end (issue 17): an error page keeps the app's header and navigation and speaks the page's
// language in business words: a bad period in the address (400), a page the role may not open (403,
// refused by the hooks), an address with no page (404) and a failure on the server (500). The
// technical message never shows. The API keeps answering errors as JSON.
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/lib/i18n/lang';
import { createToken } from '../../src/lib/server/auth/tokens';
import { createUser } from '../../src/lib/server/auth/users';
import { openPage, useDemoApp } from '../helpers/demo-app';
import { TEST_ADMIN } from '../helpers/server';

let viewerToken: string;

const app = useDemoApp({
	prepare: async (db) => {
		// The admin first: startServer adds it only to a file with no account.
		await createUser(db, TEST_ADMIN.name, TEST_ADMIN.password, 'admin');
		await createUser(db, 'directora', 'clave de la directora', 'viewer');
		viewerToken = (await createToken(db, 'lectura', 'viewer', 'directora')).token;
		// A client page reads the opportunities; without their table it fails on the server (a 500).
		await db.run('DROP TABLE opportunities');
	}
});

const WORDS = {
	es: { nav: 'Secciones', bad: 'La dirección no es válida', period: 'período', forbidden: 'Tu rol (Lectura) no permite', notFound: 'Página no encontrada', failed: 'No se pudo mostrar la página' },
	en: { nav: 'Sections', bad: 'This address is not valid', period: 'period', forbidden: 'Your role (Viewer) may not', notFound: 'Page not found', failed: 'The page could not be shown' }
} as const;

/** Opens `path` in `lang` as the admin (or the viewer) and returns the status, the page's text and whether the navigation is there. */
async function open(path: string, lang: Lang, as: 'admin' | 'viewer' = 'admin') {
	const headers = as === 'admin' ? app.server.auth : { authorization: `Bearer ${viewerToken}` };
	const { page, errors, response, close } = await openPage(app, path, { lang, headers });
	const result = {
		status: response?.status(),
		lang: await page.getAttribute('html', 'lang'),
		text: await page.innerText('main'),
		nav: await page.getByRole('navigation', { name: WORDS[lang].nav }).count(),
		links: await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')),
		// Uncaught errors only: the console logs the document's own error status.
		problems: errors.filter((e) => e.startsWith('page: '))
	};
	await close();
	return result;
}

describe.each(['es', 'en'] as const)('error pages in %s', (lang) => {
	const w = WORDS[lang];

	it('a bad period in the address is a 400 that says so, inside the app', async () => {
		const r = await open('/segmentos?from=2025-13&to=2025-06', lang);
		expect(r.status).toBe(400);
		expect(r.lang).toBe(lang);
		expect(r.nav).toBe(1);
		expect(r.text).toContain(w.bad);
		expect(r.text).toContain(w.period);
		expect(r.text).not.toMatch(/YYYY|AAAA|"from"/);
		// The ways out leave the refused period behind (the language switch reloads this very page).
		expect(r.links.filter((h) => h.includes('2025-13') && !h.includes('lang='))).toEqual([]);
		expect(r.problems).toEqual([]);
	});

	it('a page the role may not open is a 403 naming the role, with the navigation', async () => {
		const r = await open('/usuarios', lang, 'viewer');
		expect(r.status).toBe(403);
		expect(r.lang).toBe(lang);
		expect(r.nav).toBe(1);
		expect(r.text).toContain(w.forbidden);
		expect(r.text).not.toContain('it needs admin');
		expect(r.problems).toEqual([]);
	});

	it('an address with no page is a 404 inside the app', async () => {
		const r = await open('/no-existe', lang);
		expect(r.status).toBe(404);
		expect(r.nav).toBe(1);
		expect(r.text).toContain(w.notFound);
		expect(r.text).not.toContain('Not Found');
	});

	it('a failure on the server is a 500 in business words, without the technical message', async () => {
		const r = await open('/clientes/CL-00002', lang);
		expect(r.status).toBe(500);
		expect(r.nav).toBe(1);
		expect(r.text).toContain(w.failed);
		expect(r.text).not.toMatch(/opportunities|Catalog|Error:/);
	});
});

describe('the API keeps JSON errors', () => {
	it('a bad period and a refused role answer JSON', async () => {
		const bad = await app.server.fetch(`${app.server.url}/api/metrics/kpis?from=2025-13`);
		expect(bad.status).toBe(400);
		expect(bad.headers.get('content-type')).toContain('application/json');
		const refused = await fetch(`${app.server.url}/api/backup`, { headers: { authorization: `Bearer ${viewerToken}` } });
		expect(refused.status).toBe(403);
		expect(refused.headers.get('content-type')).toContain('application/json');
	});
});
