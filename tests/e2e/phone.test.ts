// Issue 17: every page at 390 × 844 (a phone), in both languages, on the demo. The document never
// scrolls sideways and no element reaches past the screen unless it sits in a panel that scrolls
// (a wide table); the navigation folds behind a menu button and the filter bar to one line.
// Screenshots land in tests/e2e/screenshots/phone/ (printed).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoApp, withLang } from '../helpers/demo-app';
import { pagesOf, SIGNED_OUT_PAGES, type PageUrl } from '../helpers/pages';

const SHOTS = fileURLToPath(new URL('./screenshots/phone/', import.meta.url));
const PHONE = { width: 390, height: 844 };

let context: BrowserContext | undefined;
let signedOut: BrowserContext | undefined;
let pages: PageUrl[] = [];

/** What reaches past the viewport's width, outside any panel that scrolls sideways itself. */
async function overflow(page: Page): Promise<{ document: number; viewport: number; elements: string[] }> {
	return page.evaluate(() => {
		const viewport = document.documentElement.clientWidth;
		const scrolls = (el: Element) => {
			for (let e = el.parentElement; e; e = e.parentElement) {
				const x = getComputedStyle(e).overflowX;
				if ((x === 'auto' || x === 'scroll' || x === 'hidden') && e.getBoundingClientRect().right <= viewport + 1) return true;
			}
			return false;
		};
		const elements: string[] = [];
		for (const el of document.querySelectorAll('body *')) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 || r.height === 0 || getComputedStyle(el).position === 'fixed') continue;
			if ((r.right > viewport + 1 || r.left < -1) && !scrolls(el)) {
				elements.push(`<${el.tagName.toLowerCase()} class="${el.className}"> ${Math.round(r.left)}…${Math.round(r.right)}px: ${(el.textContent ?? '').trim().slice(0, 50)}`);
			}
		}
		return { document: document.documentElement.scrollWidth, viewport, elements: elements.slice(0, 8) };
	});
}

async function open(path: string, from: BrowserContext = context!, status = 200): Promise<{ page: Page; errors: string[] }> {
	const page = await from.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	const response = await page.goto(`${app.server.url}${path}`);
	expect(response?.status(), path).toBe(status);
	await page.waitForSelector('html[data-hydrated="true"]');
	await page.waitForLoadState('networkidle');
	return { page, errors };
}

const app = useDemoApp({ prepare: async (db) => void (pages = await pagesOf(db)) });

beforeAll(async () => {
	context = await app.browser.newContext({ viewport: PHONE, extraHTTPHeaders: app.server.auth, isMobile: true, hasTouch: true });
	signedOut = await app.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
	mkdirSync(SHOTS, { recursive: true });
	console.log(`Phone screenshots: ${SHOTS}`);
});

describe('every page at 390 px', () => {
	for (const lang of ['es', 'en'] as const) {
		it(`no page scrolls sideways (${lang})`, async () => {
			const problems: string[] = [];
			const visits = [...pages.map((p) => ({ ...p, from: context! })), ...SIGNED_OUT_PAGES.map((p) => ({ ...p, from: signedOut! }))];
			for (const { name, path, from } of visits) {
				const { page, errors } = await open(withLang(path, lang), from, path === '/no-existe' ? 404 : 200);
				try {
					const file = `${name.normalize('NFD').replace(/[^A-Za-z]+/g, '-').toLowerCase()}-${lang}.png`;
					await page.screenshot({ path: join(SHOTS, file), fullPage: true });
					const o = await overflow(page);
					if (o.document > o.viewport) problems.push(`${name} ${path}: the document is ${o.document}px wide`);
					for (const e of o.elements) problems.push(`${name} ${path}: ${e}`);
					for (const e of errors) problems.push(`${name} ${path}: ${e}`);
				} finally {
					await page.close();
				}
			}
			expect(problems).toEqual([]);
		}, 300_000);
	}
});

describe('the navigation and the filter bar fold on a phone', () => {
	it('shows a menu button naming the current section; it opens the sections and a link takes the user there', async () => {
		const { page } = await open('/segmentos?lang=es');
		try {
			const toggle = page.locator('[data-testid="menu-toggle"]');
			await expect(toggle.textContent()).resolves.toContain('Segmentos');
			expect(await page.isVisible('#app-sections')).toBe(false);
			await toggle.click();
			expect(await toggle.getAttribute('aria-expanded')).toBe('true');
			expect(await page.isVisible('#app-sections a[href^="/concentracion"]')).toBe(true);
			await page.click('#app-sections a[href^="/concentracion"]');
			await page.waitForURL(/\/concentracion/);
			// The menu folds again on the new page.
			expect(await page.locator('[data-testid="menu-toggle"]').getAttribute('aria-expanded')).toBe('false');
			expect(await page.isVisible('#app-sections')).toBe(false);
		} finally {
			await page.close();
		}
	});

	it('folds the filter bar to one line that says the period, the comparison and how many filters; the button unfolds it', async () => {
		const { page } = await open('/?lang=es&region=Santa%20Cruz&product_line=Mobiliario');
		try {
			const fold = page.locator('.filter-bar__fold p');
			const line = (await fold.textContent()) ?? '';
			expect(line).toContain('Período anterior');
			expect(line).toContain('2 filtros');
			expect(await page.isVisible('select[name="region"]')).toBe(false);
			const box = await page.locator('.filter-bar').boundingBox();
			expect(box!.height).toBeLessThan(120); // one line and its button, not the first screen
			await page.click('[data-testid="filter-toggle"]');
			expect(await page.isVisible('select[name="region"]')).toBe(true);
			expect(await page.getAttribute('[data-testid="filter-toggle"]', 'aria-expanded')).toBe('true');
		} finally {
			await page.close();
		}
	});

	it('keeps the client name and revenue in view in Clientes, the other columns scroll inside the table', async () => {
		const { page } = await open('/clientes?lang=es');
		try {
			const name = await page.locator('th[data-column="name"]').boundingBox();
			const revenue = await page.locator('th[data-column="revenue"]').boundingBox();
			expect(await page.isVisible('th[data-column="client_id"]')).toBe(false);
			expect(name!.x).toBeGreaterThanOrEqual(0);
			expect(revenue!.x + revenue!.width).toBeLessThanOrEqual(PHONE.width);
		} finally {
			await page.close();
		}
	});
});
