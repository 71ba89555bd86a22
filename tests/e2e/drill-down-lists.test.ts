// End to end: the list behind a number (Lista) on the built app and the demo database, in Spanish
// and English. Clicking "Perdidos"/"Churned" on Activación (the movements chart, and the bridge's
// bar) opens the churned clients whose total is the bridge's churned bar and whose count is the
// movement's; its CSV holds the same rows. An ABC tier on Concentración and a funnel stage on
// Embudo likewise. Expected values are the figures' documents and the lists' API on the same file.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatNumber } from '../../src/lib/format';
import type { Lang } from '../../src/lib/i18n/lang';
import { LIST_PAGE_SIZE } from '../../src/lib/features/lists/loader.server';
import { computeList, type ListDocument } from '../../src/lib/server/lists/list';
import type { ConcentrationDocument, SegmentationDocument } from '../../src/lib/server/metrics/documents';
import { computeMetric } from '../../src/lib/server/metrics/index';
import type { PipelineDocument } from '../../src/lib/server/metrics/pipeline';
import type { RetentionDocument } from '../../src/lib/server/metrics/retention';
import { loadSettings } from '../../src/lib/server/metrics/settings';
import { newPage, useDemoApp } from '../helpers/demo-app';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });
const PERIOD = { from: '2026-01', to: '2026-10' };
const QUERY = `from=${PERIOD.from}&to=${PERIOD.to}`;

let currency: string;
const expected = {} as {
	retention: RetentionDocument;
	churned: ListDocument;
	concentration: ConcentrationDocument;
	tierB: ListDocument;
	pipeline: { totals: Record<string, number> } & PipelineDocument;
	won: ListDocument;
	active: ListDocument;
	segments: SegmentationDocument;
};

const app = useDemoApp({
	prepare: async (db) => {
		currency = (await loadSettings(db)).currency;
		// Activación with the same months a year before, as the filter bar's "Mismo período del año anterior".
		expected.retention = (await computeMetric(db, 'retention', { ...PERIOD, compare: 'year' })) as RetentionDocument;
		expected.churned = await computeList(db, 'retention_event', { ...PERIOD, compare: 'year', key: 'churned' });
		expected.concentration = (await computeMetric(db, 'concentration', PERIOD)) as ConcentrationDocument;
		expected.tierB = await computeList(db, 'abc_tier', { ...PERIOD, key: 'B' });
		expected.won = await computeList(db, 'funnel_stage', { ...PERIOD, key: 'won' });
		expected.segments = (await computeMetric(db, 'segmentation', { ...PERIOD, dim: 'status' })) as SegmentationDocument;
		expected.active = await computeList(db, 'segment', { ...PERIOD, dim: 'status', key: 'active' });
	}
});

const openPage = (lang: Lang) => newPage(app, { lang, viewport: { width: 1280, height: 800 }, context: { acceptDownloads: true } });

async function chartsReady(page: Page, testids: readonly string[]): Promise<void> {
	await page.waitForFunction((ids) => {
		return ids.every((id) => {
			const box = document.querySelector(`[data-testid="${id}"]`);
			const svg = box?.querySelector('svg');
			return !!box && !!svg && Number(svg.getAttribute('width')) === box.clientWidth;
		});
	}, testids);
}

/** The ids in the first column of the list's table, as shown. */
const shownIds = (page: Page) => page.locator('[data-testid="list-table"] tbody tr td:first-child').allInnerTexts();

/**
 * The list page shows `doc`: its count and total (data attributes and the total row), and its CSV
 * holds its rows. A list longer than a page shows its first page, in the list's order, headers that
 * do not sort (a page alone would mislead), a pager to the next page, and a CSV of every row.
 */
async function expectList(page: Page, doc: ListDocument, lang: Lang, shot: string) {
	await page.waitForSelector('[data-testid="list"]');
	const list = page.locator('[data-testid="list"]');
	expect(Number(await list.getAttribute('data-count'))).toBe(doc.count);
	expect(Number(await list.getAttribute('data-total'))).toBe(doc.total);
	expect((await page.textContent('[data-testid="list-table"] tfoot td[data-key="amount"]'))!.trim()).toBe(formatMoney(doc.total, lang, currency));
	expect((await page.textContent('[data-testid="list-table"] tfoot td[data-key="name"]'))!).toContain(formatNumber(doc.count, lang));
	const paged = doc.count > LIST_PAGE_SIZE;
	expect(await shownIds(page)).toEqual(doc.rows.slice(0, LIST_PAGE_SIZE).map((r) => r.id ?? ''));
	const sortButtons = await page.locator('[data-testid="list-table"] thead button.sort').count();
	if (paged) expect(sortButtons).toBe(0);
	else expect(sortButtons).toBeGreaterThan(2);
	expect(await page.locator('[data-testid="list-pager"]').count()).toBe(paged ? 1 : 0);
	const csvButton = paged ? '[data-testid="list-csv-all"]' : '[data-testid="list-table"] .data-table__tools button';
	const [download] = await Promise.all([page.waitForEvent('download'), page.click(csvButton)]);
	const text = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
	const separator = lang === 'es' ? ';' : ',';
	const [header, ...rows] = text.trimEnd().split('\r\n').map((line) => line.split(separator));
	expect(header!.at(-1)).toBeTruthy();
	expect(rows.map((r) => r[0])).toEqual(doc.rows.map((r) => r.id ?? ''));
	const amounts = rows.map((r) => (r.at(-1) === '' ? 0 : Number(r.at(-1)!.replace(',', '.'))));
	expect(amounts).toEqual(doc.rows.map((r) => r.amount ?? 0));
	expect(Math.round(amounts.reduce((a, b) => a + b, 0) * 100)).toBe(Math.round(doc.total * 100));
	await page.mouse.move(0, 0);
	await page.screenshot({ path: join(SHOTS, `${shot}-${lang}.png`), fullPage: true });
	if (paged) {
		await page.click('[data-testid="list-pager"] a[rel="next"]');
		await page.waitForURL((u) => u.searchParams.get('page') === '2');
		await page.waitForFunction((id) => document.querySelector('[data-testid="list-table"] tbody tr td')?.textContent?.trim() === id, doc.rows[LIST_PAGE_SIZE]!.id ?? '');
		expect(await shownIds(page)).toEqual(doc.rows.slice(LIST_PAGE_SIZE, 2 * LIST_PAGE_SIZE).map((r) => r.id ?? ''));
		expect(await page.textContent('[data-testid="list-pager"] [aria-current="page"]')).toBe('2');
		// The count and total stay every row's.
		expect(Number(await list.getAttribute('data-count'))).toBe(doc.count);
	}
}

describe('the lists behind the numbers on the demo data', () => {
	it('the demo has churned clients, a tier B and won deals', () => {
		expect(expected.retention.clients.churned).toBeGreaterThan(0);
		expect(expected.churned.count).toBe(expected.retention.clients.churned);
		expect(expected.churned.total).toBe(expected.retention.bridge.churned);
		expect(expected.tierB.total).toBe(expected.concentration.abc.find((t) => t.tier === 'B')!.revenue);
	});

	for (const lang of ['es', 'en'] as const) {
		it(`Activación: "${lang === 'es' ? 'Perdidos' : 'Churned'}" in the movements chart opens the churned clients, summing to the bridge's bar (${lang})`, async () => {
			const { page, errors, close } = await openPage(lang);
			await page.goto(`${app.server.url}/activacion?${QUERY}&compare=year&lang=${lang}`);
			await chartsReady(page, ['movements-chart', 'bridge-chart']);
			// The movements' bars, in order: new, reactivated, expanded, contracted, churned, stable, other.
			await page.locator('[data-testid="movements-chart"] svg g[aria-label="bar"] rect').nth(4).click();
			await page.waitForURL((url) => url.pathname === '/lista/retention_event' && url.searchParams.get('key') === 'churned');
			const url = new URL(page.url());
			expect(url.searchParams.get('compare')).toBe('year');
			expect(url.searchParams.get('from')).toBe(PERIOD.from);
			const heading = (await page.textContent('h1'))!;
			expect(heading).toContain(lang === 'es' ? 'Clientes perdidos' : 'Churned clients');
			expect(heading).toContain(lang === 'es' ? 'frente a' : 'against');
			expect(heading).toContain('2025');
			// Who is in it, in a sentence: the event's rule.
			expect(await page.textContent('[data-testid="list-rule"]')).toContain(lang === 'es' ? 'nada (o solo notas de crédito)' : 'nothing (or only credit notes)');
			await expectList(page, expected.churned, lang, 'list-churned');

			// The bridge's churned bar opens the same list; and, for the keyboard, the tables' figures are links.
			await page.goto(`${app.server.url}/activacion?${QUERY}&compare=year&lang=${lang}`);
			await chartsReady(page, ['movements-chart', 'bridge-chart']);
			const links = await page.locator('[data-testid="movements-table"] a[href*="key=churned"], [data-testid="bridge-table"] a[href*="key=churned"]').count();
			expect(links).toBe(2);
			// Bars: previous revenue, new, reactivated, expansion, contraction, churned, other, revenue.
			await page.locator('[data-testid="bridge-chart"] svg g[aria-label="bar"] rect').nth(5).click();
			await page.waitForURL((u) => u.pathname === '/lista/retention_event' && u.searchParams.get('key') === 'churned');
			await page.waitForSelector('[data-testid="list"]');
			expect(Number(await page.getAttribute('[data-testid="list"]', 'data-total'))).toBe(expected.retention.bridge.churned);
			// Back to Activación with the same period and comparison.
			await page.click('[data-testid="list-back"]');
			await page.waitForURL((u) => u.pathname === '/activacion' && u.searchParams.get('compare') === 'year');
			expect(errors).toEqual([]);
			await close();
		}, 90_000);

		it(`Concentración's tier B, Embudo's won stage and Segmentos' active clients open their lists (${lang})`, async () => {
			const { page, errors, close } = await openPage(lang);
			await page.goto(`${app.server.url}/concentracion?${QUERY}&lang=${lang}`);
			await page.waitForSelector('[data-testid="abc-table"]');
			await page.locator('[data-testid="abc-table"] tbody tr').nth(1).locator('a[href*="/lista/abc_tier"]').first().click();
			await page.waitForURL((u) => u.pathname === '/lista/abc_tier' && u.searchParams.get('key') === 'B');
			await expectList(page, expected.tierB, lang, 'list-tier-b');

			await page.goto(`${app.server.url}/embudo?${QUERY}&lang=${lang}`);
			await chartsReady(page, ['funnel-chart']);
			// The funnel's bars: leads, opportunities, quotes, won.
			await page.locator('[data-testid="funnel-chart"] svg g[aria-label="bar"] rect').nth(3).click({ force: true }); // its count is written over it
			await page.waitForURL((u) => u.pathname === '/lista/funnel_stage' && u.searchParams.get('key') === 'won');
			expect((await page.textContent('h1'))!).toContain(lang === 'es' ? 'Oportunidades ganadas' : 'Opportunities won');
			await expectList(page, expected.won, lang, 'list-won');

			// Segmentos by status: the active segment's clients count opens its clients (a client with
			// lines in the period is active unless they net to nothing: the demo has only this segment).
			await page.goto(`${app.server.url}/segmentos?${QUERY}&dim=status&lang=${lang}`);
			await page.locator('[data-testid="segments-table"] a[href*="/lista/segment"][href*="key=active"]').last().click();
			await page.waitForURL((u) => u.pathname === '/lista/segment' && u.searchParams.get('dim') === 'status');
			const active = expected.segments.segments.find((x) => x.value === 'active')!;
			expect(expected.active.count).toBe(active.clients);
			expect(expected.active.total).toBe(active.revenue);
			expect((await page.textContent('h1'))!).toContain(lang === 'es' ? 'Activo' : 'Active');
			await expectList(page, expected.active, lang, 'list-segment-active');
			expect(errors).toEqual([]);
			await close();
		}, 90_000);
	}

	it('the API gives the same list as JSON and as CSV', async () => {
		const res = await app.server.fetch(`${app.server.url}/api/lists/retention_event?${QUERY}&compare=year&key=churned`);
		expect(res.status).toBe(200);
		const doc = (await res.json()) as ListDocument;
		expect(doc.total).toBe(expected.churned.total);
		expect(doc.rows).toEqual(expected.churned.rows);
		const csv = await (await app.server.fetch(`${app.server.url}/api/lists/retention_event?${QUERY}&compare=year&key=churned&format=csv`)).text();
		expect(csv.trimEnd().split('\r\n').length).toBe(doc.count + 1);
		const bad = await app.server.fetch(`${app.server.url}/api/lists/retention_event?${QUERY}&key=lost`);
		expect(bad.status).toBe(400);
		expect(await bad.json()).toMatchObject({ code: 'param_choice', param: 'key' });
		expect((await app.server.fetch(`${app.server.url}/api/lists/nada?key=x`)).status).toBe(404);
	});
});
