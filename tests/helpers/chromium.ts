// Finds and launches a headless Chromium for the end-to-end tests. Playwright's own browser
// download is not used (the machines have no network for it): Debian's package is the default.
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium as findInSrc } from '../../src/lib/server/pdf/chromium';

// The finder and the launch arguments live in src (the report's PDF uses them too).
export { CHROMIUM_ARGS } from '../../src/lib/server/pdf/chromium';

/** CHROMIUM_PATH, else /usr/bin/chromium, else playwright-core's own browser if it was installed. */
export function findChromium(): string {
	return findInSrc(chromium);
}

/** A headless Chromium; `launch` gives it a fresh temporary profile that is removed on close. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * Waits until the page is hydrated (the root layout marks <html data-hydrated>): a value typed
 * into a field before that may be reset by hydration, and a form then submits the old value.
 */
export async function hydrated(page: Page): Promise<void> {
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}
