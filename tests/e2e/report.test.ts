// End to end: Informe del mes on the built app and a demo database, in a headless Chromium: every
// section in Spanish and English, its KPI values the kpis document's, the print rules (no
// navigation or controls, at 390 px too) and the PDF Chromium prints, whose text holds each section;
// then publishing through its button (a section's comment with it) and the published PDF from the PDF button.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/lib/features/report/messages';
import { formatPercent } from '../../src/lib/format';
import type { Lang } from '../../src/lib/i18n/lang';
import { createSession } from '../../src/lib/server/auth/sessions';
import { createUser } from '../../src/lib/server/auth/users';
import { computeMetric } from '../../src/lib/server/metrics/index';
import type { KpisDocument } from '../../src/lib/server/metrics/kpis';
import type { TargetsDocument } from '../../src/lib/server/metrics/targets';
import { hydrated } from '../helpers/chromium';
import { newPage, openPage, useDemoApp } from '../helpers/demo-app';
import { compact, pdfText } from '../helpers/pdf-text';
import { TEST_ADMIN } from '../helpers/server';

const MONTH = '2026-10';
const COMMENT = 'Dos clientes nuevos de Santa Cruz explican la mitad de la captación.';
const SECTIONS = ['kpis', 'growth', 'goals', 'captures', 'concentration', 'activation', 'funnel', 'movers'] as const;
// What must not show on paper: navigation, the language switch, buttons (a column's sort button
// prints as its label), form fields, download links and chart tools.
const CONTROLS = 'nav, .lang-switch, button:not(.sort), select, input:not([type="hidden"]), textarea, a[download], .panel__tools, .data-table__tools, .filter-bar';

/** The controls of `page` a reader would see. */
async function visibleControls(page: Page): Promise<string[]> {
	return page.locator(CONTROLS).evaluateAll((els) =>
		els.filter((e) => (e as HTMLElement).offsetParent !== null || e.getClientRects().length > 0).map((e) => e.outerHTML.slice(0, 80))
	);
}

function expectSections(text: string, lang: Lang): void {
	for (const s of SECTIONS) expect(compact(text), s).toContain(compact(messages[lang].sections[s]));
}

let kpiDoc: KpisDocument;
let managerGoals: TargetsDocument['ranking'];
let adminSession: string;

const app = useDemoApp({
	prepare: async (db) => {
		// The month the report is tested on is the demo's last month of invoices.
		expect((await db.one<{ m: string }>("SELECT strftime(max(invoice_date), '%Y-%m') AS m FROM invoice_lines"))!.m).toBe(MONTH);
		// A signed-in admin (a session cookie, as in a browser: a download does not carry extra headers).
		const admin = await createUser(db, TEST_ADMIN.name, TEST_ADMIN.password, 'admin');
		adminSession = (await createSession(db, admin.user_id)).token;
		kpiDoc = (await computeMetric(db, 'kpis', { from: '2025-11', to: MONTH })) as KpisDocument;
		const goals = (await computeMetric(db, 'targets', { from: `${MONTH.slice(0, 4)}-01`, to: MONTH, by: 'account_manager' })) as TargetsDocument;
		managerGoals = goals.ranking.filter((r) => r.month === MONTH);
	}
});

async function open(lang: Lang, width = 1280): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
	const opened = await openPage(app, `/informe/${MONTH}?lang=${lang}`, { lang, viewport: { width, height: 900 } });
	await opened.page.locator('[data-testid="report"]').waitFor();
	return opened;
}

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
				// Goals: each account manager's attainment as the targets figure has it, or the line saying none are loaded.
				const goals = (await page.locator('[data-testid="report-goals"]').textContent())!;
				if (managerGoals.length === 0) expect(goals).toContain(messages[lang].noGoals);
				for (const g of managerGoals) expect(goals).toContain(g.value ?? '');
				for (const g of managerGoals.filter((x) => x.attainment !== null)) expect(goals).toContain(formatPercent(g.attainment!, lang));
				expect(errors).toEqual([]);
			} finally {
				await close();
			}
		});
	}

	for (const lang of ['es', 'en'] as const) {
		it(`prints to a PDF holding every section, in ${lang}`, async () => {
			const { page, close } = await open(lang);
			try {
				await page.emulateMedia({ media: 'print' });
				const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
				expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
				const text = pdfText(pdf);
				expectSections(text, lang);
				expect(compact(text)).toContain(compact(messages[lang].kind));
				// No navigation on paper: the other sections' names are not in it.
				expect(text).not.toContain(lang === 'es' ? 'Cargar datos' : 'Load data');
			} finally {
				await close();
			}
		});
	}

	it('answers its PDF button with the report printed by Chromium, in the asker’s language', async () => {
		const response = await app.server.fetch(`${app.server.url}/informe/${MONTH}/pdf`, { headers: { 'accept-language': 'en' } });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expectSections(pdfText(Buffer.from(await response.arrayBuffer())), 'en');
	});

	for (const width of [390, 1280]) {
		it(`shows no navigation or controls in print at ${width} px, on the report and on Resumen`, async () => {
			const { page, close } = await open('es', width);
			try {
				await expect(page.locator('[data-testid="report-pdf"]').isVisible()).resolves.toBe(true);
				await page.emulateMedia({ media: 'print' });
				await expect(visibleControls(page)).resolves.toEqual([]);
				await page.goto(`${app.server.url}/?from=2025-11&to=${MONTH}&region=Cochabamba`);
				await page.locator('[data-testid="report-link"]').waitFor({ state: 'attached' });
				await expect(visibleControls(page)).resolves.toEqual([]);
				// The filter bar is one line of text on paper: the period and the filters in force.
				const line = page.locator('[data-testid="filter-print"]');
				await expect(line.isVisible()).resolves.toBe(true);
				await expect(line.textContent()).resolves.toMatch(/nov 2025 – oct 2026[\s\S]*Cochabamba/);
			} finally {
				await close();
			}
		});
	}

	it('is reached from Resumen for the period’s last month', async () => {
		const { page, close } = await newPage(app);
		try {
			await page.goto(`${app.server.url}/?from=2025-11&to=${MONTH}&lang=es`);
			await expect(page.locator('[data-testid="report-link"]').getAttribute('href')).resolves.toBe(`/informe/${MONTH}`);
		} finally {
			await close();
		}
	});

	// Last: publishing changes the page the tests above read as a draft.
	it('publishes the month with its button, a section’s comment with it: the page then says who published it, that the data has not changed, lists it, and prints it', async () => {
		const { page, errors, close } = await open('es');
		try {
			await hydrated(page);
			const box = page.locator('[data-testid="comments-captures"]');
			await box.locator('textarea').fill(COMMENT);
			await box.locator('button[type="submit"]').click();
			await expect.poll(() => box.locator('.comments').textContent()).toContain(COMMENT);
			await page.locator('[data-testid="report-publish"]').click();
			await expect.poll(() => page.locator('[data-testid="report-state"]').textContent()).toContain('Publicado por token:tests');
			await expect(page.locator('[data-testid="report-changed"]').textContent()).resolves.toContain(messages.es.unchangedSince);
			await expect(page.locator('[data-testid="report-list"]').textContent()).resolves.toContain('versión 1');
			await page.reload();
			await expect(page.locator('[data-testid="report-state"]').textContent()).resolves.toContain('versión 1');
			await page.emulateMedia({ media: 'print' });
			const text = pdfText(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
			expectSections(text, 'es');
			expect(compact(text)).toContain(compact('Publicado por token:tests'));
			expect(compact(text)).toContain(compact(COMMENT));
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	for (const lang of ['es', 'en'] as const) {
		it(`gives the published month as a PDF from its PDF button, printed by Chromium with every section and the comment, in ${lang}`, async () => {
			const { page, close } = await newPage(app, { lang, session: adminSession });
			try {
				await page.goto(`${app.server.url}/informe/${MONTH}?lang=${lang}`);
				const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="report-pdf"]').click()]);
				expect(download.suggestedFilename()).toBe(`informe-${MONTH}.pdf`);
				const pdf = readFileSync((await download.path())!);
				expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
				const text = pdfText(pdf);
				expectSections(text, lang);
				expect(compact(text)).toContain(compact(lang === 'es' ? 'Publicado por token:tests' : 'Published by token:tests'));
				expect(compact(text)).toContain(compact(COMMENT));
				expect(compact(text)).toContain(compact(messages[lang].comments));
				// On paper: no comment box, no buttons.
				expect(compact(text)).not.toContain(compact(messages[lang].commentSend));
				expect(compact(text)).not.toContain(compact(messages[lang].republish));
			} finally {
				await close();
			}
		});
	}

	it('shows no navigation or controls once published, at 390 px in print', async () => {
		const { page, close } = await open('es', 390);
		try {
			await expect(page.locator('[data-testid="comments-captures"] textarea').isVisible()).resolves.toBe(true);
			await page.emulateMedia({ media: 'print' });
			await expect(visibleControls(page)).resolves.toEqual([]);
			await expect(page.locator('[data-testid="comments-captures"] .comments').isVisible()).resolves.toBe(true);
		} finally {
			await close();
		}
	});

	it('refuses a month that is not YYYY-MM', async () => {
		const response = await fetch(`${app.server.url}/informe/2026-13`, { headers: app.server.auth });
		expect(response.status).toBe(400);
	});
});
