// End to end (issue 17): axe-core (the maintained accessibility engine, pinned in package.json)
// finds no serious or critical WCAG 2.2 AA violation on any page (tests/helpers/pages.ts), in
// either language, as the admin on the demo. axe is evaluated in the page through Playwright (the
// DevTools protocol), so the product's Content-Security-Policy stays as it is: a <script> tag
// added to the page would be refused by it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hydrated } from '../helpers/chromium';
import { useDemoApp } from '../helpers/demo-app';
import { pagesOf, SIGNED_OUT_PAGES, type PageUrl } from '../helpers/pages';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Violation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

/** axe's serious and critical violations on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
	const violations = (await page.evaluate(
		(tags) => (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: unknown[] }> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }).then((r) => r.violations),
		TAGS
	)) as Violation[];
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}${v.nodes.length > 3 ? ` …+${v.nodes.length - 3}` : ''}`);
}

let pages: PageUrl[];
const app = useDemoApp({ prepare: async (db) => void (pages = await pagesOf(db)) });

describe('accessibility (axe-core)', () => {
	it('axe runs in the page under the CSP and finds a violation planted in it', async () => {
		const context = await app.browser.newContext({ extraHTTPHeaders: app.server.auth });
		const page = await context.newPage();
		await page.goto(`${app.server.url}/ajustes`);
		await hydrated(page);
		await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<input type="text" id="planted">'));
		expect((await seriousViolations(page)).join('\n')).toContain('#planted');
		await context.close();
	}, 60_000);

	it.each(['es', 'en'] as const)('no serious or critical violation on any page (%s)', async (lang) => {
		const locale = lang === 'es' ? 'es-BO' : 'en-US';
		const found: string[] = [];
		const signedIn = await app.browser.newContext({ locale, extraHTTPHeaders: app.server.auth });
		const signedOut = await app.browser.newContext({ locale });
		for (const [context, list] of [[signedIn, pages], [signedOut, SIGNED_OUT_PAGES]] as const) {
			const page = await context.newPage();
			for (const p of list) {
				await page.goto(app.server.url + p.path);
				await hydrated(page);
				await page.waitForLoadState('networkidle');
				for (const v of await seriousViolations(page)) found.push(`${p.name} (${p.path}): ${v}`);
			}
		}
		await signedIn.close();
		await signedOut.close();
		expect(found).toEqual([]);
	}, 300_000);
});
