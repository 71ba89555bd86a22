// The first run in a browser (issue 13): on an empty database the admin account takes the setup
// code from the server's console; then the page offers the sample data or one's own, and one click
// on "Explorar con datos de ejemplo" loads the demo into the running server and opens Resumen on it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hydrated } from '../helpers/chromium';
import { newPage, useDemoApp } from '../helpers/demo-app';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });
const app = useDemoApp({ emptyDatabase: true, accounts: false });

describe('first run on an empty database', () => {
	it('creates the admin with the console code, then loads the sample data in one click', { timeout: 120_000 }, async () => {
		const code = /ingrese el código: ([A-Z2-7-]{14})/.exec(app.server.output())?.[1] ?? '';
		expect(code).not.toBe('');
		const { page: p, errors, close } = await newPage(app, { lang: 'es', viewport: { width: 1280, height: 720 } });
		await p.goto(`${app.server.url}/`);
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
		await close();
	});
});
