// End to end: the built app on a demo database, driven by a headless Chromium. Every expected
// figure is computed here with getOverview on the same file, formatted with the app's formatters.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney, formatMonth, formatNumber, formatPeriod } from '../../src/lib/format';
import type { Lang } from '../../src/lib/i18n/lang';
import { Database } from '../../src/lib/server/db/database';
import { buildDemoDatabase } from '../../src/lib/server/demo';
import { getOverview, type Overview } from '../../src/lib/server/metrics/overview';
import { launchBrowser } from '../helpers/chromium';
import { startServer, type RunningServer } from '../helpers/server';

const SHOTS = fileURLToPath(new URL('../.tmp/', import.meta.url));
const CHART = '[data-testid="revenue-chart"]';
const BARS = `${CHART} svg g[aria-label="bar"] rect`;
const TIP = `${CHART} svg g[aria-label="tip"]`;
const REVENUE_VALUE = '[data-testid="kpi-revenue"] .kpi__value';

let dir: string;
let server: RunningServer | undefined;
let browser: Browser | undefined;
let overview: Overview;

/** A page that records console errors and uncaught exceptions. */
async function openPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
	});
	page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
	return { page, errors };
}

/** Waits until the chart is drawn at the container's current width. */
async function chartReady(page: Page): Promise<void> {
	await page.waitForFunction((sel) => {
		const box = document.querySelector(sel);
		const svg = box?.querySelector('svg');
		return !!box && !!svg && Number(svg.getAttribute('width')) === box.clientWidth;
	}, CHART);
}

async function hoverLastBar(page: Page): Promise<string> {
	await page.locator(BARS).last().hover();
	const tip = page.locator(TIP);
	await tip.waitFor();
	return (await tip.textContent()) ?? '';
}

function lastMonth() {
	return overview.months[overview.months.length - 1]!;
}

function expectFigures(lang: Lang, text: { revenue: string; tip: string }) {
	expect(text.revenue).toBe(formatMoney(overview.revenue!, lang, overview.currency));
	expect(text.tip).toContain(formatMonth(lastMonth().month, lang));
	expect(text.tip).toContain(formatMoney(lastMonth().revenue, lang, overview.currency));
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cartera-e2e-'));
	const dbPath = join(dir, 'demo.duckdb');
	await buildDemoDatabase(dbPath);
	// Read the expected figures before the server takes the file: DuckDB allows one process per file.
	const db = await Database.open(dbPath);
	try {
		overview = await getOverview(db);
	} finally {
		db.close();
	}
	server = await startServer(dbPath);
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('home page on the demo data', () => {
	it('picks the language from the cookie, then Accept-Language, then Spanish', async () => {
		const langOf = async (headers: Record<string, string>) => {
			const response = await fetch(server!.url, { headers });
			expect(response.status).toBe(200);
			return /<html lang="(\w+)"/.exec(await response.text())?.[1];
		};
		expect(await langOf({})).toBe('es');
		expect(await langOf({ 'accept-language': 'en-US,en;q=0.9' })).toBe('en');
		expect(await langOf({ 'accept-language': 'fr-FR,fr;q=0.9,es;q=0.5' })).toBe('es');
		expect(await langOf({ 'accept-language': 'es-BO', cookie: 'lang=en' })).toBe('en');
	});

	it('switches language without JavaScript: ?lang= sets the cookie and redirects to the same path', async () => {
		const response = await fetch(`${server!.url}/?lang=en`, { redirect: 'manual' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/');
		const cookie = response.headers.get('set-cookie') ?? '';
		expect(cookie).toMatch(/^lang=en;/);
		expect(cookie).toMatch(/Path=\//);
		expect(cookie).not.toMatch(/Secure/i);
	});

	it('shows the figures in Spanish, draws the chart, and logs no errors', async () => {
		const context = await browser!.newContext({ locale: 'es-BO', viewport: { width: 1440, height: 900 } });
		const { page, errors } = await openPage(context);
		const response = await page.goto(server!.url);
		expect(response?.status()).toBe(200);
		expect(await page.getAttribute('html', 'lang')).toBe('es');
		await chartReady(page);

		const revenue = (await page.textContent(REVENUE_VALUE)) ?? '';
		expect(revenue).toMatch(/^\d{1,3}(\.\d{3})+,\d{2}\u00a0Bs\.$/);
		const period = overview.period!;
		expect(await page.textContent('[data-testid="kpi-revenue"] .kpi__sublabel')).toBe(formatPeriod(period.from, period.to, 'es'));
		for (const status of ['active', 'potential', 'inactive'] as const) {
			expect(await page.textContent(`[data-testid="kpi-${status}"] .kpi__value`)).toBe(formatNumber(overview.clients[status], 'es'));
		}
		expect(await page.textContent('[data-testid="kpi-active"]')).toContain('Compraron en los últimos 365 días');

		const bars = await page.locator(BARS).count();
		expect(bars).toBeGreaterThanOrEqual(30);
		expect(bars).toBe(overview.months.length);
		expect(await page.getAttribute(`${CHART} svg`, 'aria-label')).toContain('Gráfico de barras');

		expectFigures('es', { revenue, tip: await hoverLastBar(page) });
		expect(errors).toEqual([]);
		await context.close();
	});

	it('switches to English on click and remembers it on reload', async () => {
		const context = await browser!.newContext({ locale: 'es-BO', viewport: { width: 1440, height: 900 } });
		const { page, errors } = await openPage(context);
		await page.goto(server!.url);
		await page.click('.lang-switch a[hreflang="en"]');
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		await chartReady(page);
		expect(await page.textContent('.sections a[aria-current="page"]')).toBe('Overview');
		expect(await page.textContent('h1')).toBe('Portfolio overview');
		expect(new URL(page.url()).search).toBe('');

		const revenue = (await page.textContent(REVENUE_VALUE)) ?? '';
		expect(revenue).toMatch(/^Bs\.\u00a0\d{1,3}(,\d{3})+\.\d{2}$/);
		expectFigures('en', { revenue, tip: await hoverLastBar(page) });
		expect((await context.cookies()).find((c) => c.name === 'lang')?.value).toBe('en');

		await page.reload();
		await chartReady(page);
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		expect(await page.textContent('[data-testid="kpi-active"] .kpi__label')).toBe('Active clients');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('fits 1440 and 390 px wide screens in both languages (screenshots in tests/.tmp/)', async () => {
		mkdirSync(SHOTS, { recursive: true });
		for (const lang of ['es', 'en'] as const) {
			for (const viewport of [
				{ width: 1440, height: 900 },
				{ width: 390, height: 844 }
			]) {
				const context = await browser!.newContext({ viewport, deviceScaleFactor: 1 });
				const { page, errors } = await openPage(context);
				await page.goto(`${server!.url}/?lang=${lang}`);
				await chartReady(page);
				// Nothing may stick out sideways.
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
				await page.screenshot({ path: join(SHOTS, `home-${lang}-${viewport.width}.png`), fullPage: true });
				expect(errors).toEqual([]);
				await context.close();
			}
		}
	});
});

describe('home page without invoices', () => {
	let empty: RunningServer | undefined;
	beforeAll(async () => {
		const path = join(dir, 'empty.duckdb');
		(await Database.open(path)).close(); // a migrated, empty database
		empty = await startServer(path);
	});
	afterAll(async () => {
		await empty?.stop();
	});

	it('explains in each language that no invoices are loaded and how to load them', async () => {
		const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
		const { page, errors } = await openPage(context);
		for (const [lang, title, command] of [
			['es', 'Todavía no hay facturas cargadas', 'npm run ingest -- archivo.csv'],
			['en', 'No invoices loaded yet', 'npm run ingest -- file.csv']
		] as const) {
			await page.goto(`${empty!.url}/?lang=${lang}`);
			const state = page.locator('[data-testid="empty-state"]');
			expect(await state.locator('h2').textContent()).toBe(title);
			expect(await state.textContent()).toContain(command);
			expect(await state.textContent()).toContain('npm run demo');
			expect(await page.locator(CHART).count()).toBe(0);
			await page.screenshot({ path: join(SHOTS, `home-empty-${lang}-390.png`), fullPage: true });
		}
		expect(errors).toEqual([]);
		await context.close();
	});
});
