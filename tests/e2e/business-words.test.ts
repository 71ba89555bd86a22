// End to end (issue 17): no page shows a user a command, a code identifier, raw JSON, an ISO
// timestamp or a date format as code. Every page (tests/helpers/pages.ts) in both languages, as
// the admin on the demo with a threshold and a definition changed (so Ajustes has a history and
// rules), is read as the user sees it (the rendered text) and searched for each.
import { describe, expect, it } from 'vitest';
import { saveSetting } from '../../src/lib/server/metrics/settings-store';
import { hydrated } from '../helpers/chromium';
import { useDemoApp } from '../helpers/demo-app';
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
});
