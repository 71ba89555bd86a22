// End to end: the overview (Resumen) of the built app on a demo database, driven by a headless
// Chromium. Every figure the page shows is checked against the `kpis` and `segmentation` API
// documents for the same period and filters (the page's URL query is the API query), formatted
// with the app's formatters; filters set through the filter bar change the figures and the URL,
// and the URL restores them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney, formatMonth, formatNumber, formatPercent, formatPercentChange } from '../../src/lib/format';
import type { Lang } from '../../src/lib/i18n/lang';
import { createToken } from '../../src/lib/server/auth/tokens';
import type { KpisDocument } from '../../src/lib/server/metrics/kpis';
import { Database } from '../../src/lib/server/db/database';
import { useDemoApp } from '../helpers/demo-app';
import { startServer, type RunningServer } from '../helpers/server';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });
const CHART = '[data-testid="revenue-chart"]';
const BARS = `${CHART} svg g[aria-label="bar"] rect`;
const TIP = `${CHART} svg g[aria-label="tip"]`;


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

/** Waits until the revenue chart is drawn at the container's current width. */
async function chartReady(page: Page): Promise<void> {
	await page.waitForFunction((sel) => {
		const box = document.querySelector(sel);
		const svg = box?.querySelector('svg');
		return !!box && !!svg && Number(svg.getAttribute('width')) === box.clientWidth;
	}, CHART);
}

async function api<T>(name: string, search: string): Promise<T> {
	const response = await app.server.fetch(`${app.server.url}/api/metrics/${name}${search}`);
	expect(response.status).toBe(200);
	return (await response.json()) as T;
}

const value = (page: Page, id: string) => page.textContent(`[data-testid="kpi-${id}"] .kpi__value`);

/** The page's KPI values equal the API documents for the page's own query string. */
async function expectApiFigures(page: Page, lang: Lang): Promise<void> {
	const search = new URL(page.url()).search;
	const k = await api<KpisDocument>('kpis', search);
	const s = await api<{ total_revenue: number }>('segmentation', search);
	const a = await api<{ active: number }>('activation', search);
	const kpi = (id: string) => k.kpis.find((x) => x.id === id)!;
	const filtered = [...new URLSearchParams(search).keys()].some((key) => !['from', 'to', 'as_of', 'compare', 'lang'].includes(key));
	expect(await value(page, 'revenue')).toBe(formatMoney(s.total_revenue, lang, 'Bs.'));
	expect(await value(page, 'active')).toBe(formatNumber(a.active, lang));
	expect(await value(page, 'growth')).toBe(formatPercentChange(kpi('growth').value!, lang));
	for (const id of ['activation_rate', 'top10_share', 'forecast_accuracy', 'quote_hit_rate']) {
		const v = kpi(id).value;
		expect(await value(page, id), id).toBe(v === null ? '–' : formatPercent(v, lang));
		// Under filters, a KPI judged by the portfolio's thresholds has no badge at all (issue 14).
		if (filtered && kpi(id).threshold_scope === null) {
			expect(kpi(id).status, id).toBeNull();
			expect(await page.locator(`[data-testid="kpi-${id}"] .status`).count(), id).toBe(0);
			continue;
		}
		const status = kpi(id).status ?? 'none';
		expect(await page.getAttribute(`[data-testid="kpi-${id}"] .status`, 'data-status'), id).toBe(status);
	}
}

const app = useDemoApp();

describe('overview on the demo data', () => {
	it('picks the language from the cookie, then Accept-Language, then Spanish', async () => {
		const langOf = async (headers: Record<string, string>) => {
			const response = await app.server.fetch(app.server.url, { headers });
			expect(response.status).toBe(200);
			return /<html lang="(\w+)"/.exec(await response.text())?.[1];
		};
		expect(await langOf({})).toBe('es');
		expect(await langOf({ 'accept-language': 'en-US,en;q=0.9' })).toBe('en');
		expect(await langOf({ 'accept-language': 'fr-FR,fr;q=0.9,es;q=0.5' })).toBe('es');
		expect(await langOf({ 'accept-language': 'es-BO', cookie: 'lang=en' })).toBe('en');
	});

	it('switches language without JavaScript: ?lang= sets the cookie and redirects to the same path', async () => {
		const response = await app.server.fetch(`${app.server.url}/?lang=en&region=Oruro`, { redirect: 'manual' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/?region=Oruro');
		const cookie = response.headers.get('set-cookie') ?? '';
		expect(cookie).toMatch(/^lang=en;/);
		expect(cookie).not.toMatch(/Secure/i);
	});

	it('shows the kpis document’s figures with their statuses, the chart and its tooltips, without errors', async () => {
		const context = await app.browser.newContext({ extraHTTPHeaders: app.server.auth, locale: 'es-BO', viewport: { width: 1280, height: 720 } });
		const { page, errors } = await openPage(context);
		expect((await page.goto(app.server.url))?.status()).toBe(200);
		await chartReady(page);
		await expectApiFigures(page, 'es');
		// Money as Spanish writes it; each status as a word (never colour alone).
		expect(await value(page, 'revenue')).toMatch(/^\d{1,3}(\.\d{3})+,\d{2}\u00a0Bs\.$/);
		expect(await page.locator('[data-testid="kpi-activation_rate"] .status').textContent()).toMatch(/Aprobado|Aceptable|Observado|Rechazado|Sin evaluar/);
		// The comparison arrives streamed after the page: each change then names its period.
		await page.waitForFunction(() => document.querySelector('[data-testid="kpi-revenue"] .change')?.textContent?.includes('frente a nov 2024 – oct 2025'));
		expect(await page.textContent('[data-testid="kpi-top10_share"] .change')).toMatch(/[+-]?\d+,\d\u00a0pp frente a/);

		// Bars: the period's months and up to 12 before; the last one's tooltip names month and amount.
		const growth = await api<{ months: { month: string; revenue: number }[] }>('growth', '');
		const bars = await page.locator(BARS).count();
		expect(bars).toBeGreaterThan(growth.months.length);
		await page.locator(BARS).last().hover();
		await page.locator(TIP).waitFor();
		const tip = (await page.locator(TIP).textContent()) ?? '';
		const last = growth.months.at(-1)!;
		expect(tip).toContain(formatMonth(last.month, 'es'));
		expect(tip).toContain(formatMoney(last.revenue, 'es', 'Bs.'));
		await page.screenshot({ path: join(SHOTS, 'resumen-es.png'), fullPage: true });
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a filter set in the filter bar changes the figures and the URL; the URL restores them; back returns', async () => {
		const context = await app.browser.newContext({ extraHTTPHeaders: app.server.auth, locale: 'es-BO', viewport: { width: 1280, height: 720 } });
		const { page, errors } = await openPage(context);
		await page.goto(app.server.url);
		await chartReady(page);
		const before = await value(page, 'revenue');

		await page.selectOption('select[name="region"]', 'Oruro');
		await page.waitForURL(/region=Oruro/);
		// The default period stays implicit in the URL.
		expect(new URL(page.url()).search).toBe('?region=Oruro');
		await page.waitForFunction((b) => document.querySelector('[data-testid="kpi-revenue"] .kpi__value')?.textContent !== b, before);
		expect(await page.textContent('[data-testid="filter-chips"]')).toContain('Región: Oruro');
		await expectApiFigures(page, 'es');
		const filtered = await value(page, 'revenue');

		await page.reload();
		await chartReady(page);
		expect(await page.inputValue('select[name="region"]')).toBe('Oruro');
		expect(await value(page, 'revenue')).toBe(filtered);

		// A preset sets the period and keeps the filter.
		await page.click('.preset >> nth=1');
		await page.waitForURL(/from=\d{4}-01/);
		expect(new URL(page.url()).searchParams.get('region')).toBe('Oruro');
		await expectApiFigures(page, 'es');

		// Back and forward are client-side navigations: no load event, so watch the location.
		await page.goBack();
		await page.waitForFunction(() => !location.search.includes('from=') && location.search.includes('region=Oruro'));
		await page.goBack();
		await page.waitForFunction(() => location.search === '');
		await page.waitForFunction((b) => document.querySelector('[data-testid="kpi-revenue"] .kpi__value')?.textContent === b, before);

		// Removing the chip removes the filter.
		await page.goto(`${app.server.url}/?region=Oruro&client_type=Gobierno`);
		await page.click('[data-testid="filter-chips"] a[aria-label*="Oruro"]');
		await page.waitForURL((url) => !url.searchParams.has('region') && url.searchParams.get('client_type') === 'Gobierno');
		await expectApiFigures(page, 'es');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('switches to English on click, formats for it and remembers it on reload', async () => {
		const context = await app.browser.newContext({ extraHTTPHeaders: app.server.auth, locale: 'es-BO', viewport: { width: 1280, height: 720 } });
		const { page, errors } = await openPage(context);
		await page.goto(`${app.server.url}/?region=Oruro`);
		await page.click('.lang-switch a[hreflang="en"]');
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		await chartReady(page);
		expect(new URL(page.url()).searchParams.get('region')).toBe('Oruro');
		expect(await page.textContent('.sections a[aria-current="page"]')).toBe('Overview');
		expect(await page.textContent('h1')).toBe('Portfolio overview');
		expect(await value(page, 'revenue')).toMatch(/^Bs\.\u00a0\d{1,3}(,\d{3})+\.\d{2}$/);
		await expectApiFigures(page, 'en');
		await page.reload();
		await chartReady(page);
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		await page.goto(app.server.url);
		await chartReady(page);
		await page.screenshot({ path: join(SHOTS, 'resumen-en.png'), fullPage: true });
		expect(errors).toEqual([]);
		await context.close();
	});

	it('fits a 1280×720 laptop and a 390 px phone without sideways scrolling', async () => {
		for (const viewport of [
			{ width: 1280, height: 720 },
			{ width: 390, height: 844 }
		]) {
			const context = await app.browser.newContext({ extraHTTPHeaders: app.server.auth, viewport });
			const { page, errors } = await openPage(context);
			await page.goto(app.server.url);
			await chartReady(page);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
			expect(errors).toEqual([]);
			await context.close();
		}
	});

	it('a bad parameter in the URL gets a 400 page naming it', async () => {
		const response = await app.server.fetch(`${app.server.url}/?from=2025-13`);
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('from');
	});
});

describe('overview without invoices', () => {
	let empty: RunningServer | undefined;
	let viewerToken = '';
	beforeAll(async () => {
		const path = join(app.dir, 'empty.duckdb');
		const db = await Database.open(path); // a migrated, empty database
		viewerToken = (await createToken(db, 'lectura', 'viewer', null)).token;
		db.close();
		empty = await startServer(path);
	});
	afterAll(async () => {
		await empty?.stop();
	});

	it('explains in each language that no invoices are loaded and how to load them', async () => {
		const context = await app.browser.newContext({ extraHTTPHeaders: empty!.auth, locale: 'es-BO', viewport: { width: 1280, height: 720 } });
		const { page, errors } = await openPage(context);
		for (const [lang, title, link] of [
			['es', 'Todavía no hay facturas cargadas', 'Cargar datos'],
			['en', 'No invoices loaded yet', 'Load data']
		] as const) {
			await page.goto(`${empty!.url}/?lang=${lang}`);
			const state = page.locator('[data-testid="empty-state"]');
			expect(await state.locator('h2').textContent()).toBe(title);
			// Business words and a way to load data, never a command to run.
			const load = state.locator('[data-testid="empty-load-link"]');
			expect(await load.textContent()).toBe(link);
			expect(await load.getAttribute('href')).toBe('/cargar');
			expect(await state.textContent()).not.toContain('npm');
			expect(await page.locator(CHART).count()).toBe(0);
		}
		expect(errors).toEqual([]);
		await context.close();
		// A viewer cannot load: told who can, with no link to a page that would refuse them.
		const viewer = await app.browser.newContext({ extraHTTPHeaders: { authorization: `Bearer ${viewerToken}` }, locale: 'es-BO' });
		const seen = await viewer.newPage();
		await seen.goto(`${empty!.url}/?lang=es`);
		const state = seen.locator('[data-testid="empty-state"]');
		expect(await state.locator('[data-testid="empty-load-link"]').count()).toBe(0);
		expect(await state.textContent()).toContain('Un analista o la administración puede cargar');
		await viewer.close();
	});
});
