// Issue 17: the whole flow works with the keyboard alone, and focus is always visible. From the
// skip link, through the filter bar (a choice made with the arrow keys filters the page), into a
// drill-down list (Enter on a figure), and on a phone through the folded menu. Every step only
// presses keys; the test reads where focus is and what the page shows.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, useDemoApp } from '../helpers/demo-app';

/** What has focus: a short description, and whether the browser draws a focus indicator on it. */
async function focused(page: Page): Promise<{ what: string; visible: boolean }> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return { what: 'body', visible: false };
		const s = getComputedStyle(el);
		const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
		const name = el.getAttribute('name') ?? el.getAttribute('href') ?? el.getAttribute('data-testid') ?? el.textContent?.trim().slice(0, 30);
		return { what: `${el.tagName.toLowerCase()}:${name}`, visible };
	});
}

/** Presses Tab until `match` has focus (at most `limit` times); every stop on the way shows its focus. */
async function tabTo(page: Page, match: (what: string) => boolean, limit = 80): Promise<string> {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		const f = await focused(page);
		expect(f.visible, `focus on ${f.what} is visible`).toBe(true);
		if (match(f.what)) return f.what;
	}
	throw new Error('Tab never reached the element');
}

const app = useDemoApp();
const open = async (path: string, viewport?: { width: number; height: number }): Promise<Page> => (await openPage(app, path, { viewport })).page;

describe('with the keyboard alone', () => {
	it('skips to the content, filters by region with the arrow keys, and opens the list behind a segment with Enter', async () => {
		const page = await open('/segmentos?lang=es');
		try {
			// The first Tab reaches the skip link, which moves focus to the page's content.
			await page.keyboard.press('Tab');
			expect((await focused(page)).what).toBe('a:#main');
			await page.keyboard.press('Enter');
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

			await tabTo(page, (w) => w === 'select:region');
			await page.keyboard.press('ArrowDown'); // the first region after "Todos"
			await page.waitForURL(/region=/);
			const region = new URL(page.url()).searchParams.get('region')!;
			expect(region).not.toBe('');
			// The page is filtered, and says so in a removable chip.
			expect(await page.textContent('[data-testid="filter-chips"]')).toContain(region);
			// Focus stayed in the filter bar, on the same field.
			expect((await focused(page)).what).toBe('select:region');

			// On to the segments table: Enter on the first segment's revenue opens its clients.
			await tabTo(page, (w) => w.startsWith('a:/lista/segment'), 200);
			await page.keyboard.press('Enter');
			await page.waitForURL(/\/lista\/segment/);
			expect(new URL(page.url()).searchParams.get('region')).toBe(region);
			await page.waitForSelector('main table');
		} finally {
			await page.context().close();
		}
	});

	it('on a phone, opens the folded menu with Enter and follows a section with Enter', async () => {
		const page = await open('/?lang=en', { width: 390, height: 844 });
		try {
			await tabTo(page, (w) => w === 'button:menu-toggle');
			await page.keyboard.press('Enter');
			expect(await page.getAttribute('[data-testid="menu-toggle"]', 'aria-expanded')).toBe('true');
			await tabTo(page, (w) => w.startsWith('a:/embudo'));
			await page.keyboard.press('Enter');
			await page.waitForURL(/\/embudo/);
			expect(await page.textContent('h1')).toBeTruthy();
		} finally {
			await page.context().close();
		}
	});
});
