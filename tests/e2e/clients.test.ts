// End to end: the Clientes pages on the built app and the demo database, in a headless Chromium.
// Expected rows come from listClients / clientDetail on the same file, formatted with the app's
// formatters. Screenshots in tests/e2e/screenshots/ (git-ignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/lib/format';
import type { Lang } from '../../src/lib/i18n/lang';
import { dashboardContext } from '../../src/lib/server/pages/context';
import { listClients, type ClientList } from '../../src/lib/features/clients/loader.server';
import { hydrated } from '../helpers/chromium';
import { useDemoApp } from '../helpers/demo-app';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });
const ROWS = '[data-testid="client-table"] tbody tr';
const CHART = '[data-testid="client-chart"]';

let expected: { first: ClientList; second: ClientList; ascending: ClientList; search: ClientList; currency: string };

async function openPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
	});
	page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
	return { page, errors };
}

async function newContext(lang: Lang) {
	const context = await app.browser.newContext({ extraHTTPHeaders: app.server.auth, viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
	await context.addCookies([{ name: 'lang', value: lang, url: app.server.url }]);
	return context;
}

const codes = (page: Page) => page.locator(`${ROWS} td[data-column="client_id"]`).allTextContents();

const app = useDemoApp({
	prepare: async (db) => {
		const c = await dashboardContext(db, new URL('http://x/clientes'));
		const run = (o: Parameters<typeof listClients>[4]) => listClients(db, c.params, c.settings, c.comparison, o);
		expected = {
			first: await run({}),
			second: await run({ page: 2 }),
			ascending: await run({ sort: 'revenue', dir: 'asc' }),
			search: await run({ q: 'cuellar' }),
			currency: c.settings.currency
		};
	}
});

describe('Clientes on the demo data', () => {
	it('lists the first 50 clients by revenue in Spanish and English, with no console errors', async () => {
		expect(expected.first.total).toBeGreaterThan(100);
		for (const [lang, heading] of [
			['es', 'Clientes'],
			['en', 'Clients']
		] as const) {
			const context = await newContext(lang);
			const { page, errors } = await openPage(context);
			const response = await page.goto(`${app.server.url}/clientes`);
			expect(response?.status()).toBe(200);
			expect(await page.textContent('h1')).toBe(heading);
			expect(await page.locator(ROWS).count()).toBe(50);
			expect(await codes(page)).toEqual(expected.first.rows.map((r) => r.client_id));
			const revenue = await page.locator(`${ROWS} td[data-column="revenue"]`).first().textContent();
			expect(revenue?.trim()).toBe(formatMoney(expected.first.rows[0]!.revenue, lang, expected.currency));
			expect(await page.getAttribute('th[data-column="revenue"]', 'aria-sort')).toBe('descending');
			await page.screenshot({ path: join(SHOTS, `clientes-${lang}.png`), fullPage: false });
			expect(errors).toEqual([]);
			await context.close();
		}
	});

	it('searches on the server, puts the search in the URL, and a reload restores it', async () => {
		const context = await newContext('es');
		const { page, errors } = await openPage(context);
		await page.goto(`${app.server.url}/clientes`);
		await hydrated(page);
		await page.fill('[data-testid="client-search"]', 'cuellar');
		await page.press('[data-testid="client-search"]', 'Enter');
		await page.waitForURL(/[?&]q=cuellar/);
		await page.waitForFunction((n) => document.querySelectorAll('[data-testid="client-table"] tbody tr').length === n, expected.search.rows.length);
		const wanted = expected.search.rows.map((r) => r.client_id);
		expect(wanted.length).toBeGreaterThan(0);
		expect(wanted.length).toBeLessThan(50);
		expect(await codes(page)).toEqual(wanted);
		// Every name found carries "Cuéllar" (accents and case ignored).
		for (const name of await page.locator(`${ROWS} td[data-column="name"]`).allTextContents())
			expect(name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()).toContain('cuellar');
		await page.reload();
		expect(await page.inputValue('[data-testid="client-search"]')).toBe('cuellar');
		expect(await codes(page)).toEqual(wanted);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('sorts by revenue through the header and moves between pages', async () => {
		const context = await newContext('en');
		const { page, errors } = await openPage(context);
		await page.goto(`${app.server.url}/clientes`);
		// The revenue header is the sort in force (descending): following it sorts ascending.
		await page.click('th[data-column="revenue"] a');
		await page.waitForURL(/sort=revenue&dir=asc/);
		await page.waitForFunction(() => document.querySelector('th[data-column="revenue"]')?.getAttribute('aria-sort') === 'ascending');
		expect(await codes(page)).toEqual(expected.ascending.rows.map((r) => r.client_id));
		// And back to descending, with the keyboard.
		await page.focus('th[data-column="revenue"] a');
		await page.keyboard.press('Enter');
		await page.waitForURL(/sort=revenue&dir=desc/);
		await page.waitForFunction(() => document.querySelector('th[data-column="revenue"]')?.getAttribute('aria-sort') === 'descending');
		expect(await codes(page)).toEqual(expected.first.rows.map((r) => r.client_id));

		await page.click('[data-testid="pager"] a[rel="next"]');
		await page.waitForURL(/[?&]page=2/);
		await page.waitForFunction((code) => document.querySelector('[data-testid="client-table"] tbody td[data-column="client_id"]')?.textContent === code, expected.second.rows[0]!.client_id);
		expect(await codes(page)).toEqual(expected.second.rows.map((r) => r.client_id));
		expect(await page.textContent('[data-testid="pager"] [aria-current="page"]')).toBe('2');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('opens a client from its row: the same period revenue, a drawn chart with tooltips', async () => {
		for (const lang of ['es', 'en'] as const) {
			const context = await newContext(lang);
			const { page, errors } = await openPage(context);
			await page.goto(`${app.server.url}/clientes?page=2`);
			const row = page.locator(ROWS).nth(3);
			const listRevenue = (await row.locator('td[data-column="revenue"]').textContent())?.trim();
			const code = (await row.locator('td[data-column="client_id"]').textContent())?.trim();
			expect(code).toBe(expected.second.rows[3]!.client_id);
			await row.locator('td[data-column="name"] a').click();
			await page.waitForURL(new RegExp(`/clientes/${encodeURIComponent(code!)}`));
			expect((await page.textContent('[data-testid="client-revenue"]'))?.trim()).toBe(listRevenue);
			expect(listRevenue).toBe(formatMoney(expected.second.rows[3]!.revenue, lang, expected.currency));
			// 12 months before the period and the period's 12.
			await page.waitForFunction((sel) => {
				const box = document.querySelector(sel);
				const svg = box?.querySelector('svg');
				return !!box && !!svg && Number(svg.getAttribute('width')) === box.clientWidth;
			}, CHART);
			expect(await page.locator(`${CHART} svg g[aria-label="bar"] rect`).count()).toBe(24);
			await page.locator(`${CHART} svg g[aria-label="bar"] rect`).last().hover();
			const tip = page.locator(`${CHART} svg g[aria-label="tip"]`);
			await tip.waitFor();
			expect(await tip.textContent()).toMatch(lang === 'es' ? /Bs\./ : /Bs\./);
			await page.mouse.move(0, 0);
			await page.screenshot({ path: join(SHOTS, `cliente-${lang}.png`), fullPage: true });
			expect(errors).toEqual([]);
			await context.close();
		}
	});

	it('answers an unknown client with a 404 page that says so, and exports every row as CSV', async () => {
		const missing = await app.server.fetch(`${app.server.url}/clientes/${encodeURIComponent('NO-SUCH/CLIENT')}`, { headers: { cookie: 'lang=es' } });
		expect(missing.status).toBe(404);
		expect(await missing.text()).toContain('Cliente no encontrado');

		const csv = await app.server.fetch(`${app.server.url}/clientes/export.csv?sort=revenue&dir=desc`, { headers: { cookie: 'lang=es' } });
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
		const lines = (await csv.text()).replace(/^\ufeff/, '').trimEnd().split('\r\n');
		expect(lines.length).toBe(expected.first.total + 1);
		expect(lines[0]!.split(';')[0]).toBe('Código');
		const top = expected.first.rows[0]!;
		expect(lines[1]!.split(';').slice(0, 1)).toEqual([top.client_id]);
		expect(lines[1]).toContain(`;${String(top.revenue).replace('.', ',')};`);
	});
});
