// End to end (issue 14, "one truth per figure"): with "Mismo período del año anterior" chosen for
// Jan–Oct 2026 on the demo, (a) Activación's bridge and client movements compare with the months
// the filter bar states, and the bridge starts at the revenue of those months (Resumen's revenue
// tile for them, the segmentation total); (b) a rate's change is the same text, in percentage
// points, on Resumen and on the page that details it. Expected figures come from computeMetric
// on the same file, written with the app's formatters.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { figureChange } from '../../src/lib/features/shared/change';
import { formatMoney, formatPeriod } from '../../src/lib/format';
import { messages, type Lang } from '../../src/lib/i18n';
import type { ActivationDocument } from '../../src/lib/server/metrics/activation';
import { computeMetric } from '../../src/lib/server/metrics/index';
import type { QuotesDocument } from '../../src/lib/server/metrics/quotes';
import type { RetentionDocument } from '../../src/lib/server/metrics/retention';
import type { SegmentationDocument } from '../../src/lib/server/metrics/documents';
import { loadSettings } from '../../src/lib/server/metrics/settings';
import { openPage, useDemoApp, withLang } from '../helpers/demo-app';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });
const PERIOD = { from: '2026-01', to: '2026-10' };
const YEAR_BEFORE = { from: '2025-01', to: '2025-10' };
const QUERY = `from=${PERIOD.from}&to=${PERIOD.to}&compare=year`;

let currency: string;
const docs = {} as {
	retention: RetentionDocument;
	segmentationBefore: SegmentationDocument;
	quotes: [QuotesDocument, QuotesDocument];
	activation: [ActivationDocument, ActivationDocument];
};

// The expected documents are read before the server takes the file (one process per DuckDB file).
const app = useDemoApp({
	prepare: async (db) => {
		currency = (await loadSettings(db)).currency;
		const metric = <T>(name: string, q: Record<string, string>) => computeMetric(db, name, q) as Promise<T>;
		docs.retention = await metric('retention', { ...PERIOD, compare: 'year' });
		docs.segmentationBefore = await metric('segmentation', YEAR_BEFORE);
		docs.quotes = [await metric('quotes', PERIOD), await metric('quotes', YEAR_BEFORE)];
		docs.activation = [await metric('activation', PERIOD), await metric('activation', YEAR_BEFORE)];
	}
});

async function open(lang: Lang, path: string): Promise<{ page: Page; errors: string[] }> {
	const { page, errors, response } = await openPage(app, withLang(path, lang), { context: { deviceScaleFactor: 1 } });
	expect(response?.status()).toBe(200);
	return { page, errors };
}

const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim();
/** A change as written after its arrow: `-3,2 pp`, `+16,2 %` (no-break spaces made plain). */
const changeFigure = (s: string) => s.replace(/[▲▼=]/g, '').replace(/\s+/g, ' ').trim();
const arrow = (s: string) => s.match(/[▲▼]/)?.[0] ?? null;
const plain = (s: string) => s.replace(/\s+/g, ' ');

describe('one comparison and one change per figure (compare=year, Jan–Oct 2026, demo)', () => {
	it('the demo has the figures compared', () => {
		expect(docs.retention.previous).toEqual(YEAR_BEFORE);
		expect(docs.quotes.every((q) => q.hit_rate !== null)).toBe(true);
		expect(docs.activation.every((a) => a.activation_rate !== null)).toBe(true);
		// The bridge starts at the revenue of the comparison months, to the cent.
		expect(docs.retention.revenue_previous).toBe(docs.segmentationBefore.total_revenue);
	});

	for (const lang of ['es', 'en'] as const) {
		const m = messages(lang);
		const months = formatPeriod(YEAR_BEFORE.from, YEAR_BEFORE.to, lang);
		const name = m.filters.compareWith.year;

		it(`Activación's bridge and movements compare with the filter bar's months (${lang})`, async () => {
			const { page, errors } = await open(lang, `/activacion?${QUERY}`);
			// The filter bar states the comparison and its months.
			expect(await text(page, '.filter-bar__summary')).toContain(`${name}: ${months}`);
			// The bridge and the movements name the same comparison and months, and not another one.
			for (const chart of ['bridge-chart', 'movements-chart']) {
				const subtitle = (await text(page, `[data-chart="${chart}"] .panel__sub`)).toLowerCase();
				expect(subtitle).toContain(`${name} (${months})`.toLowerCase());
				expect(subtitle).not.toContain(m.filters.compareWith.previous.toLowerCase());
			}
			// The bridge's first bar: the comparison's name and months, and the revenue of those months.
			const first = page.locator('[data-testid="bridge-table"] tbody tr').first().locator('td');
			expect(plain((await first.nth(0).textContent()) ?? '')).toBe(`${name} (${months})`);
			expect(await first.nth(1).textContent()).toBe(formatMoney(docs.segmentationBefore.total_revenue, lang, currency));
			expect(await text(page, '[data-chart="bridge-chart"] .legend')).toContain(`${name} (${months})`);
			// The axis names the comparison months under the first bar.
			expect(await text(page, '[data-testid="bridge-chart"] svg')).toContain(months);
			// The tiles compare with the same months.
			expect(await text(page, '[data-testid="tile-activation-rate-change"]')).toContain(months);
			await page.screenshot({ path: join(SHOTS, `one-truth-activacion-${lang}.png`), fullPage: true });
			expect(errors).toEqual([]);
			await page.context().close();
		});

		it(`the bridge's first bar is Resumen's revenue for the comparison months (${lang})`, async () => {
			const { page } = await open(lang, `/?from=${YEAR_BEFORE.from}&to=${YEAR_BEFORE.to}`);
			expect(await text(page, '[data-testid="kpi-revenue"] .kpi__value')).toBe(plain(formatMoney(docs.retention.revenue_previous, lang, currency)));
			await page.context().close();
		});

		it(`a rate's change is the same text, in points, on Resumen and on its page (${lang})`, async () => {
			const hit = figureChange('rate', docs.quotes[0].hit_rate, docs.quotes[1].hit_rate, lang)!;
			const activation = figureChange('rate', docs.activation[0].activation_rate, docs.activation[1].activation_rate, lang)!;
			const { page: overview } = await open(lang, `/?${QUERY}`);
			// The comparison's figures stream in after the page.
			const onOverview = async (id: string) => {
				const figure = overview.locator(`[data-testid="kpi-${id}"] .change__figure`);
				await figure.waitFor();
				return (await figure.textContent()) ?? '';
			};
			const hitOverview = await onOverview('quote_hit_rate');
			const activationOverview = await onOverview('activation_rate');
			expect(await text(overview, '[data-testid="kpi-quote_hit_rate"] .change')).toContain(months);
			await overview.context().close();

			const { page: forecast } = await open(lang, `/pronostico?${QUERY}`);
			const hitForecast = (await forecast.textContent('[data-testid="tile-hit-rate-change"] .tile-change__figure')) ?? '';
			expect(await text(forecast, '[data-testid="tile-hit-rate-change"]')).toContain(months);
			await forecast.screenshot({ path: join(SHOTS, `one-truth-pronostico-${lang}.png`), fullPage: true });
			await forecast.context().close();

			const { page: activationPage } = await open(lang, `/activacion?${QUERY}`);
			const activationTile = (await activationPage.textContent('[data-testid="tile-activation-rate-change"] .tile-change__figure')) ?? '';
			await activationPage.context().close();

			// In percentage points, the same text and direction on both pages, and the documents' difference.
			for (const [shown, there, expected] of [
				[hitOverview, hitForecast, hit],
				[activationOverview, activationTile, activation]
			] as const) {
				expect(changeFigure(shown)).toMatch(/pp$/);
				expect(changeFigure(there)).toBe(changeFigure(shown));
				expect(changeFigure(shown)).toBe(plain(expected.text));
				expect(arrow(there)).toBe(arrow(shown));
				expect(changeFigure(there)).not.toContain('%');
			}
		});
	}
});
