// End to end (issue 14, "one truth per figure"), in Spanish and English on the demo:
// (a) a KPI under a product-line filter is shown without a verdict and says the thresholds are the
//     portfolio's; once a threshold is saved for that segment (through Ajustes), it is judged and
//     says which threshold; (b) after loading invoices dated only Nov 1–5 2026, November is
//     provisional: projected, marked, never rejected, and the growth tile judges October;
// (c) the growth tile shows the same month a year before beside its month-on-month growth.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney, formatMonth, formatNumber, formatPercentChange } from '../../src/lib/format';
import type { Lang } from '../../src/lib/i18n/lang';
import { Database } from '../../src/lib/server/db/database';
import { copyDemoDatabase } from '../helpers/demo-database';
import type { GrowthDocument } from '../../src/lib/server/metrics/documents';
import type { KpisDocument } from '../../src/lib/server/metrics/kpis';
import { openPage, useDemoApp, withLang } from '../helpers/demo-app';
import { loadPartialNovember } from '../helpers/partial-november';
import { startServer, type RunningServer } from '../helpers/server';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });
const FILTER = 'product_line=Mobiliario';
const LANGS: Lang[] = ['es', 'en'];
const NOTE = { es: 'Sin veredicto: los umbrales son los de toda la cartera', en: "No verdict: the thresholds are the whole portfolio's" };
const SCOPED = { es: 'Umbral de Línea de producto = Mobiliario', en: 'Threshold for Product line = Mobiliario' };

// A second copy for (b), a partial November.
const app = useDemoApp({ prepare: (_db, dir) => copyDemoDatabase(join(dir, 'november.duckdb')) });
const open = (s: RunningServer, lang: Lang, path: string) => openPage({ ...app, server: s }, withLang(path, lang), { lang });

async function api<T>(s: RunningServer, path: string): Promise<T> {
	const response = await s.fetch(`${s.url}${path}`);
	expect(response.status).toBe(200);
	return (await response.json()) as T;
}

const tile = (id: string) => `[data-testid="kpi-${id}"]`;

describe('thresholds under a filter', () => {
	it('shows the segment’s activation rate with no verdict and a note, in each language', async () => {
		const k = (await api<KpisDocument>(app.server, `/api/metrics/kpis?${FILTER}`)).kpis.find((x) => x.id === 'activation_rate')!;
		// The segment's rate is below the portfolio's reject band (25 %): it would read "Rechazado".
		expect(k.value).toBeLessThan(0.25);
		expect(k).toMatchObject({ status: null, threshold_scope: null });
		for (const lang of LANGS) {
			const { page, errors, close } = await open(app.server, lang, `/?${FILTER}`);
			const t = page.locator(tile('activation_rate'));
			expect(await t.locator('.status').count()).toBe(0);
			expect(await page.locator('[data-status="rejected"]').count()).toBe(0); // the hint still names the portfolio's bands
			expect(await t.locator('[data-testid="kpi-activation_rate-verdict"]').textContent()).toBe(NOTE[lang]);
			// No tile of the filtered page carries a verdict: every threshold is the portfolio's.
			expect(await page.locator('.kpi-grid .status').count()).toBe(0);
			// Nor the months of the revenue chart, which say so.
			expect(await page.textContent('[data-testid="revenue-chart-verdict"]')).toBe(NOTE[lang]);
			await page.screenshot({ path: join(SHOTS, `verdicts-filtered-${lang}.png`), fullPage: true });
			expect(errors).toEqual([]);
			await close();
		}
	});

	it('Concentración and Pronóstico show the segment’s figures without a verdict too', async () => {
		for (const lang of LANGS) {
			const { page: conc, errors, close } = await open(app.server, lang, `/concentracion?${FILTER}`);
			expect(await conc.locator('[data-testid="conc-hhi"] .status').count()).toBe(0);
			expect(await conc.textContent('[data-testid="conc-hhi-verdict"]')).toBe(NOTE[lang]);
			expect(await conc.textContent('[data-testid="conc-top10-verdict"]')).toBe(NOTE[lang]);
			await conc.goto(`${app.server.url}/pronostico?${FILTER}`);
			expect(await conc.locator('[data-testid="tile-hit-rate"] .status').count()).toBe(0);
			expect(await conc.textContent('[data-testid="tile-hit-rate-verdict"]')).toBe(NOTE[lang]);
			expect(errors).toEqual([]);
			await close();
		}
	});

	it('judges it by a threshold saved for that segment in Ajustes, and says which', async () => {
		const { page, errors, close } = await open(app.server, 'es', '/ajustes');
		const card = page.locator('[data-testid="bands-activation_rate"]');
		await card.locator('input[name="approve"]').fill('15');
		await card.locator('input[name="observe"]').fill('10');
		await card.locator('input[name="reject"]').fill('5');
		await card.locator('select[name="scope_dim"]').selectOption('product_line');
		await card.locator('input[name="scope_value"]').fill('Mobiliario');
		await card.locator('button[type="submit"]').click();
		await card.locator('.saved').waitFor();
		expect(errors).toEqual([]);
		await close();

		const k = (await api<KpisDocument>(app.server, `/api/metrics/kpis?${FILTER}`)).kpis.find((x) => x.id === 'activation_rate')!;
		// ≥ 15 %: approved by Mobiliario's own bands.
		expect(k.value).toBeGreaterThanOrEqual(0.15);
		expect(k).toMatchObject({ status: 'approved', threshold_scope: { dim: 'product_line', value: 'Mobiliario' } });
		// The portfolio keeps its own bands and verdict.
		const all = (await api<KpisDocument>(app.server, '/api/metrics/kpis')).kpis.find((x) => x.id === 'activation_rate')!;
		expect(all).toMatchObject({ status: 'approved', threshold_scope: null, thresholds: { approve: 0.6 } });

		for (const lang of LANGS) {
			const { page, errors, close } = await open(app.server, lang, `/?${FILTER}`);
			const t = page.locator(tile('activation_rate'));
			expect(await t.locator('.status').getAttribute('data-status')).toBe('approved');
			expect(await t.locator('[data-testid="kpi-activation_rate-verdict"]').textContent()).toBe(SCOPED[lang]);
			// Another KPI of the same page still has only the portfolio's: no verdict.
			expect(await page.locator(`${tile('quote_hit_rate')} .status`).count()).toBe(0);
			expect(errors).toEqual([]);
			await close();
		}
		// Activación says the same.
		const { page: act, close: closeAct } = await open(app.server, 'es', `/activacion?${FILTER}`);
		expect(await act.locator('[data-testid="tile-activation-rate"] .status').getAttribute('data-status')).toBe('approved');
		expect(await act.textContent('[data-testid="tile-activation-rate-verdict"]')).toBe(SCOPED.es);
		await closeAct();
	});
});

describe('the same month a year before', () => {
	it('the growth tile shows it beside month-on-month growth, with that month’s revenue', async () => {
		const kpis = await api<KpisDocument>(app.server, '/api/metrics/kpis');
		const growth = kpis.kpis.find((x) => x.id === 'growth')!;
		const g = await api<GrowthDocument>(app.server, `/api/metrics/growth?from=${growth.month}&to=${growth.month}`);
		const month = g.months[0]!;
		expect(month.yoy).not.toBeNull();
		const words = { es: 'Mismo mes del año anterior', en: 'Same month last year' };
		for (const lang of LANGS) {
			const { page, errors, close } = await open(app.server, lang, '/');
			const line = await page.textContent('[data-testid="kpi-growth-yoy"]');
			expect(line).toContain(`${words[lang]}: ${formatPercentChange(month.yoy!, lang)}`);
			expect(line).toContain(formatMoney(month.revenue_year_before, lang, 'Bs.'));
			// The chart's data table has the column too.
			expect(await page.locator('[data-testid="months-table"] th', { hasText: words[lang] }).count()).toBe(1);
			// And the revenue chart's tooltip on that month (the last bar): its YoY and that month's revenue.
			await page.waitForFunction(() => {
				const box = document.querySelector('[data-testid="revenue-chart"]');
				const svg = box?.querySelector('svg');
				return !!box && !!svg && Number(svg.getAttribute('width')) === box.clientWidth;
			});
			await page.locator('[data-testid="revenue-chart"] svg g[aria-label="bar"] rect').last().hover();
			const tip = page.locator('[data-testid="revenue-chart"] svg g[aria-label="tip"]');
			await tip.waitFor();
			const tipText = (await tip.textContent()) ?? '';
			expect(tipText).toContain(words[lang]);
			expect(tipText).toContain(`${formatPercentChange(month.yoy!, lang)} (${formatMoney(month.revenue_year_before, lang, 'Bs.')})`);
			await page.screenshot({ path: join(SHOTS, `verdicts-resumen-${lang}.png`), fullPage: true });
			expect(errors).toEqual([]);
			await close();
		}
	});
});

describe('a partial November', () => {
	let nov: RunningServer | undefined;
	// The partial November file (tests/helpers/partial-november.ts): 5 000,00, projected to 30 000,00.
	beforeAll(async () => {
		const path = join(app.dir, 'november.duckdb');
		const db = await Database.open(path);
		await loadPartialNovember(db, app.dir);
		await db.close();
		nov = await startServer(path);
	});
	afterAll(async () => {
		await nov?.stop();
	});

	it('is provisional and projected, never rejected; the growth tile judges October', async () => {
		const period = 'from=2025-12&to=2026-11';
		const g = await api<GrowthDocument>(nov!, `/api/metrics/growth?${period}`);
		const november = g.months.find((m) => m.month === '2026-11')!;
		expect(november).toMatchObject({ revenue: 5000, status: null, partial: true, provisional: true, projected_revenue: 30000 });
		expect(november.mom!).toBeLessThan(0); // as loaded, a collapse
		const k = (await api<KpisDocument>(nov!, `/api/metrics/kpis?${period}`)).kpis.find((x) => x.id === 'growth')!;
		expect(k.month).toBe('2026-10');
		// The default period ends on October, the last complete month.
		const byDefault = (await api<KpisDocument>(nov!, '/api/metrics/kpis')).as_of;
		expect(byDefault).toBe('2026-10-31');

		const words = {
			es: { month: 'nov 2026', provisional: 'Provisional (datos incompletos)', projected: 'proyectado' },
			en: { month: 'Nov 2026', provisional: 'Provisional (incomplete data)', projected: 'projected' }
		};
		for (const lang of LANGS) {
			const { page, errors, close } = await open(nov!, lang, `/?${period}`);
			const growth = page.locator(tile('growth'));
			expect(await growth.locator('.status').getAttribute('data-status')).not.toBe('rejected');
			expect(await growth.locator('.kpi__sublabel').textContent()).toContain(formatMonth('2026-10', lang));
			const line = (await growth.locator('[data-testid="kpi-growth-provisional"]').textContent())!;
			expect(line).toContain(formatMonth('2026-11', lang));
			expect(line).toContain(words[lang].projected);
			expect(line).toContain(formatMoney(30000, lang, 'Bs.'));
			// The chart's data table marks November provisional, with its projection.
			const row = page.locator('[data-testid="months-table"] tr', { hasText: words[lang].month });
			expect(await row.textContent()).toContain(words[lang].provisional);
			expect(await row.textContent()).toContain(formatNumber(30000, lang, 2));
			await page.screenshot({ path: join(SHOTS, `verdicts-november-${lang}.png`), fullPage: true });
			expect(errors).toEqual([]);
			await close();
		}
	});
});
