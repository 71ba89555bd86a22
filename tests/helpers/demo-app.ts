// The set-up most end-to-end files share: a copy of the demo database (or an empty one) in a temporary folder,
// prepared by the file if it wants (users, settings, expected documents read before the server
// holds the file: one process per DuckDB file), the built app on it and a headless Chromium; all
// closed and removed after the file. `openPage` opens one page in a fresh context and collects
// its errors.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page, Response } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Lang } from '../../src/lib/i18n/lang';
import { SESSION_COOKIE } from '../../src/lib/server/auth/sessions';
import { Database } from '../../src/lib/server/db/database';
import { hydrated, launchBrowser } from './chromium';
import { copyDemoDatabase } from './demo-database';
import { startServer, type RunningServer } from './server';

export interface DemoApp {
	/** The temporary folder (removed after the file) and the database file in it. */
	dir: string;
	path: string;
	server: RunningServer;
	browser: Browser;
}

export interface DemoAppOptions {
	/**
	 * An empty database file instead of the demo copy (a file's own fixture loaded by `prepare`, or a
	 * fresh installation with `accounts: false`). The file is created by `prepare` or by the server.
	 */
	emptyDatabase?: boolean;
	/** Runs on the open database before the server takes the file (it is closed afterwards). */
	prepare?: (db: Database, dir: string) => Promise<void>;
	/** startServer's options. */
	env?: NodeJS.ProcessEnv;
	accounts?: boolean;
}

/** Registers the file's beforeAll/afterAll; the returned object's fields are set in beforeAll. */
export function useDemoApp(options: DemoAppOptions = {}): DemoApp {
	const app = {} as DemoApp;
	beforeAll(async () => {
		app.dir = mkdtempSync(join(tmpdir(), 'cartera-e2e-'));
		app.path = join(app.dir, options.emptyDatabase ? 'cartera.duckdb' : 'demo.duckdb');
		if (!options.emptyDatabase) await copyDemoDatabase(app.path);
		if (options.prepare) {
			const db = await Database.open(app.path);
			try {
				await options.prepare(db, app.dir);
			} finally {
				await db.close(); // waits for the alerts a load records in the background
			}
		}
		app.server = await startServer(app.path, { accounts: options.accounts, env: options.env });
		app.browser = await launchBrowser();
	}, 180_000);
	afterAll(async () => {
		await app.browser?.close();
		await app.server?.stop();
		if (app.dir) rmSync(app.dir, { recursive: true, force: true });
	});
	return app;
}

export interface PageOptions {
	/** The browser's locale (es-BO or en-US); the address is left as given. */
	lang?: Lang;
	/** 1280 × 900 unless given. */
	viewport?: { width: number; height: number };
	/** The request headers; the admin's token (server.auth) unless given (or a session is). */
	headers?: Record<string, string>;
	/** A session token sent as the session cookie instead of the admin's token. */
	session?: string;
	/** Anything else for the browser context (deviceScaleFactor, acceptDownloads, isMobile…). */
	context?: BrowserContextOptions;
}

export interface OpenedPage {
	page: Page;
	/** Console errors and uncaught page errors so far. */
	errors: string[];
	close: () => Promise<void>;
}

/** A page in a fresh context, not navigated yet. */
export async function newPage(app: DemoApp, options: PageOptions = {}): Promise<OpenedPage> {
	const context = await app.browser.newContext({
		viewport: options.viewport ?? { width: 1280, height: 900 },
		extraHTTPHeaders: options.headers ?? (options.session ? {} : app.server.auth),
		...(options.lang ? { locale: options.lang === 'es' ? 'es-BO' : 'en-US' } : {}),
		...options.context
	});
	if (options.session) await context.addCookies([{ name: SESSION_COOKIE, value: options.session, url: app.server.url }]);
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(`console: ${m.text()}`);
	});
	page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
	return { page, errors, close: () => context.close() };
}

/** `path` opened (and hydrated) in a fresh context; `response` is the document's. */
export async function openPage(app: DemoApp, path: string, options: PageOptions = {}): Promise<OpenedPage & { response: Response | null }> {
	const opened = await newPage(app, options);
	const response = await opened.page.goto(app.server.url + path);
	await hydrated(opened.page);
	return { ...opened, response };
}

/** `path` with `lang=` added to its query. */
export const withLang = (path: string, lang: Lang) => `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
