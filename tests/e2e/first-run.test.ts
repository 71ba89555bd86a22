// The first run in a browser (issue 13): on an empty database the admin account takes the setup
// code from the server's console; then the page offers the sample data or one's own, and one click
// on "Explorar con datos de ejemplo" loads the demo into the running server and opens Resumen on it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hydrated, launchBrowser } from '../helpers/chromium';
import { startServer, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const folder = tempFolder('cartera-first-run-');
let browser: Browser | undefined;
let server: RunningServer | undefined;

beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	server = await startServer(folder.path('empty.duckdb'), { accounts: false });
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	folder.remove();
});

describe('first run on an empty database', () => {
	it('creates the admin with the console code, then loads the sample data in one click', { timeout: 120_000 }, async () => {
		const code = /ingrese el código: ([A-Z2-7-]{14})/.exec(server!.output())?.[1] ?? '';
		expect(code).not.toBe('');
		const context = await browser!.newContext({ locale: 'es-BO', viewport: { width: 1280, height: 720 } });
		const p = await context.newPage();
		const errors: string[] = [];
		p.on('pageerror', (e) => errors.push(e.message));
		await p.goto(`${server!.url}/`);
		await p.waitForURL(/\/setup$/);
		await hydrated(p);
		await p.fill('input[name="code"]', code);
		await p.fill('input[name="name"]', 'gerencia');
		await p.fill('input[name="password"]', 'una clave muy larga');
		await p.fill('input[name="password2"]', 'una clave muy larga');
		await p.click('button[type="submit"]');
		// Nothing loaded yet: the same page now asks which data to start with.
		await p.waitForSelector('text=Explorar con datos de ejemplo');
		await hydrated(p);
		expect(await p.getAttribute('a:has-text("Empezar con mis datos")', 'href')).toBe('/cargar');
		await p.screenshot({ path: join(SHOTS, 'first-run-choice-es.png') });
		await p.click('button:has-text("Explorar con datos de ejemplo")');
		await p.waitForURL((u) => u.pathname === '/', { timeout: 90_000 });
		await p.waitForSelector('.kpi-grid');
		expect(await p.locator('[data-testid="empty-state"]').count()).toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});
});
