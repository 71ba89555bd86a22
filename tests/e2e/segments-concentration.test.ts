// End to end: Segmentos and Concentración on the built app and a demo database, in a headless
// Chromium. Expected figures come from computeMetric on the same file (read before the server
// takes it), formatted with the app's formatters, and from the HTTP API.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatNumber } from '../../src/lib/format';
import type { Lang } from '../../src/lib/i18n/lang';
import type { ConcentrationDocument, SegmentationDocument } from '../../src/lib/server/metrics/documents';
import { computeMetric } from '../../src/lib/server/metrics/index';
import { loadSettings } from '../../src/lib/server/metrics/settings';
import { newPage, useDemoApp } from '../helpers/demo-app';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });
const SEG_CHART = '[data-testid="segments-chart"]';
const SEG_BARS = `${SEG_CHART} svg g[aria-label="bar"] rect`;
const CHARTS = {
	segmentos: [SEG_CHART, '[data-testid="segments-heatmap"]'],
	concentracion: ['[data-testid="hhi-gauge"]', '[data-testid="pareto-chart"]', '[data-testid="lorenz-chart"]', '[data-testid="top-shares-chart"]', '[data-testid="trend-top10-chart"]', '[data-testid="trend-hhi-chart"]']
};

let currency: string;
let byLine: SegmentationDocument;
let byRegion: SegmentationDocument;
let byClient: ConcentrationDocument;
let byProduct: ConcentrationDocument;
let productSegments: SegmentationDocument;
let names: Record<string, string>;

/** Waits until every chart given is drawn at its container's width. */
async function chartsReady(page: Page, selectors: string[]): Promise<void> {
	await page.waitForFunction(
		(sels) =>
			sels.every((sel) => {
				const box = document.querySelector(sel);
				const svg = box?.querySelector('svg');
				return !!box && !!svg && Number(svg.getAttribute('width')) === box.clientWidth;
			}),
		selectors
	);
}

const percentText = (share: number, lang: Lang) => `${formatNumber(share * 100, lang, 1)}${lang === 'es' ? '\u00a0%' : '%'}`;

// The expected figures are read before the server takes the file: DuckDB allows one process per file.
const app = useDemoApp({
	prepare: async (db) => {
		currency = (await loadSettings(db)).currency;
		byLine = (await computeMetric(db, 'segmentation', { dim: 'product_line' })) as SegmentationDocument;
		byRegion = (await computeMetric(db, 'segmentation', { dim: 'region' })) as SegmentationDocument;
		byClient = (await computeMetric(db, 'concentration', {})) as ConcentrationDocument;
		byProduct = (await computeMetric(db, 'concentration', { by: 'product' })) as ConcentrationDocument;
		productSegments = (await computeMetric(db, 'segmentation', { dim: 'product' })) as SegmentationDocument;
		names = Object.fromEntries(
			(await db.all<{ product_id: string; name: string }>('SELECT product_id, name FROM products WHERE name IS NOT NULL')).map((r) => [r.product_id, r.name])
		);
	}
});
const openPage = (lang: Lang) => newPage(app, { lang, viewport: { width: 1280, height: 720 }, context: { deviceScaleFactor: 1, acceptDownloads: true } });

describe('Segmentos and Concentración on the demo data', () => {
	it('render their charts with no console errors in Spanish and English (screenshots)', async () => {
		for (const lang of ['es', 'en'] as const) {
			const { page, errors, close } = await openPage(lang);
			for (const name of ['segmentos', 'concentracion'] as const) {
				const response = await page.goto(`${app.server.url}/${name}?lang=${lang}`);
				expect(response?.status()).toBe(200);
				expect(await page.getAttribute('html', 'lang')).toBe(lang);
				await chartsReady(page, CHARTS[name]);
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
				await page.screenshot({ path: join(SHOTS, `${name}-${lang}.png`), fullPage: true });
			}
			expect(await page.textContent('h1')).toBe(lang === 'es' ? 'Concentración de la facturación' : 'Revenue concentration');
			expect(errors).toEqual([]);
			await close();
		}
	}, 90_000);

	it('changes the dimension through the picker: the URL and the bars follow', async () => {
		const { page, errors, close } = await openPage('es');
		await page.goto(`${app.server.url}/segmentos`);
		await chartsReady(page, CHARTS.segmentos);
		expect(await page.locator(SEG_BARS).count()).toBe(byLine.segments.length);
		expect(await page.textContent('[data-testid="segments-total"]')).toBe(formatMoney(byLine.total_revenue, 'es', currency));

		await page.selectOption('[data-testid="dim-picker"]', 'region');
		await page.waitForURL((url) => url.searchParams.get('dim') === 'region');
		await page.waitForFunction((n) => document.querySelectorAll('[data-testid="segments-chart"] svg g[aria-label="bar"] rect').length === n, byRegion.segments.length);
		await chartsReady(page, CHARTS.segmentos);
		const labels = await page.locator(`${SEG_CHART} svg g[aria-label="y-axis tick label"] text`).allTextContents();
		expect(labels).toEqual(byRegion.segments.map((s) => s.value ?? '(sin dato)'));
		expect(await page.textContent('h2')).toContain('Facturación por región');
		expect(errors).toEqual([]);
		await close();
	}, 60_000);

	it('cross-filters by the bar clicked: URL, chip, and the figures narrow to that segment', async () => {
		const { page, errors, close } = await openPage('es');
		await page.goto(`${app.server.url}/segmentos?dim=product_line`);
		await chartsReady(page, CHARTS.segmentos);
		const target = byLine.segments[1]!; // the second largest product line
		await page.locator(SEG_BARS).nth(1).hover();
		await page.locator(SEG_BARS).nth(1).click();
		await page.waitForURL((url) => url.searchParams.get('product_line') === target.value);
		await expect.poll(() => page.locator('.chip').allTextContents()).toEqual([expect.stringContaining(target.value!)]);
		await page.waitForFunction((n) => document.querySelectorAll('[data-testid="segments-chart"] svg g[aria-label="bar"] rect').length === n, 1);
		expect(await page.textContent('[data-testid="segments-total"]')).toBe(formatMoney(target.revenue, 'es', currency));
		// The heatmap narrows to that one row.
		await chartsReady(page, CHARTS.segmentos);
		const rows = await page.locator('[data-testid="segments-heatmap"] svg g[aria-label="y-axis tick label"] text').allTextContents();
		expect(rows).toEqual([target.value]);
		expect(errors).toEqual([]);
		await close();
	}, 60_000);

	it('by product, labels products by name and code; the chip of a clicked product too', async () => {
		const { page, errors, close } = await openPage('es');
		await page.goto(`${app.server.url}/segmentos?dim=product`);
		await chartsReady(page, CHARTS.segmentos);
		const first = productSegments.segments[0]!;
		const label = `${names[first.value!]} (${first.value})`;
		expect(names[first.value!]).toBeTruthy();
		// The table gives code and name apart; charts and the chip give "name (code)".
		const cells = page.locator('[data-testid="segments-table"] tbody tr').first().locator('td');
		expect([await cells.nth(0).textContent(), await cells.nth(1).textContent()]).toEqual([first.value, names[first.value!]]);
		expect(await page.locator(`${SEG_CHART} svg g[aria-label="y-axis tick label"] text`).first().textContent()).toBe(label.length <= 30 ? label : `${label.slice(0, 29)}…`);
		await page.locator(SEG_BARS).first().click();
		await page.waitForURL((url) => url.searchParams.get('product') === first.value);
		await expect.poll(() => page.locator('.chip').allTextContents()).toEqual([expect.stringContaining(`Producto: ${label}`)]);
		expect(errors).toEqual([]);
		await close();
	}, 60_000);

	it('downloads the segments table as CSV with the revenue of the API document', async () => {
		const api = (await (await app.server.fetch(`${app.server.url}/api/metrics/segmentation?dim=region`)).json()) as SegmentationDocument;
		expect(api.segments).toEqual(byRegion.segments);
		for (const lang of ['es', 'en'] as const) {
			const { page, errors, close } = await openPage(lang);
			await page.goto(`${app.server.url}/segmentos?dim=region&lang=${lang}`);
			await chartsReady(page, CHARTS.segmentos);
			const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="segments-table"] .data-table__tools button')]);
			const text = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
			const separator = lang === 'es' ? ';' : ',';
			const [header, ...rows] = text.trim().split('\r\n').map((line) => line.split(separator));
			expect(header![1]).toBe(lang === 'es' ? 'Facturación' : 'Revenue');
			const revenue = new Map(rows.map((r) => [r[0] === '' ? null : r[0]!, Number(r[1]!.replace(',', '.'))]));
			for (const s of api.segments) expect(revenue.get(s.value), String(s.value)).toBe(s.revenue);
			// Segments sold only in the comparison period are listed with zero revenue.
			expect([...revenue.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(api.total_revenue, 2);
			expect(errors).toEqual([]);
			await close();
		}
	}, 60_000);

	it('shows the HHI and top-10 share of the concentration document, by client and by product', async () => {
		for (const lang of ['es', 'en'] as const) {
			const { page, errors, close } = await openPage(lang);
			for (const [query, doc] of [['', byClient], ['&by=product', byProduct]] as const) {
				await page.goto(`${app.server.url}/concentracion?lang=${lang}${query}`);
				await chartsReady(page, CHARTS.concentracion);
				expect(await page.textContent('[data-testid="conc-hhi"] .kpi__value')).toBe(formatNumber(doc.hhi!, lang, 0));
				expect(await page.textContent('[data-testid="conc-top10"] .kpi__value')).toBe(percentText(doc.top_shares.top10!, lang));
				expect(await page.textContent('[data-testid="conc-n"] .kpi__value')).toBe(formatNumber(doc.n, lang));
				const tiers = await page.locator('[data-testid="abc-table"] tbody tr td:nth-child(2)').allTextContents();
				expect(tiers).toEqual(doc.abc.map((t) => formatNumber(t.count, lang)));
				// The curves are cut to at most 400 points (plus the origin).
				const d = await page.getAttribute('[data-testid="lorenz-chart"] svg g[aria-label="line"] path:last-child', 'd');
				const points = (d ?? '').match(/[ML]/g)?.length ?? 0;
				expect(points).toBeGreaterThan(1);
				expect(points).toBeLessThanOrEqual(401);
			}
			expect(errors).toEqual([]);
			await close();
		}
	}, 60_000);
});
