// End to end (issue 12, item 7): a workbook kept as people keep it (a cover and notes before the
// sales) dropped on /cargar in headless Chromium. The page reads "Ventas" by itself, offers every
// sheet under Hoja (automatic names the one found) and the report says which was read and which
// were not; choosing the notes says the sheet holds no table and which one does, and the sheet
// list stays so the automatic choice can be taken again.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hydrated } from '../helpers/chromium';
import { newPage, useDemoApp } from '../helpers/demo-app';
import { keptWorkbook } from '../helpers/xlsx-kept-workbook';

const app = useDemoApp({ emptyDatabase: true, prepare: (_db, dir) => keptWorkbook(join(dir, 'ventas-2025.xlsx')) });

/** Waits for the file's preview table or its error, with no request pending. */
async function previewed(page: Page, what: 'preview-table' | 'file-error'): Promise<void> {
	await page.waitForSelector(`[data-testid="file"] [data-testid="${what}"]`, { timeout: 60_000 });
	await page.waitForFunction(() => !document.querySelector('[role="status"]:not([data-testid])'), undefined, { timeout: 60_000 });
}

describe('a workbook with a cover and notes on /cargar', () => {
	it('reads the data sheet by itself, offers the others, and takes a choice back', async () => {
		const { page, errors, close } = await newPage(app);
		await page.goto(`${app.server.url}/cargar?lang=es`);
		await hydrated(page); // a file chosen before hydration reaches no handler
		await page.setInputFiles('[data-testid="file-input"]', [join(app.dir, 'ventas-2025.xlsx')]);
		await previewed(page, 'preview-table');
		const sheet = page.locator('[data-testid="opt-sheet"]');
		expect(await sheet.locator('option').allTextContents()).toEqual(['automático (Ventas)', 'Portada', 'Notas', 'Ventas']);
		expect(await page.locator('[data-testid="preview-table"] th').allTextContents()).toContain('Nº factura');
		await page.waitForSelector('[data-testid="report-file"] [data-testid="warnings"]', { timeout: 60_000 });
		expect(await page.locator('[data-testid="report-file"] [data-testid="warnings"] li').first().textContent()).toBe(
			'Se leyó la hoja "Ventas", la primera con una tabla que Cartera puede cargar; no se leyeron "Portada" y "Notas" (--sheet elige otra).'
		);

		await sheet.selectOption('Notas');
		await previewed(page, 'file-error');
		expect(await page.locator('[data-testid="file"] [data-testid="file-error"]').first().textContent()).toMatch(
			/la hoja "Notas" no tiene ninguna tabla que Cartera pueda cargar; la hoja "Ventas" sí/
		);
		expect(await sheet.locator('option').allTextContents()).toEqual(['automático', 'Portada', 'Notas', 'Ventas']);

		await sheet.selectOption('');
		await previewed(page, 'preview-table');
		expect(await sheet.locator('option').first().textContent()).toBe('automático (Ventas)');
		expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
		expect((await page.context().request.get(`${app.server.url}/api/metrics/kpis`)).status()).toBe(200);
		await close();
	}, 120_000);
});
