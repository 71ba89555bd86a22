// End to end: Activación's activation rates by volume, by frequency and by both (with their
// settings) and its four sales events, on the built app and the demo database, in Spanish and
// English. Expected values are the figures' documents on the same file; the cross-sell count opens
// the list of its clients, whose count and total equal the figure.
import { describe, expect, it } from 'vitest';
import { formatMoney, formatNumber } from '../../src/lib/format';
import { formatRate } from '../../src/lib/components/plot-kit';
import type { ActivationDocument } from '../../src/lib/server/metrics/activation';
import { computeMetric } from '../../src/lib/server/metrics/index';
import type { SalesEventsDocument } from '../../src/lib/server/metrics/sales-events';
import { loadSettings } from '../../src/lib/server/metrics/settings';
import { openPage, useDemoApp } from '../helpers/demo-app';

const PERIOD = { from: '2026-01', to: '2026-10' };
let currency: string;
let activation: ActivationDocument;
let events: SalesEventsDocument;

const app = useDemoApp({
	prepare: async (db) => {
		currency = (await loadSettings(db)).currency;
		activation = (await computeMetric(db, 'activation', PERIOD)) as ActivationDocument;
		events = (await computeMetric(db, 'sales_events', PERIOD)) as SalesEventsDocument;
	}
});

describe('Activación: activation variants and the four sales events', () => {
	it('the demo has every sales event', () => {
		for (const e of [events.repeat, events.expansion, events.cross_sell, events.first_purchase]) expect(e.clients).toBeGreaterThan(0);
		expect(activation.variants.both.rate).toBe(activation.activation_rate);
	});

	for (const lang of ['es', 'en'] as const) {
		it(`shows the three rates with their settings and the four events, and cross-sell opens its clients (${lang})`, async () => {
			const { page, errors, close } = await openPage(app, `/activacion?from=${PERIOD.from}&to=${PERIOD.to}&lang=${lang}`);
			const variants = page.locator('[data-testid="activation-variants-table"] tbody tr');
			expect(await variants.count()).toBe(3);
			const v = [activation.variants.amount, activation.variants.frequency, activation.variants.both];
			for (let i = 0; i < 3; i++) {
				const text = (await variants.nth(i).innerText()).replace(/\s+/g, ' ');
				expect(text).toContain(formatRate(v[i]!.rate, lang).replace(/\s+/g, ' '));
				expect(text).toContain(formatNumber(v[i]!.active, lang));
			}
			// Each row states its setting: the amount in money, the invoices as a number.
			const squeeze = (x: string) => x.replace(/\s/g, '');
			expect(squeeze(await variants.nth(0).innerText())).toContain(squeeze(formatMoney(v[0]!.min_amount!, lang, currency)));
			expect(squeeze(await variants.nth(1).innerText())).toContain(squeeze(formatNumber(v[1]!.min_invoices!, lang)));
			expect(await page.textContent('[data-testid="activation-event"]')).toContain(lang === 'es' ? 'primera compra' : 'first purchase');
			// A setting is a sentence: it wraps, and the half-width panel shows the whole table without scrolling sideways.
			const scroll = page.locator('[data-testid="activation-variants-table"] .data-table__scroll');
			expect(await scroll.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
			// The monthly rate table: each month's rates by volume and by frequency beside the activation rate.
			const monthly = page.locator('[data-testid="activation-rate-table"] tbody tr');
			expect(await monthly.count()).toBe(activation.months.length);
			for (let i = 0; i < activation.months.length; i++) {
				const m = activation.months[i]!;
				const text = squeeze((await monthly.nth(i).textContent()) ?? '');
				for (const r of [m.activation_rate, m.rate_by_amount, m.rate_by_frequency]) if (r !== null) expect(text).toContain(squeeze(formatRate(r, lang)));
			}
			const rows = page.locator('[data-testid="sales-events-table"] tbody tr');
			expect(await rows.count()).toBe(4);
			const e = [events.repeat, events.expansion, events.cross_sell, events.first_purchase];
			for (let i = 0; i < 4; i++) {
				const text = await rows.nth(i).innerText();
				expect(text).toContain(formatNumber(e[i]!.clients, lang));
				expect(text.replace(/\s/g, '')).toContain(formatMoney(e[i]!.amount, lang, currency).replace(/\s/g, ''));
			}
			await rows.nth(2).locator('a').first().click();
			await page.waitForURL((url) => url.pathname === '/lista/sales_event' && url.searchParams.get('key') === 'cross_sell');
			await page.waitForSelector('[data-testid="list"]');
			const list = page.locator('[data-testid="list"]');
			expect(Number(await list.getAttribute('data-count'))).toBe(events.cross_sell.clients);
			expect(Number(await list.getAttribute('data-total'))).toBe(events.cross_sell.amount);
			expect(await page.textContent('h1')).toContain(lang === 'es' ? 'línea nueva' : 'product line new');
			expect(errors).toEqual([]);
			await close();
		}, 60_000);
	}

	it('Ajustes chooses what activates a prospect, and Activación follows it (es)', async () => {
		const { page, errors, close } = await openPage(app, '/ajustes?lang=es');
		const form = page.locator('[data-testid="definitions"]');
		await form.locator('select[name="activation_event"]').selectOption('formalised');
		await form.locator('button[type="submit"]').click();
		await form.locator('.saved').waitFor();
		// The history names the choice in words, not its stored value.
		expect(await page.textContent('[data-testid="history-table"]')).toContain('oportunidad ganada o presupuesto aceptado');
		await page.goto(`${app.server.url}/activacion?from=${PERIOD.from}&to=${PERIOD.to}&lang=es`);
		expect(await page.textContent('[data-testid="activation-event"]')).toContain('oportunidad ganada o presupuesto aceptado');
		// The activated clients follow the setting: the period's figure equals the document computed with it.
		const formalised = (await (await app.server.fetch(`${app.server.url}/api/metrics/activation?from=${PERIOD.from}&to=${PERIOD.to}`)).json()) as ActivationDocument;
		expect(formalised.activated_in_period).toBeGreaterThanOrEqual(activation.activated_in_period);
		expect(await page.textContent('[data-testid="tile-activated"]')).toContain(formatNumber(formalised.activated_in_period, 'es'));
		await page.goto(`${app.server.url}/ajustes?lang=es`);
		await page.locator('[data-testid="definitions"] select[name="activation_event"]').selectOption('invoice');
		await page.locator('[data-testid="definitions"] button[type="submit"]').click();
		await page.locator('[data-testid="definitions"] .saved').waitFor();
		expect(errors).toEqual([]);
		await close();
	}, 60_000);
});
