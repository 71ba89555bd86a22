// Ajustes in the browser: the preview follows the bands being typed, a bad value is refused at
// its field and nothing is stored, and a new growth target changes the overview's growth status
// and the kpis document at once.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { KpisDocument } from '../../src/lib/server/metrics/kpis';
import { openPage, useDemoApp } from '../helpers/demo-app';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });

const app = useDemoApp();

async function growthKpi() {
	const doc = (await (await app.server.fetch(`${app.server.url}/api/metrics/kpis`)).json()) as KpisDocument;
	return doc.kpis.find((k) => k.id === 'growth')!;
}

const open = (lang: 'es' | 'en') => openPage(app, '/ajustes', { lang, viewport: { width: 1280, height: 720 } });

describe('Ajustes', () => {
	it('previews the typed bands, refuses a bad value at its field, and a new target changes the overview', async () => {
		const { page, errors } = await open('es');
		const card = page.locator('[data-testid="bands-growth"]');
		// The demo's last month grows +0,5 %: observed under the default bands (approve ≥ 10 %, observe < 5 %).
		const before = await growthKpi();
		expect(before.status).toBe('observed');
		await page.goto(`${app.server.url}/`);
		expect(await page.getAttribute('[data-testid="kpi-growth"] .status', 'data-status')).toBe('observed');
		await page.goto(`${app.server.url}/ajustes`);

		// Typing opens the preview, which judges the months with the typed bands next to the saved ones.
		await card.locator('input[name="observe"]').fill('0');
		await card.locator('input[name="reject"]').fill('-1');
		await page.waitForSelector('[data-testid="preview-growth"][open]');
		const changed = await page.locator('[data-testid="preview-growth"] tr.changed').count();
		expect(changed).toBeGreaterThan(0);

		// Bands out of order: refused at the field, nothing stored.
		await card.locator('input[name="approve"]').fill('-5');
		await card.locator('button[type="submit"]').click();
		await card.locator('.field-error').waitFor();
		expect(await card.locator('input[name="observe"]').getAttribute('aria-invalid')).toBe('true');
		expect((await growthKpi()).status).toBe('observed');
		// In the page's language, naming the limit it crosses (issue 17).
		expect(await card.locator('.field-error').innerText()).toBe('Debe ser igual o menor que «Aprobado desde».');
		// A rejection limit above the observation one is refused at the rejection field.
		await card.locator('input[name="approve"]').fill('10');
		await card.locator('input[name="observe"]').fill('5');
		await card.locator('input[name="reject"]').fill('8');
		await card.locator('button[type="submit"]').click();
		await card.locator('input[name="reject"][aria-invalid="true"]').waitFor();
		expect(await card.locator('input[name="observe"]').getAttribute('aria-invalid')).toBe('false');
		expect(await card.locator('.field-error').innerText()).toBe('Debe ser igual o menor que «Observado por debajo de».');
		// Each field says what its limit means under the rule (higher is better here; HHI is lower).
		const labels = await card.locator('label.field > span').allInnerTexts();
		expect(labels.slice(0, 3)).toEqual(['Aprobado desde (%)', 'Observado por debajo de (%)', 'Rechazado por debajo de (%)']);
		const hhi = await page.locator('[data-testid="bands-hhi"] label.field > span').allInnerTexts();
		expect(hhi[0]).toMatch(/^Aprobado hasta /);
		expect(hhi[2]).toMatch(/^Rechazado por encima de /);
		await card.locator('input[name="observe"]').fill('0');
		await card.locator('input[name="reject"]').fill('-1');

		// approve ≥ 0 %, observe below 0 %, reject below −1 %: +0,5 % is now approved.
		await card.locator('input[name="approve"]').fill('0');
		const comment = 'meta de mantenimiento: el directorio acordó en la reunión de octubre aceptar un crecimiento nulo mientras dure la renegociación con los distribuidores del sur';
		await card.locator('input[name="comment"]').fill(comment);
		await card.locator('button[type="submit"]').click();
		await card.locator('.saved').waitFor();
		const after = await growthKpi();
		expect(after.status).toBe('approved');
		expect(after.thresholds).toEqual({ approve_at: 0, observe_below: 0, reject_below: -0.01 });
		expect(await page.textContent('[data-testid="history-table"]')).toContain(comment);
		// A long comment wraps in its cell: the history shows every column without scrolling sideways.
		const history = page.locator('[data-testid="history-table"] .data-table__scroll');
		expect(await history.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);

		await page.goto(`${app.server.url}/`);
		expect(await page.getAttribute('[data-testid="kpi-growth"] .status', 'data-status')).toBe('approved');
		await page.goto(`${app.server.url}/ajustes`);
		await page.screenshot({ path: join(SHOTS, 'ajustes-es.png'), fullPage: true });
		expect(errors).toEqual([]);
		await page.context().close();
	});

	it('reads in English, definitions refused at their field', async () => {
		const { page, errors } = await open('en');
		expect(await page.textContent('h1')).toBe('Thresholds and definitions');
		const form = page.locator('[data-testid="definitions"]');
		await form.locator('input[name="window_days"]').fill('0');
		await form.locator('button[type="submit"]').click();
		await form.locator('.field-error').waitFor();
		expect(await form.locator('input[name="window_days"]').getAttribute('aria-invalid')).toBe('true');
		expect(await form.locator('.field-error').innerText()).toBe('Type a whole number of days, from 1 to 3,650.');
		await page.screenshot({ path: join(SHOTS, 'ajustes-en.png'), fullPage: true });
		expect(errors).toEqual([]);
		await page.context().close();
	});
});
