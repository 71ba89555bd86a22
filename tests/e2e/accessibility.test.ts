// End to end (issue 17): axe-core (the maintained accessibility engine, pinned in package.json)
// finds no serious or critical WCAG 2.2 AA violation on any page (tests/helpers/pages.ts), in
// either language, as the admin on the demo. axe is evaluated in the page through Playwright (the
// DevTools protocol), so the product's Content-Security-Policy stays as it is: a <script> tag
// added to the page would be refused by it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { hydrated, launchBrowser } from '../helpers/chromium';
import { copyDemoDatabase } from '../helpers/demo-database';
import { everyPage, SIGNED_OUT_PAGES, type PageUrl } from '../helpers/pages';
import { startServer, type RunningServer } from '../helpers/server';

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

let dir: string;
let server: RunningServer;
let browser: Browser;
let pages: PageUrl[];

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cartera-e2e-axe-'));
	const path = join(dir, 'demo.duckdb');
	await copyDemoDatabase(path);
	const db = await Database.open(path);
	const client = (await db.all<{ id: string }>('SELECT client_id AS id FROM clients ORDER BY client_id LIMIT 1'))[0]!.id;
	const month = (await db.all<{ m: string }>("SELECT strftime(max(invoice_date) - INTERVAL 1 MONTH, '%Y-%m') AS m FROM invoice_lines"))[0]!.m;
	db.close();
	pages = everyPage({ client, month });
	server = await startServer(path);
	browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('accessibility (axe-core)', () => {
	it('axe runs in the page under the CSP and finds a violation planted in it', async () => {
		const context = await browser.newContext({ extraHTTPHeaders: server.auth });
		const page = await context.newPage();
		await page.goto(`${server.url}/ajustes`);
		await hydrated(page);
		await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<input type="text" id="planted">'));
		expect((await seriousViolations(page)).join('\n')).toContain('#planted');
		await context.close();
	}, 60_000);

	it.each(['es', 'en'] as const)('no serious or critical violation on any page (%s)', async (lang) => {
		const locale = lang === 'es' ? 'es-BO' : 'en-US';
		const found: string[] = [];
		const signedIn = await browser.newContext({ locale, extraHTTPHeaders: server.auth });
		const signedOut = await browser.newContext({ locale });
		for (const [context, list] of [[signedIn, pages], [signedOut, SIGNED_OUT_PAGES]] as const) {
			const page = await context.newPage();
			for (const p of list) {
				await page.goto(server.url + p.path);
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
