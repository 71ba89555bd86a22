// End to end (issue 13): with the Content-Security-Policy on, the pages still work in a real
// browser. Signed in through the sign-in form, the overview and Concentración draw their
// Observable Plot charts (inline styles allowed, scripts only by nonce) with no console error
// and no `securitypolicyviolation` event; every other page loads and hydrates the same way; a
// page cannot be framed by another origin's page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hydrated } from '../helpers/chromium';
import { newPage, useDemoApp } from '../helpers/demo-app';
import { loadCsv } from '../helpers/metric-fixture';
import { TEST_ADMIN } from '../helpers/server';
import { folderAt } from '../helpers/temp-db';

const app = useDemoApp({
	emptyDatabase: true,
	prepare: async (db, dir) => {
		const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
		await loadCsv(db, folderAt(dir), {
			'clientes.csv': ['Código cliente;Razón social;Región', 'A;Alfa;La Paz', 'B;Beta;Oruro', 'C;Gama;Potosí', 'D;Delta;La Paz'],
			'facturas.csv': [
				'Nº factura;Fecha;Código cliente;Importe',
				...months.flatMap((m, i) => ['A', 'B', 'C', 'D'].map((c, j) => `F${i}${c};10/${m.slice(5)}/${m.slice(0, 4)};${c};${(j + 1) * 100 + i * 10},00`))
			]
		});
	}
});

/** A page that records console errors, uncaught exceptions and CSP violations (reported by the page itself). */
async function watchedPage(headers: Record<string, string> = {}): Promise<{ page: Page; problems: string[] }> {
	const { page, errors: problems } = await newPage(app, { lang: 'es', viewport: { width: 1280, height: 800 }, headers });
	await page.exposeFunction('reportViolation', (text: string) => problems.push(`csp: ${text}`));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { reportViolation(t: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)
		);
	});
	return { page, problems };
}

/** Waits until at least one chart's <svg> is drawn inside the page's main content. */
async function chartDrawn(page: Page): Promise<number> {
	await page.waitForFunction(() => document.querySelectorAll('main svg [aria-label]').length > 0, undefined, { timeout: 30_000 });
	return page.locator('main svg').count();
}

describe('pages under the Content-Security-Policy', () => {
	it('signs in and draws the overview and Concentración charts with no violation', async () => {
		const { page, problems } = await watchedPage();
		const first = await page.goto(`${app.server.url}/`);
		expect(first?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
		await page.waitForURL(/\/login\?next=%2F$/);
		await hydrated(page);
		await page.fill('input[name="name"]', TEST_ADMIN.name);
		await page.fill('input[name="password"]', TEST_ADMIN.password);
		await page.click('button[type="submit"]');
		await page.waitForURL((u) => u.pathname === '/');
		await hydrated(page);
		expect(await chartDrawn(page)).toBeGreaterThan(0);

		// Client-side navigation (page data over fetch), then a full load of the page.
		await page.click('a[href^="/concentracion"]');
		await page.waitForURL(/\/concentracion/);
		expect(await chartDrawn(page)).toBeGreaterThan(0);
		await page.goto(`${app.server.url}/concentracion`);
		await hydrated(page);
		expect(await chartDrawn(page)).toBeGreaterThan(0);
		// The PNG export still works (an image from a blob: URL painted on a canvas) still work.
		const png = await page.evaluate(async () => {
			const svg = document.querySelector('main svg') as SVGSVGElement;
			const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
			const image = new Image();
			await new Promise((resolve, reject) => {
				image.onload = resolve;
				image.onerror = reject;
				image.src = url;
			});
			return image.width > 0;
		});
		expect(png).toBe(true);
		expect(problems).toEqual([]);

		// The watcher works: a script injected into the page is blocked by the policy and reported.
		const ran = await page.evaluate(async () => {
			const script = document.createElement('script');
			script.textContent = 'window.injected = true';
			document.body.append(script);
			await new Promise((resolve) => setTimeout(resolve, 300));
			return (window as unknown as { injected?: boolean }).injected === true;
		});
		expect(ran).toBe(false);
		await expect.poll(() => problems.some((p) => p.startsWith('csp: script-src'))).toBe(true);
	}, 120_000);

	it.each(['/segmentos', '/activacion', '/pronostico', '/embudo', '/clientes', '/clientes/A', '/ajustes', '/cargar', '/cargar/historial', '/usuarios'])(
		'%s loads and hydrates with no violation',
		async (path) => {
			const { page, problems } = await watchedPage(app.server.auth);
			const response = await page.goto(app.server.url + path);
			expect(response?.status()).toBe(200);
			await hydrated(page);
			await page.waitForLoadState('networkidle');
			expect(problems).toEqual([]);
			await page.context().close();
		},
		60_000
	);

	it('another origin cannot frame a page: the browser refuses it, and the violation is the frame\'s', async () => {
		const { page } = await watchedPage();
		// about:blank with an <iframe> of the app: a different origin than the app's.
		await page.setContent(`<iframe id="f" src="${app.server.url}/login"></iframe>`);
		await page.waitForTimeout(1500);
		const framed = page.frames().find((f) => f.url().startsWith(app.server.url));
		// Chromium blocks the document: the frame stays empty (or on chrome-error://).
		const content = framed ? await framed.content().catch(() => '') : '';
		expect(content).not.toContain('name="password"');
	}, 60_000);
});
