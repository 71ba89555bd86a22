// End to end (issue 14, one truth per figure): Jan–Oct 2024 against the same months a year before
// on the demo, whose data starts in November 2023. The comparison starts before the data, so no
// page shows a change: Resumen says it has no comparison, and Activación's and Pronóstico's tiles
// (which used to show a change against the months partly before the data) say so too, in Spanish
// and English. Jan–Oct 2025 against Jan–Oct 2024 does compare, on both pages.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tileMessages } from '../../src/lib/components/metric-tile-messages';
import { messages } from '../../src/lib/i18n';
import { openPage, useDemoApp } from '../helpers/demo-app';

const BEFORE_DATA = 'from=2024-01&to=2024-10&compare=year';
const HELD = 'from=2025-01&to=2025-10&compare=year';


const app = useDemoApp();

async function open(lang: string, path: string): Promise<Page> {
	const { page, response } = await openPage(app, `${path}&lang=${lang}`);
	expect(response?.status()).toBe(200);
	return page;
}

const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim();

describe('a comparison that starts before the data shows no change on any page', () => {
	for (const lang of ['es', 'en'] as const) {
		const m = messages(lang);
		const none = tileMessages[lang].noComparison;

		it(`Resumen, Activación and Pronóstico show the activation and hit rates without a change (${lang})`, async () => {
			const overview = await open(lang, `/?${BEFORE_DATA}`);
			const change = overview.locator('[data-testid="kpi-activation_rate"] .change');
			// The comparison streams in after the page; without one the tile says so.
			await expect.poll(async () => (await change.textContent())?.trim()).toBe(m.overview.noComparison);
			expect(await text(overview, '[data-testid="kpi-quote_hit_rate"] .change')).toBe(m.overview.noComparison);
			await overview.context().close();

			const activation = await open(lang, `/activacion?${BEFORE_DATA}`);
			expect(await text(activation, '[data-testid="tile-activation-rate-change"]')).toContain(none);
			await activation.context().close();
			const forecast = await open(lang, `/pronostico?${BEFORE_DATA}`);
			expect(await text(forecast, '[data-testid="tile-hit-rate-change"]')).toContain(none);
			await forecast.context().close();
		});

		it(`with the year before inside the data, both pages compare (${lang})`, async () => {
			const activation = await open(lang, `/activacion?${HELD}`);
			const shown = await text(activation, '[data-testid="tile-activation-rate-change"]');
			expect(shown).not.toContain(none);
			expect(shown).toMatch(/pp/);
			await activation.context().close();
		});
	}
});
