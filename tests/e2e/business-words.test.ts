// End to end (issue 17): no page shows a user a command, a code identifier, raw JSON, an ISO
// timestamp or a date format as code. Every page (tests/helpers/pages.ts) in both languages, as
// the admin on the demo with a threshold and a definition changed (so Ajustes has a history and
// rules), is read as the user sees it (the rendered text) and searched for each. Cargar datos is
// also read with files chosen: the preview, the column mapping (field names, formats) and the
// check report only appear then.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveSetting } from '../../src/lib/server/metrics/settings-store';
import { hydrated } from '../helpers/chromium';
import { openPage, useDemoApp } from '../helpers/demo-app';
import { pagesOf, SIGNED_OUT_PAGES, type PageUrl } from '../helpers/pages';
import { TEST_ADMIN } from '../helpers/server';

/** What a user must never read, each with the reason a failure names. */
export const DEVELOPER_WORDS: { what: string; pattern: RegExp }[] = [
	{ what: 'a command', pattern: /npm run|npx |--[a-z]+/ },
	// A file's name is the user's own (facturas_2026.csv): not an identifier.
	{ what: 'a code identifier (snake_case)', pattern: /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b(?!\.[a-z]{2,4}\b)/ },
	{ what: 'raw JSON', pattern: /\{"|":\s*[\d"{[]/ },
	{ what: 'an ISO timestamp', pattern: /\d{4}-\d\d-\d\d[T ]\d\d:\d\d/ },
	{ what: 'a date format as code', pattern: /%[dmYyHMS]/ }
];

/** Each developer word in `text`, with some context around it. */
export function developerWords(text: string): string[] {
	return DEVELOPER_WORDS.flatMap(({ what, pattern }) => {
		const m = new RegExp(pattern.source, 'g').exec(text);
		return m ? [`${what}: «${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40).replace(/\s+/g, ' ')}»`] : [];
	});
}

let pages: PageUrl[];
const app = useDemoApp({
	prepare: async (db) => {
		await saveSetting(db, { key: 'thresholds.activation_rate', value: { direction: 'higher', approve: 0.33, observe: 0.2, reject: 0.1 }, by: TEST_ADMIN.name });
		await saveSetting(db, { key: 'growth', value: { approve_at: 0.12, observe_below: 0.05, reject_below: 0 }, effective_from: '2026-06', by: TEST_ADMIN.name });
		await saveSetting(db, { key: 'min_amount', value: 1500, by: TEST_ADMIN.name });
		pages = await pagesOf(db);
	}
});

describe('the words a user reads', () => {
	it('the search finds each kind of developer word', () => {
		expect(developerWords('Carga el archivo (npm run ingest -- a.csv)')).toHaveLength(1);
		expect(developerWords('demo/facturas_2026.csv')).toEqual([]);
		expect(developerWords('{"direction":"higher","approve":0.33}')).toHaveLength(1);
		expect(developerWords('invoice_id · 2026-12-03T14:22:00Z · %d/%m/%Y')).toHaveLength(3);
		expect(developerWords('Creado 2026-12-03 14:22')).toHaveLength(1);
		expect(developerWords('Importe 9.767,00 Bs. · 3 dic 2026, 14:22 · día/mes/año')).toEqual([]);
	});

	it.each(['es', 'en'] as const)('no page shows a command, identifier, JSON, ISO time or date code (%s)', async (lang) => {
		const context = await app.browser.newContext({ locale: lang === 'es' ? 'es-BO' : 'en-US', extraHTTPHeaders: app.server.auth });
		const anonymous = await app.browser.newContext({ locale: lang === 'es' ? 'es-BO' : 'en-US' });
		const found: string[] = [];
		for (const [ctx, list] of [[context, pages], [anonymous, SIGNED_OUT_PAGES]] as const) {
			const page = await ctx.newPage();
			for (const p of list) {
				await page.goto(app.server.url + p.path);
				await hydrated(page);
				await page.waitForLoadState('networkidle');
				expect(await page.getAttribute('html', 'lang'), p.path).toBe(lang);
				for (const word of developerWords(await page.innerText('body'))) found.push(`${p.name} (${p.path}): ${word}`);
			}
		}
		await context.close();
		await anonymous.close();
		expect(found).toEqual([]);
	}, 240_000);

	/** Chooses `files` on Cargar datos and waits until each has its mapping and the check has answered. */
	async function chosen(lang: 'es' | 'en', files: string[]) {
		const opened = await openPage(app, `/cargar?lang=${lang}`, { lang });
		await opened.page.setInputFiles('[data-testid="file-input"]', files);
		await opened.page.waitForFunction(
			(n) =>
				document.querySelectorAll('[data-testid="mapping-table"]').length === n &&
				document.querySelectorAll('[data-testid="report-file"], [data-testid="report-error"]').length > 0 &&
				!document.querySelector('[role="status"]:not([data-testid])'),
			files.length,
			{ timeout: 60_000 }
		);
		return opened;
	}

	/** The developer words in what the page shows, and what it says on hover or to a screen reader inside the chosen files' panels. */
	async function uploadWords(page: Page): Promise<string[]> {
		const hints = await page.$$eval('[data-testid="file"] [title], [data-testid="file"] [aria-label], [data-testid="report"] [title]', (els) =>
			els.flatMap((el) => [el.getAttribute('title'), el.getAttribute('aria-label')]).filter((v): v is string => !!v)
		);
		return [...developerWords(await page.innerText('body')), ...hints.flatMap((h) => developerWords(h))];
	}

	it.each(['es', 'en'] as const)('the column mapping of a chosen file names fields and formats in words (%s)', async (lang) => {
		// One file new to the demo (a day-first date, a decimal comma, a column nobody maps) and one
		// already loaded (the report says when): every part of the page a chosen file opens.
		const fresh = join(app.dir, 'ventas_marzo.csv');
		writeFileSync(fresh, ['Nº factura;Fecha;Código cliente;Importe;Observación', 'F-9001;15/03/2026;CL-00001;1.234,50;urgente', 'F-9002;16/03/2026;CL-00002;98,10;'].join('\n'));
		const { page, close } = await chosen(lang, [fresh, fileURLToPath(new URL('../../data/demo/facturas_2026.csv', import.meta.url))]);
		try {
			expect(await page.locator('[data-testid="report-file"]').count()).toBe(2);
			const mapping = page.locator('[data-testid="file"][data-name="ventas_marzo.csv"] [data-testid="mapping-table"]');
			// The rows are the invoice fields in words, the date's format in words too.
			expect(await mapping.locator('tr[data-column="invoice_id"] th').innerText()).toBe(lang === 'es' ? 'Nº de factura' : 'Invoice number');
			expect(await mapping.locator('tr[data-column="invoice_date"] [data-testid="format"]').innerText()).toBe(lang === 'es' ? 'día/mes/año' : 'day/month/year');
			expect(await uploadWords(page)).toEqual([]);
		} finally {
			await close();
		}
	}, 120_000);

	it.each(['es', 'en'] as const)('a mapping still missing a field names it as the mapping does (%s)', async (lang) => {
		// "Cobrado" is no heading the reader knows: the check says which fields are missing.
		const unmapped = join(app.dir, 'cobros.csv');
		writeFileSync(unmapped, ['Cobrado;Nº factura;Fecha;Código cliente', '1.200,00;F-9101;15/03/2026;CL-00001'].join('\n'));
		const { page, close } = await chosen(lang, [unmapped]);
		try {
			expect(await page.textContent('[data-testid="report-error"]')).toContain(
				lang === 'es'
					? 'todas estas columnas: "Nº de factura", "Fecha de factura", "Cliente", "Importe" o "Cantidad" + "Precio unitario" o "Total con impuestos".'
					: 'all of "Invoice number", "Invoice date", "Client", "Amount" or "Quantity" + "Unit price" or "Total with tax".'
			);
			expect(await uploadWords(page)).toEqual([]);
		} finally {
			await close();
		}
	}, 120_000);
});
