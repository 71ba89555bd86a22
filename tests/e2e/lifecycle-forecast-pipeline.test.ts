// End to end: the activation, forecast and pipeline pages of the built app on the demo database,
// in a headless Chromium. The expected figures are the documents computeMetric gives on the same
// file, formatted with the app's formatters (src/lib/format.ts).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatNumber } from '../../src/lib/format';
import { messages, type Lang } from '../../src/lib/i18n';
import type { ActivationDocument } from '../../src/lib/server/metrics/activation';
import type { ForecastDocument } from '../../src/lib/server/metrics/forecast';
import { computeMetric } from '../../src/lib/server/metrics/index';
import type { PipelineDocument } from '../../src/lib/server/metrics/pipeline';
import type { RetentionDocument } from '../../src/lib/server/metrics/retention';
import { judge, loadSettings, type Settings } from '../../src/lib/server/metrics/settings';
import { runQuery } from '../../src/lib/server/queries';
import { useDemoApp } from '../helpers/demo-app';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });
const VIEWPORT = { width: 1280, height: 720 };
const PAGES = {
	activacion: ['status-mix-chart', 'activation-rate-chart', 'conversion-chart', 'movements-chart', 'bridge-chart'],
	pronostico: ['forecast-chart', 'hit-rate-chart'],
	embudo: ['stages-chart', 'funnel-chart']
} as const;

let settings: Settings;
let region: string;
const docs = {} as {
	activation: ActivationDocument;
	retention: RetentionDocument;
	forecast: ForecastDocument;
	pipeline: PipelineDocument;
	regional: ActivationDocument;
};

/** A rate as the page shows it (one decimal, locale percent sign), from format.ts's formatNumber. */
function rate(value: number, lang: Lang): string {
	return `${formatNumber(value * 100, lang, 1)}${lang === 'es' ? '\u00a0%' : '%'}`;
}

async function openPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
	});
	page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
	return { page, errors };
}

/** Waits until every listed chart is drawn at its container's width. */
async function chartsReady(page: Page, testids: readonly string[]): Promise<void> {
	await page.waitForFunction((ids) => {
		return ids.every((id) => {
			const box = document.querySelector(`[data-testid="${id}"]`);
			const svg = box?.querySelector('svg');
			return !!box && !!svg && Number(svg.getAttribute('width')) === box.clientWidth;
		});
	}, testids);
}

const tileValue = (page: Page, testid: string) => page.textContent(`[data-testid="${testid}"] .kpi__value`);

// Read the expected documents before the server takes the file (one process per DuckDB file).
const app = useDemoApp({
	prepare: async (db) => {
		settings = await loadSettings(db);
		docs.activation = (await computeMetric(db, 'activation', {})) as ActivationDocument;
		docs.retention = (await computeMetric(db, 'retention', {})) as RetentionDocument;
		docs.forecast = (await computeMetric(db, 'forecast', {})) as ForecastDocument;
		docs.pipeline = (await computeMetric(db, 'pipeline', {})) as PipelineDocument;
		// The region whose activation rate differs most from the whole portfolio's: the filter must show.
		const regions = (await runQuery<{ dim: string; value: string }>(db, 'dimension_values')).filter((r) => r.dim === 'region').map((r) => r.value);
		let best = -1;
		for (const value of regions) {
			const a = (await computeMetric(db, 'activation', { region: value })) as ActivationDocument;
			const gap = Math.abs((a.activation_rate ?? 0) - docs.activation.activation_rate!);
			if (gap > best && a.activation_rate !== null) [best, region, docs.regional] = [gap, value, a];
		}
	}
});

describe('activation, forecast and pipeline pages on the demo data', () => {
	it('the demo documents have what the pages show', () => {
		expect(docs.activation.activation_rate).not.toBeNull();
		expect(docs.forecast.wape).not.toBeNull();
		expect(docs.pipeline.win_rate).not.toBeNull();
		expect(docs.regional.activation_rate).not.toBe(docs.activation.activation_rate);
	});

	for (const lang of ['es', 'en'] as const) {
		it(`render their charts and the documents' figures in ${lang}, with no console errors`, async () => {
			const context = await app.browser.newContext({ extraHTTPHeaders: app.server.auth, viewport: VIEWPORT, deviceScaleFactor: 1 });
			const { page, errors } = await openPage(context);
			const { activation, retention, forecast, pipeline } = docs;
			for (const [path, charts] of Object.entries(PAGES)) {
				const response = await page.goto(`${app.server.url}/${path}?lang=${lang}`);
				expect(response?.status()).toBe(200);
				expect(await page.getAttribute('html', 'lang')).toBe(lang);
				await chartsReady(page, charts);
				for (const id of charts) expect(await page.locator(`[data-testid="${id}"] svg`).count()).toBeGreaterThan(0);

				if (path === 'activacion') {
					expect(await tileValue(page, 'tile-activation-rate')).toBe(rate(activation.activation_rate!, lang));
					expect(await tileValue(page, 'tile-prospects')).toBe(formatNumber(activation.prospects_exposed, lang));
					expect(await tileValue(page, 'tile-activated')).toBe(formatNumber(activation.activated_in_period, lang));
					expect(await tileValue(page, 'tile-repeat-rate')).toBe(rate(retention.repeat_rate!, lang));
					// The waterfall: the previous revenue, one bar per bridge event, the revenue.
					const bars = page.locator('[data-testid="bridge-chart"] svg g[aria-label="bar"] rect');
					expect(await bars.count()).toBe(Object.keys(retention.bridge).length + 2);
					// Its tooltip gives the exact amount of an event.
					await bars.nth(1).hover();
					const tip = page.locator('[data-testid="bridge-chart"] svg g[aria-label="tip"]');
					await tip.waitFor();
					expect(await tip.textContent()).toContain(`+${formatMoney(retention.bridge.new, lang, settings.currency)}`);
					// The status mix: three stacked bars a month.
					expect(await page.locator('[data-testid="status-mix-chart"] svg g[aria-label="bar"] rect').count()).toBe(3 * activation.months.length);
				} else if (path === 'pronostico') {
					expect(await tileValue(page, 'tile-wape')).toBe(rate(forecast.wape!, lang));
					expect(await tileValue(page, 'tile-accuracy')).toBe(rate(forecast.accuracy!, lang));
					// The status is the settings' judgement of the accuracy, as a word and not only a colour.
					const status = judge(forecast.accuracy, settings.thresholds.forecast_accuracy)!;
					expect(await page.getAttribute('[data-testid="tile-accuracy"] .status', 'data-status')).toBe(status);
					expect(await page.textContent('[data-testid="tile-accuracy"] .status')).toContain(messages(lang).kpiStatus[status]);
					expect(await page.locator('[data-testid="forecast-chart"] svg g[aria-label="bar"] rect').count()).toBe(forecast.months.length);
					expect(await page.textContent('[data-testid="forecast-scope"]')).toMatch(lang === 'es' ? /total de la empresa/ : /total forecast/);
				} else {
					expect(await tileValue(page, 'tile-win-rate')).toBe(rate(pipeline.win_rate!, lang));
					expect(await tileValue(page, 'tile-win-rate-amount')).toBe(rate(pipeline.win_rate_amount!, lang));
					expect(await tileValue(page, 'tile-prospect-size')).toBe(formatMoney(pipeline.prospect_size!, lang, settings.currency));
					expect(await page.locator('[data-testid="funnel-chart"] svg g[aria-label="bar"] rect').count()).toBe(4);
				}
				// Every tile says how it changed against the comparison period.
				const changes = await page.locator('[data-testid$="-change"]').allTextContents();
				expect(changes.length).toBeGreaterThan(0);
				await page.mouse.move(0, 0);
				await page.screenshot({ path: join(SHOTS, `${path}-${lang}.png`), fullPage: true });
			}
			expect(errors).toEqual([]);
			await context.close();
		});
	}

	it('a region chosen in the filter bar changes the activation rate and the URL; reloading restores it', async () => {
		const context = await app.browser.newContext({ extraHTTPHeaders: app.server.auth, viewport: VIEWPORT });
		const { page, errors } = await openPage(context);
		await page.goto(`${app.server.url}/activacion?lang=es`);
		await chartsReady(page, PAGES.activacion);
		expect(await tileValue(page, 'tile-activation-rate')).toBe(rate(docs.activation.activation_rate!, 'es'));

		await page.selectOption('select[name="region"]', region);
		await page.waitForURL((url) => url.searchParams.get('region') === region);
		const expected = rate(docs.regional.activation_rate!, 'es');
		await page.waitForFunction(
			([sel, text]) => document.querySelector(sel!)?.textContent === text,
			['[data-testid="tile-activation-rate"] .kpi__value', expected]
		);
		await chartsReady(page, PAGES.activacion);
		const chip = page.locator('[data-testid="filter-chips"]');
		expect(await chip.textContent()).toContain(region);

		await page.reload();
		await chartsReady(page, PAGES.activacion);
		expect(new URL(page.url()).searchParams.get('region')).toBe(region);
		expect(await tileValue(page, 'tile-activation-rate')).toBe(expected);
		expect(await page.inputValue('select[name="region"]')).toBe(region);

		// Cross-filter: clicking the first month's "active" segment filters by that status, and the
		// clients left are all active.
		await page.locator('[data-testid="status-mix-chart"] svg g[aria-label="bar"] rect').first().click();
		await page.waitForURL((url) => url.searchParams.get('status') === 'active' && url.searchParams.get('region') === region);
		await page.waitForFunction(
			([sel, text]) => document.querySelector(sel!)?.textContent === text,
			['[data-testid="tile-activation-rate"] .kpi__value', rate(1, 'es')]
		);
		expect(errors).toEqual([]);
		await context.close();
	});
});
