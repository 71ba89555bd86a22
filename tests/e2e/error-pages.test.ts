// End to end (issue 17): an error page keeps the app's header and navigation and speaks the page's
// language in business words: a bad period in the address (400), a page the role may not open (403,
// refused by the hooks), an address with no page (404) and a failure on the server (500). The
// technical message never shows. The API keeps answering errors as JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/lib/i18n/lang';
import { createToken } from '../../src/lib/server/auth/tokens';
import { createUser } from '../../src/lib/server/auth/users';
import { Database } from '../../src/lib/server/db/database';
import { hydrated, launchBrowser } from '../helpers/chromium';
import { copyDemoDatabase } from '../helpers/demo-database';
import { startServer, TEST_ADMIN, type RunningServer } from '../helpers/server';

let dir: string;
let server: RunningServer;
let browser: Browser;
let viewerToken: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cartera-e2e-errors-'));
	const path = join(dir, 'demo.duckdb');
	await copyDemoDatabase(path);
	const db = await Database.open(path);
	// The admin first: startServer adds it only to a file with no account.
	await createUser(db, TEST_ADMIN.name, TEST_ADMIN.password, 'admin');
	await createUser(db, 'directora', 'clave de la directora', 'viewer');
	viewerToken = (await createToken(db, 'lectura', 'viewer', 'directora')).token;
	// A client page reads the opportunities; without their table it fails on the server (a 500).
	await db.run('DROP TABLE opportunities');
	db.close();
	server = await startServer(path);
	browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

const WORDS = {
	es: { nav: 'Secciones', bad: 'La dirección no es válida', period: 'período', forbidden: 'Tu rol (Lectura) no permite', notFound: 'Página no encontrada', failed: 'No se pudo mostrar la página' },
	en: { nav: 'Sections', bad: 'This address is not valid', period: 'period', forbidden: 'Your role (Viewer) may not', notFound: 'Page not found', failed: 'The page could not be shown' }
} as const;

/** Opens `path` in `lang` as the admin (or the viewer) and returns the status, the page's text and whether the navigation is there. */
async function open(path: string, lang: Lang, as: 'admin' | 'viewer' = 'admin') {
	const headers = as === 'admin' ? server.auth : { authorization: `Bearer ${viewerToken}` };
	const context = await browser.newContext({ locale: lang === 'es' ? 'es-BO' : 'en-US', extraHTTPHeaders: headers });
	const page = await context.newPage();
	const problems: string[] = [];
	page.on('pageerror', (e) => problems.push(e.message));
	const response = await page.goto(server.url + path);
	await hydrated(page);
	const result = {
		status: response?.status(),
		lang: await page.getAttribute('html', 'lang'),
		text: await page.innerText('main'),
		nav: await page.getByRole('navigation', { name: WORDS[lang].nav }).count(),
		links: await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')),
		problems
	};
	await context.close();
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
		const bad = await server.fetch(`${server.url}/api/metrics/kpis?from=2025-13`);
		expect(bad.status).toBe(400);
		expect(bad.headers.get('content-type')).toContain('application/json');
		const refused = await fetch(`${server.url}/api/backup`, { headers: { authorization: `Bearer ${viewerToken}` } });
		expect(refused.status).toBe(403);
		expect(refused.headers.get('content-type')).toContain('application/json');
	});
});
