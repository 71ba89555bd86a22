// Finds and launches a headless Chromium for the end-to-end tests. Playwright's own browser
// download is not used (the machines have no network for it): Debian's package is the default.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** CHROMIUM_PATH, else /usr/bin/chromium, else playwright-core's own browser if it was installed. */
export function findChromium(): string {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', safeExecutablePath()];
	const found = candidates.find((path): path is string => !!path && existsSync(path));
	if (found) return found;
	throw new Error(
		'No Chromium found: install Debian\'s package with `apt-get install -y chromium` or set CHROMIUM_PATH to a Chromium binary.'
	);
}

function safeExecutablePath(): string | undefined {
	try {
		return chromium.executablePath();
	} catch {
		return undefined;
	}
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
