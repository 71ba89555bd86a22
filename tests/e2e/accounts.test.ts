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
import { copyDemoDatabase } from '../helpers/demo-database';
import { hydrated, launchBrowser } from '../helpers/chromium';
import { startServer, type RunningServer } from '../helpers/server';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
let dir: string;
let dbPath: string;
let browser: Browser | undefined;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cartera-accounts-'));
	dbPath = join(dir, 'demo.duckdb');
	await copyDemoDatabase(dbPath);
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
		await hydrated(p);
		await p.screenshot({ path: join(SHOTS, 'setup-es.png') });
		// The one-time code the server printed on its console (issue 13): a wrong one is refused.
		const code = /ingrese el código: ([A-Z2-7-]{14})/.exec(server.output())?.[1] ?? '';
		expect(code).not.toBe('');
		await p.fill('input[name="code"]', 'AAAA-BBBB-CCCC');
		await p.fill('input[name="name"]', 'gerencia');
		await p.fill('input[name="password"]', 'una clave muy larga');
		await p.fill('input[name="password2"]', 'una clave muy larga');
		await p.click('button[type="submit"]');
		expect(await p.textContent('.field-error')).toContain('consola del servidor');
		await p.fill('input[name="code"]', code);
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
		await hydrated(p);
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

async function signIn(name: string, password: string, url: string): Promise<{ page: Page; errors: string[] }> {
	const opened = await page();
	await opened.page.goto(`${url}/login`);
	await hydrated(opened.page);
	await opened.page.fill('input[name="name"]', name);
	await opened.page.fill('input[name="password"]', password);
	await opened.page.click('button[type="submit"]');
	await opened.page.waitForURL((u) => u.pathname === '/');
	return opened;
}

describe('a viewer, and an admin managing accounts', () => {
	let server: RunningServer | undefined;
	beforeAll(async () => {
		const db = await Database.open(dbPath);
		await createUser(db, 'directora', 'clave de la directora', 'viewer');
		await createUser(db, 'jefa', 'clave de la jefa 1', 'admin');
		db.close();
		server = await startServer(dbPath);
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('reads the settings without being able to change them, and may not load data', async () => {
		const { page: p, errors } = await page();
		await p.goto(`${server!.url}/login`);
		await hydrated(p);
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

	it('an admin disables an account (its session ends at once), keeps one admin, changes a role and enables again', async () => {
		const viewer = await signIn('directora', 'clave de la directora', server!.url);
		const { page: p, errors } = await signIn('jefa', 'clave de la jefa 1', server!.url);
		await p.goto(`${server!.url}/usuarios`);
		await hydrated(p);
		const row = (name: string) => p.locator(`[data-testid="users-table"] tr[data-user="${name}"]`);
		const status = () => p.locator('[role="status"]').first().textContent();

		await row('directora').locator('button', { hasText: 'Desactivar' }).click();
		await expect.poll(status).toBe('directora ya no puede entrar; sus sesiones se cerraron.');
		expect(await row('directora').locator('td').nth(3).textContent()).toMatch(/^Desactivada el \d{1,2} \p{L}+\.? \d{4}, \d\d:\d\d$/u); // in words (issue 17)
		await viewer.page.goto(`${server!.url}/segmentos`);
		await viewer.page.waitForURL(/\/login/);
		await hydrated(viewer.page);

		// No one disables their own account; the last active admin keeps the role, said in Spanish.
		expect(await row('jefa').locator('button', { hasText: 'Desactivar' }).count()).toBe(0);
		await row('gerencia').locator('button', { hasText: 'Desactivar' }).click();
		await expect.poll(status).toBe('gerencia ya no puede entrar; sus sesiones se cerraron.');
		await row('jefa').locator('summary').click();
		await row('jefa').locator('select[name="role"]').selectOption('viewer');
		await row('jefa').locator('button', { hasText: 'Guardar rol' }).click();
		await expect.poll(() => p.locator('[role="alert"]').textContent()).toBe(
			'jefa es la única cuenta de administración activa: primero da ese rol a otra cuenta.'
		);
		expect(await row('jefa').locator('select[name="role"]').inputValue()).toBe('admin'); // the refused choice is not kept

		await row('directora').locator('button', { hasText: 'Reactivar' }).click();
		await expect.poll(status).toBe('directora puede volver a entrar.');
		await row('directora').locator('summary').click();
		await row('directora').locator('select[name="role"]').selectOption('analyst');
		await row('directora').locator('button', { hasText: 'Guardar rol' }).click();
		await expect.poll(status).toBe('directora tiene ahora el rol Analista.');
		await row('gerencia').locator('button', { hasText: 'Reactivar' }).click();
		await expect.poll(status).toBe('gerencia puede volver a entrar.');
		await p.screenshot({ path: join(SHOTS, 'usuarios-es.png'), fullPage: true });

		// Back in, as an analyst now: the upload page opens.
		await viewer.page.fill('input[name="name"]', 'directora');
		await viewer.page.fill('input[name="password"]', 'clave de la directora');
		await viewer.page.click('button[type="submit"]');
		await viewer.page.waitForURL((u) => !u.pathname.startsWith('/login'));
		expect((await viewer.page.goto(`${server!.url}/cargar`))?.status()).toBe(200);
		expect([...errors, ...viewer.errors]).toEqual([]);
		await p.context().close();
		await viewer.page.context().close();
	}, 60_000);
});
