// End to end: the Ranking page and Resumen's revenue bars on the built app and a demo database, in
// a headless Chromium. Expected figures come from computeMetric on the same file (read before the
// server takes it), formatted with the app's formatters.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../src/lib/format';
import type { Lang } from '../../src/lib/i18n/lang';
import { computeMetric } from '../../src/lib/server/metrics/index';
import type { RankingDocument } from '../../src/lib/server/metrics/ranking';
import { newPage, useDemoApp } from '../helpers/demo-app';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });
const TABLE = '[data-testid="ranking-table"]';
const SECTION = '[data-testid="ranking-section"]';
const HIT_HEADER = { es: 'Aceptación de presupuestos', en: 'Quote hit rate' };

let ranking: RankingDocument;

const app = useDemoApp({
	prepare: async (db) => {
		ranking = (await computeMetric(db, 'ranking', {})) as RankingDocument;
	}
});
const openPage = (lang: Lang) => newPage(app, { lang, context: { deviceScaleFactor: 1 } });

describe('Ranking', () => {
	it.each(['es', 'en'] as const)('in %s: sorted by hit rate, the top row equals Resumen filtered to that manager', async (lang) => {
		const { page, errors, close } = await openPage(lang);
		try {
			await page.goto(`${app.server.url}/ranking?lang=${lang}`);
			await expect.poll(() => page.locator(`${TABLE} tbody tr`).count()).toBe(ranking.rows.length);
			// The revenue columns come first; the other figures follow into the same rows.
			await expect.poll(() => page.locator(SECTION).getAttribute('data-figures')).toBe('ready');
			await page.screenshot({ path: join(SHOTS, `ranking-${lang}.png`), fullPage: true });

			// Sorting is a button in the header (keyboard: focus and Enter), highest first.
			const sort = page.locator(`${TABLE} thead button`, { hasText: HIT_HEADER[lang] }).first();
			await sort.focus();
			await page.keyboard.press('Enter');
			const best = Math.max(...ranking.rows.map((r) => r.quote_hit_rate ?? -1));
			const leaders = ranking.rows.filter((r) => r.quote_hit_rate === best).map((r) => r.value);
			const first = page.locator(`${TABLE} tbody tr`).first();
			const name = (await first.locator('td').first().innerText()).trim();
			expect(leaders).toContain(name);
			const hitCell = (await first.locator('td').nth(7).innerText()).trim();
			expect(hitCell).toBe(formatPercent(best, lang));

			// Its name opens Resumen filtered to that manager: the same hit rate there.
			await first.locator('td a').first().click();
			await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('account_manager') === name);
			const tile = page.locator('[data-testid="kpi-quote_hit_rate"]');
			await expect.poll(async () => (await tile.innerText()).includes(hitCell)).toBe(true);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	}, 60_000);

	it('Resumen links to it', async () => {
		const { page, close } = await openPage('es');
		try {
			await page.goto(`${app.server.url}/?lang=es`);
			await page.locator('[data-testid="ranking-link"]').click();
			await page.waitForURL((url) => url.pathname === '/ranking');
			await expect.poll(() => page.locator(`${TABLE} tbody tr`).count()).toBe(ranking.rows.length);
		} finally {
			await close();
		}
	}, 60_000);
});

describe("Resumen's revenue chart", () => {
	it('a bar sets the period to its month; the data table links each month the same way', async () => {
		const { page, errors, close } = await openPage('es');
		try {
			await page.goto(`${app.server.url}/?lang=es`);
			const bars = page.locator('[data-testid="revenue-chart"] svg g[aria-label="bar"] rect');
			await expect.poll(() => bars.count()).toBeGreaterThan(1);
			// The last bar is the period's last month.
			await bars.last().click();
			await page.waitForURL((url) => url.searchParams.get('from') === ranking.to && url.searchParams.get('to') === ranking.to);

			// Keyboard: the months table (the chart's text alternative) has each month as a link.
			await page.goto(`${app.server.url}/?lang=es`);
			await page.locator('[data-chart="revenue-chart"] details summary').click();
			const link = page.locator('[data-testid="months-table"] tbody tr td a').first();
			const href = new URL((await link.getAttribute('href'))!, app.server.url);
			const month = href.searchParams.get('from');
			expect(month).toMatch(/^\d{4}-\d{2}$/);
			expect(href.searchParams.get('to')).toBe(month);
			await link.focus();
			await page.keyboard.press('Enter');
			await page.waitForURL((url) => url.searchParams.get('from') === month && url.searchParams.get('to') === month);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	}, 60_000);
});
