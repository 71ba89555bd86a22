// The commercial process's KPIs in the browser (issue 15): Resumen shows their five tiles with the
// kpis document's values and statuses, in Spanish and English; Ajustes saves a new band for one of
// them (typed in money, not per cent), which changes its status on Resumen and in the API and is
// kept in the change history; Embudo shows the register's prospect size with the definition used.
import { describe, expect, it } from 'vitest';
import type { KpisDocument } from '../../src/lib/server/metrics/kpis';
import type { ProspectSizeDocument } from '../../src/lib/server/metrics/prospect-size';
import { formatKpi } from '../../src/lib/kpi-units';
import { hydrated } from '../helpers/chromium';
import { openPage, useDemoApp, withLang } from '../helpers/demo-app';

const PROCESS = ['quotes_per_month', 'prospect_size', 'repeat_rate', 'prospect_conversion_rate', 'win_rate'] as const;
const app = useDemoApp();

async function api<T>(path: string): Promise<T> {
	return (await (await app.server.fetch(`${app.server.url}${path}`)).json()) as T;
}
// Chromium keeps Spanish's minimum grouping (9973,10 but 12.345,67); Node's ICU may group 4 digits:
// compare without the grouping separator.
const ungrouped = (text: string, lang: 'es' | 'en') => text.replaceAll(lang === 'es' ? '.' : ',', '');
const kpi = async (id: string) => (await api<KpisDocument>('/api/metrics/kpis')).kpis.find((k) => k.id === id)!;

const open = (lang: 'es' | 'en', path: string) => openPage(app, withLang(path, lang), { lang });

describe('the commercial process KPIs', () => {
	it('Resumen shows the five tiles with the kpis document’s values and statuses, in both languages', async () => {
		const doc = await api<KpisDocument>('/api/metrics/kpis');
		for (const lang of ['es', 'en'] as const) {
			const { page, errors } = await open(lang, '/');
			for (const id of PROCESS) {
				const k = doc.kpis.find((x) => x.id === id)!;
				expect(k.value, id).not.toBeNull();
				const tile = page.locator(`[data-testid="kpi-${id}"]`);
				expect(ungrouped(await tile.locator('.kpi__value').innerText(), lang), `${lang} ${id}`).toBe(ungrouped(formatKpi(id, k.value, lang, 'Bs.'), lang));
				expect(await tile.locator('.status').getAttribute('data-status'), `${lang} ${id}`).toBe(k.status);
			}
			const heading = await page.locator('#process-title').innerText();
			expect(heading).toContain(lang === 'es' ? 'Proceso comercial' : 'Commercial process');
			expect(errors).toEqual([]);
			await page.context().close();
		}
	}, 120_000);

	it('Ajustes saves a prospect-size band in money, which changes its status on Resumen and is kept in the history', async () => {
		// The demo's prospect size (some thousands of Bs. a year) is below the default approval (10 000).
		const before = await kpi('prospect_size');
		expect(before.value!).toBeLessThan(10000);
		expect(before.status).not.toBe('approved');
		// New bands around the value, typed in money: approved from its whole amount down.
		const approve = Math.floor(before.value!);
		const [observe, reject] = [Math.floor(approve / 2), Math.floor(approve / 4)];
		const { page, errors } = await open('es', '/ajustes');
		const card = page.locator('[data-testid="bands-prospect_size"]');
		expect(await card.locator('label').first().innerText()).toContain('Bs. al año');
		await card.locator('input[name="approve"]').fill(String(approve));
		await card.locator('input[name="observe"]').fill(String(observe));
		await card.locator('input[name="reject"]').fill(String(reject));
		await card.locator('input[name="comment"]').fill('meta del tamaño de prospecto');
		await card.locator('button[type="submit"]').click();
		await card.locator('.saved').waitFor();

		const after = await kpi('prospect_size');
		expect(after.thresholds).toEqual({ direction: 'higher', approve, observe, reject });
		expect(after.status).toBe('approved');
		await page.reload();
		await hydrated(page);
		expect(await page.locator('[data-testid="history-table"] tr').filter({ hasText: 'meta del tamaño de prospecto' }).first().innerText()).toContain('Tamaño de prospecto (por año)');

		await page.goto(`${app.server.url}/`);
		expect(await page.getAttribute('[data-testid="kpi-prospect_size"] .status', 'data-status')).toBe('approved');
		expect(errors).toEqual([]);
		await page.context().close();
	}, 120_000);

	it('Embudo shows the register’s prospect size per year and the definition it used', async () => {
		const size = await api<ProspectSizeDocument>('/api/metrics/prospect_size');
		for (const lang of ['es', 'en'] as const) {
			const { page, errors } = await open(lang, '/embudo');
			const tile = page.locator('[data-testid="tile-prospect-size-year"]');
			expect(ungrouped(await tile.locator('.kpi__value').innerText(), lang)).toBe(ungrouped(formatKpi('prospect_size', size.value, lang, 'Bs.'), lang));
			// The demo declares no potential: every size comes from a year of opportunities.
			expect(size.basis).toBe('opportunities');
			const n = String(size.from_opportunities);
			expect(ungrouped(await tile.locator('.kpi__sublabel').innerText(), lang)).toContain(lang === 'es' ? `oportunidades de un año (${n} prospectos)` : `a year of their opportunities (${n} prospects)`);
			expect(errors).toEqual([]);
			await page.context().close();
		}
	}, 120_000);
});
