// End to end: /cargar and /cargar/historial on the built app, driven by a headless Chromium, on a
// temporary database holding a few invoices (no demo data). Three files are dropped at once: a
// real Windows-1252 export (Tableau Superstore), a UTF-8 file with a BOM written as Excel's
// "CSV UTF-8" does, and an .xlsx written here from the real Superstore export. One mapping is
// changed, the report read, the load committed; the overview's revenue changes; the batches are
// undone from the history page and the revenue returns exactly. Screenshots in es and en.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { hydrated } from '../helpers/chromium';
import { useDemoApp } from '../helpers/demo-app';
import { folderAt } from '../helpers/temp-db';
import { superstoreXlsx } from '../helpers/xlsx-fixture';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });
const REAL = join(process.cwd(), '..', 'shared', 'data', 'real');
// Windows-1252 (0xA0, 0x93/0x94, ä ö é). The real Latin-1 Neptuno files are not recognised by their
// headers (KeyCliente, CodigoCliente…) and a user mapping cannot yet rescue them (see the report).
const CP1252 = join(REAL, 'tableau-sample-superstore', 'Sample - Superstore.csv');
const OVERVIEW = '/?from=2014-01&to=2025-12';
const XLSX_ROWS = 1500;

let context: BrowserContext | undefined;
const errors: string[] = [];

const app = useDemoApp({
	emptyDatabase: true,
	prepare: async (db, dir) => {
		const folder = folderAt(dir);
		folder.write(
			'facturas-bom.csv',
			'\uFEFFNº factura;Fecha;Código cliente;Importe;Tipo documento\r\n' +
				'N-1;03/02/2025;ALFKI;1.234,50;Factura\r\nN-2;04/02/2025;ANATR;99,90;Factura\r\nN-3;05/02/2025;ALFKI;-10,00;Abono\r\nN-4;06/02/2025;ANATR;abc;Factura\r\n'
		);
		await superstoreXlsx(folder.path('superstore.xlsx'), { rows: XLSX_ROWS });
		const seed = folder.write('seed.csv', 'Nº factura;Fecha;Código cliente;Importe\r\nS-1;10/01/2025;C1;100,00\r\nS-2;11/01/2025;C2;250,00\r\n');
		await ingestFiles(db, [{ path: seed, name: 'seed.csv' }], { loadedBy: 'seed' });
	}
});
const bom = () => join(app.dir, 'facturas-bom.csv');
const xlsx = () => join(app.dir, 'superstore.xlsx');

async function openPage(): Promise<Page> {
	context ??= await app.browser.newContext({ extraHTTPHeaders: app.server.auth, viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
	});
	page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
	return page;
}

async function revenue(page: Page): Promise<string> {
	await page.goto(`${app.server.url}${OVERVIEW}`);
	return (await page.textContent('[data-testid="kpi-revenue"] .kpi__value'))!.trim();
}

/** Waits until every file has its preview and every report is in. */
async function settled(page: Page, files: number): Promise<void> {
	await page.waitForFunction(
		(n) =>
			document.querySelectorAll('[data-testid="file"] [data-testid="preview-table"], [data-testid="file"] [data-testid="file-error"]').length >= n &&
			!document.querySelector('[role="status"]:not([data-testid])') &&
			document.querySelectorAll('[data-testid="report-file"], [data-testid="report-error"]').length > 0,
		files,
		{ timeout: 60_000 }
	);
}

describe('upload in the browser', () => {
	let before: string;

	it('previews three files, takes a mapping change, reports, commits and changes the overview', async () => {
		const page = await openPage();
		await page.goto(`${app.server.url}/?lang=es`);
		before = await revenue(page);
		await page.click('nav a[href^="/cargar"]');
		await page.waitForURL(/\/cargar/);
		expect(await page.textContent('h1')).toBe('Cargar datos');

		await page.setInputFiles('[data-testid="file-input"]', [CP1252, bom(), xlsx()]);
		await settled(page, 3);
		const file = (name: string) => page.locator(`[data-testid="file"][data-name="${name}"]`);
		// detected settings, shown as the selects' automatic choice
		expect(await file('Sample - Superstore.csv').locator('[data-testid="opt-encoding"] option').first().textContent()).toBe('automático (windows-1252)');
		expect(await file('facturas-bom.csv').locator('[data-testid="opt-encoding"] option').first().textContent()).toBe('automático (utf-8)');
		expect(await file('facturas-bom.csv').locator('[data-testid="opt-delimiter"] option').first().textContent()).toBe('automático (punto y coma (;))');
		expect(await file('superstore.xlsx').locator('[data-testid="opt-kind"] option').first().textContent()).toBe('automático (facturas)');
		expect(await file('Sample - Superstore.csv').locator('[data-testid="opt-date-order"] option').first().textContent()).toBe('automático (mes/día/año)');
		// the xlsx's dates and numbers as the pipeline reads them
		const xrow = await file('superstore.xlsx').locator('[data-testid="preview-table"] tbody tr').first().textContent();
		expect(xrow).toContain('2016-11-08');
		expect(xrow).toContain('261.96');

		// one mapping changed: the document type of the BOM file to "(none)", so the credit note counts as an invoice line
		const docType = file('facturas-bom.csv').locator('[data-testid="mapping-table"] tr[data-column="doc_type"] select');
		expect(await docType.inputValue()).toBe('Tipo documento');
		await docType.selectOption('');
		await page.waitForFunction(() =>
			[...document.querySelectorAll('[data-testid="file"][data-name="facturas-bom.csv"] tr[data-column="doc_type"] td')].some((td) => td.textContent === 'sin columna')
		);
		await settled(page, 3);

		// the report: the rejected line of the BOM file named with its line, what identifies it (number, client, date), column, value and reason
		const bomReport = page.locator('[data-testid="report-file"][data-name="facturas-bom.csv"]');
		expect(await bomReport.locator('[data-testid="rows-read"]').textContent()).toBe('4');
		expect(await bomReport.locator('[data-testid="will-load"]').textContent()).toBe('3');
		const rejected = bomReport.locator('[data-testid="rejections"] tbody tr').first().locator('td');
		expect(await rejected.allTextContents()).toEqual(['5', 'N-4', 'ANATR', '06/02/2025', 'Importe', 'abc', 'se esperaba un número como 1.234,56']);
		const xReport = page.locator('[data-testid="report-file"][data-name="superstore.xlsx"]');
		expect(await xReport.locator('[data-testid="rows-read"]').textContent()).toBe('1.500'); // counts are grouped too (issue 17)
		expect(await xReport.locator('[data-testid="date-range"]').textContent()).toMatch(/2014.*2017/);
		const csvReport = page.locator('[data-testid="report-file"][data-name="Sample - Superstore.csv"]');
		// 9994 records, none rejected (real-expected.md §2)
		expect(await csvReport.locator('[data-testid="will-load"]').textContent()).toBe('9.994');
		// Σ Sales 2297200.8603 (real-expected.md §2), shown to the cent
		expect(await csvReport.locator('[data-testid="amount-total"]').textContent()).toBe('2.297.200,86');
		await page.screenshot({ path: join(SHOTS, 'cargar-es.png'), fullPage: true });

		await page.click('[data-testid="commit"]');
		await page.waitForSelector('[data-testid="done"]', { timeout: 60_000 });
		expect(await page.textContent('[data-testid="done"]')).toContain('superstore.xlsx: 1.500 filas cargadas');
		await page.click('[data-testid="to-dashboard"]');
		const after = await revenue(page);
		expect(after).not.toBe(before);
		await page.close();
	}, 120_000);

	it('recognises the same file as already loaded', async () => {
		const page = await openPage();
		await page.goto(`${app.server.url}/cargar`);
		// A file chosen before the page hydrates reaches no handler: nothing would ever be previewed.
		await hydrated(page);
		await page.setInputFiles('[data-testid="file-input"]', [bom()]);
		await settled(page, 1);
		expect(await page.textContent('[data-testid="already-loaded"]')).toMatch(/ya se cargó el .* \(lote \d+\)/);
		await page.close();
	}, 60_000);

	it('says why a file is refused in Spanish, as the server says it', async () => {
		const page = await openPage();
		const seen = errors.length;
		await page.goto(`${app.server.url}/cargar`);
		// A file chosen before the page hydrates reaches no handler: nothing would ever be previewed.
		await hydrated(page);
		await page.setInputFiles('[data-testid="file-input"]', [folderAt(app.dir).write('vacio.csv', '')]);
		await page.waitForSelector('[data-testid="upload-error"]');
		expect(await page.textContent('[data-testid="upload-error"]')).toBe('vacio.csv: el archivo está vacío.');
		await page.close();
		// the refusal itself is a 400 the browser logs: expected here, any other error still counts
		errors.push(...errors.splice(seen).filter((e) => !e.includes('status of 400 (Bad Request)')));
	}, 60_000);

	it('undoes the three batches from the history and the overview returns exactly', async () => {
		const page = await openPage();
		await page.goto(`${app.server.url}/cargar/historial`);
		const rows = page.locator('[data-testid="batches"] tbody tr');
		expect(await rows.count()).toBe(4); // seed + the three files
		await page.screenshot({ path: join(SHOTS, 'historial-es.png'), fullPage: true });
		for (let i = 0; i < 3; i++) {
			await page.locator('[data-testid="batches"] tbody tr [data-testid="undo"]').first().click();
			await page.click('[data-testid="confirm-undo"]');
			await page.waitForSelector('[data-testid="undo-ok"]');
			await page.waitForFunction((n) => document.querySelectorAll('[data-testid="batches"] [data-testid="undone"]').length === n, i + 1);
		}
		expect(await page.locator('[data-testid="batches"] [data-testid="undone"]').count()).toBe(3);
		expect(await revenue(page)).toBe(before);
		await page.close();
	}, 120_000);

	it('reads in English, with screenshots of both pages', async () => {
		const page = await openPage();
		await page.goto(`${app.server.url}/cargar?lang=en`);
		expect(await page.textContent('h1')).toBe('Load data');
		await hydrated(page);
		await page.setInputFiles('[data-testid="file-input"]', [bom(), xlsx()]);
		await settled(page, 2);
		const bomReport = page.locator('[data-testid="report-file"][data-name="facturas-bom.csv"]');
		expect(await bomReport.locator('[data-testid="rejections"] tbody tr').first().locator('td').last().textContent()).toBe('expected a number like 1.234,56');
		await page.screenshot({ path: join(SHOTS, 'cargar-en.png'), fullPage: true });
		await page.goto(`${app.server.url}/cargar/historial`);
		expect(await page.textContent('h1')).toBe('Upload history');
		await page.screenshot({ path: join(SHOTS, 'historial-en.png'), fullPage: true });
		await page.goto(`${app.server.url}/?lang=es`);
		await page.close();
		expect(errors).toEqual([]);
	}, 120_000);
});
