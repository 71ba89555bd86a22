// Headless Chromium for printing pages to PDF (issue 16) and for the end-to-end tests: where it is
// found and how it is launched. Playwright's own browser download is not used (the machines have no
// network for it): Debian's package is the default. playwright-core is loaded when a PDF is asked
// for, so a machine without it (or without Chromium) still runs the app: it just offers no PDF.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { SESSION_COOKIE } from '../auth/sessions';

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

type Chromium = typeof import('playwright-core').chromium;

// A name in a variable: the bundler leaves playwright-core to Node (it is a development package).
const PLAYWRIGHT = 'playwright-core';
let loaded: Promise<Chromium | null> | undefined;

async function playwright(): Promise<Chromium | null> {
	loaded ??= import(/* @vite-ignore */ PLAYWRIGHT).then(
		(m: typeof import('playwright-core')) => m.chromium,
		() => null
	);
	return loaded;
}

function bundledPath(chromium: Chromium | null): string | undefined {
	try {
		return chromium?.executablePath();
	} catch {
		return undefined;
	}
}

/** CHROMIUM_PATH, else /usr/bin/chromium, else playwright-core's own browser if installed; null when none. */
export function chromiumPath(chromium: Chromium | null = null): string | null {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', bundledPath(chromium)];
	return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}

/** The Chromium binary, or an error saying how to get one. */
export function findChromium(chromium: Chromium | null = null): string {
	const found = chromiumPath(chromium);
	if (found) return found;
	throw new Error("No Chromium found: install Debian's package with `apt-get install -y chromium` or set CHROMIUM_PATH to a Chromium binary.");
}

let installed: boolean | undefined;

/** Whether playwright-core can be found, without loading it (loading takes about half a second). */
function playwrightInstalled(): boolean {
	if (installed === undefined) {
		try {
			createRequire(import.meta.url).resolve(PLAYWRIGHT);
			installed = true;
		} catch {
			installed = false;
		}
	}
	return installed;
}

/**
 * Whether this machine can print PDFs: playwright-core is there and a Chromium binary exists. Asked
 * by every load of the monthly report: playwright-core is loaded only when no binary is found
 * without it (its own browser), not to offer the button.
 */
export async function canPrintPdf(): Promise<boolean> {
	if (!playwrightInstalled()) return false;
	if (chromiumPath() !== null) return true;
	const chromium = await playwright();
	return chromium !== null && chromiumPath(chromium) !== null;
}

/** A headless Chromium with a fresh temporary profile (removed on close). */
export async function launchChromium(): Promise<Browser> {
	const chromium = await playwright();
	if (!chromium) throw new Error('playwright-core is not installed: PDFs cannot be printed on this machine.');
	return chromium.launch({ executablePath: findChromium(chromium), headless: true, args: CHROMIUM_ARGS });
}

/** Who asks for the PDF: a signed-in user's session token, or an Authorization header (an API token). */
export interface PdfCaller {
	session?: string;
	authorization?: string;
}

/**
 * The page at `url` printed to an A4 PDF with its print stylesheet, as the browser's "Save as PDF"
 * would, seen by `caller` (only their session or token goes along), `lang` the page's language.
 */
export async function printPdf(url: string, caller: PdfCaller, lang: string): Promise<Buffer> {
	const browser = await launchChromium();
	try {
		const extraHTTPHeaders: Record<string, string> = caller.authorization ? { authorization: caller.authorization } : {};
		const context = await browser.newContext({ extraHTTPHeaders, locale: lang === 'es' ? 'es-BO' : 'en-US' });
		// Chromium drops a Cookie given as an extra header: the session goes in as the cookie it is.
		if (caller.session) await context.addCookies([{ name: SESSION_COOKIE, value: caller.session, url }]);
		const page = await context.newPage();
		const response = await page.goto(url, { waitUntil: 'networkidle' });
		if (!response || !response.ok()) throw new Error(`The page answered ${response?.status() ?? 'nothing'}: ${url}`);
		// Sent to the sign-in page instead: a PDF of it would say nothing about the report.
		if (new URL(page.url()).pathname !== new URL(url).pathname) throw new Error(`The page sent the printer to ${new URL(page.url()).pathname}: ${url}`);
		await page.emulateMedia({ media: 'print' });
		return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
	} finally {
		await browser.close();
	}
}
