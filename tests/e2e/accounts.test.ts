// Accounts in the browser (issue 7): a fresh installation asks for the admin account on the first
// visit; signing in and out; a viewer finds the settings read-only and the upload page refused.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/lib/server/auth/users';
import { Database } from '../../src/lib/server/db/database';
import { buildDemoDatabase } from '../../src/lib/server/demo';
import { launchBrowser } from '../helpers/chromium';
import { startServer, type RunningServer } from '../helpers/server';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
let dir: string;
let dbPath: string;
let browser: Browser | undefined;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cartera-accounts-'));
	dbPath = join(dir, 'demo.duckdb');
	await buildDemoDatabase(dbPath);
	browser = await launchBrowser();
	mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
	await browser?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

async function page(): Promise<{ page: Page; errors: string[] }> {
	const context = await browser!.newContext({ locale: 'es-BO', viewport: { width: 1280, height: 720 } });
	const p = await context.newPage();
	const errors: string[] = [];
	p.on('pageerror', (e) => errors.push(e.message));
	return { page: p, errors };
}

describe('first visit and signing in', () => {
	let server: RunningServer | undefined;
	afterAll(async () => {
		await server?.stop();
	});

	it('asks for the admin account on a fresh installation, then signs in and out', async () => {
		server = await startServer(dbPath, { accounts: false });
		// Nothing is readable before the admin exists, not even the API.
		expect((await fetch(`${server.url}/api/metrics/kpis`)).status).toBe(401);
		const { page: p, errors } = await page();
		await p.goto(`${server.url}/segmentos`);
		await p.waitForURL(/\/setup$/);
		await p.screenshot({ path: join(SHOTS, 'setup-es.png') });
		await p.fill('input[name="name"]', 'gerencia');
		await p.fill('input[name="password"]', 'una clave muy larga');
		await p.fill('input[name="password2"]', 'otra distinta larga');
		await p.click('button[type="submit"]');
		expect(await p.textContent('.field-error')).toContain('no coinciden');
		await p.fill('input[name="password"]', 'una clave muy larga');
		await p.fill('input[name="password2"]', 'una clave muy larga');
		await p.click('button[type="submit"]');
		await p.waitForURL((u) => u.pathname === '/');
		expect(await p.textContent('[data-testid="user-name"]')).toContain('gerencia');
		// Setup is closed once an account exists.
		await p.goto(`${server.url}/setup`);
		await p.waitForURL(/\/login|\/$/);

		await p.goto(`${server.url}/`);
		await p.click('.user-box button[type="submit"]');
		await p.waitForURL(/\/login$/);
		await p.goto(`${server.url}/concentracion`);
		await p.waitForURL(/\/login\?next=%2Fconcentracion$/);
		await p.fill('input[name="name"]', 'gerencia');
		await p.fill('input[name="password"]', 'no es esta');
		await p.click('button[type="submit"]');
		expect(await p.textContent('.field-error')).toContain('incorrectos');
		await p.fill('input[name="password"]', 'una clave muy larga');
		await p.click('button[type="submit"]');
		await p.waitForURL(/\/concentracion$/);
		await p.screenshot({ path: join(SHOTS, 'login-after-es.png') });
		expect(errors).toEqual([]);
		await p.context().close();
		await server.stop();
		server = undefined;
	});
});

describe('a viewer', () => {
	let server: RunningServer | undefined;
	beforeAll(async () => {
		const db = await Database.open(dbPath);
		await createUser(db, 'directora', 'clave de la directora', 'viewer');
		db.close();
		server = await startServer(dbPath);
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('reads the settings without being able to change them, and may not load data', async () => {
		const { page: p, errors } = await page();
		await p.goto(`${server!.url}/login`);
		await p.fill('input[name="name"]', 'directora');
		await p.fill('input[name="password"]', 'clave de la directora');
		await p.click('button[type="submit"]');
		await p.waitForURL((u) => u.pathname === '/');
		await p.goto(`${server!.url}/ajustes`);
		await p.locator('[data-testid="read-only"]').waitFor();
		expect(await p.locator('[data-testid="bands-growth"] input[name="approve"]').isDisabled()).toBe(true);
		expect(await p.locator('[data-testid="bands-growth"] button[type="submit"]').count()).toBe(0);
		await p.screenshot({ path: join(SHOTS, 'ajustes-viewer-es.png'), fullPage: true });
		const refused = await p.goto(`${server!.url}/cargar`);
		expect(refused?.status()).toBe(403);
		expect(errors).toEqual([]);
		await p.context().close();
	});
});
