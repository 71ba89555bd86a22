// End to end (issue 14, DESIGN.md "Partial month"), in Spanish and English on the demo with a small
// November file (lines on Nov 1, 3 and 5 2026 only): Resumen shows November provisional; an analyst
// marks it closed, and November's growth is then judged; a viewer sees who closed it and when but
// gets no button, and a viewer's post is refused; the analyst reopens it and it is provisional again.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth } from '../../src/lib/format';
import type { Lang } from '../../src/lib/i18n/lang';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/sessions';
import { createUser } from '../../src/lib/server/auth/users';
import type { GrowthDocument } from '../../src/lib/server/metrics/documents';
import type { KpisDocument } from '../../src/lib/server/metrics/kpis';
import { openPage, useDemoApp } from '../helpers/demo-app';
import { loadPartialNovember } from '../helpers/partial-november';
import { TEST_ADMIN } from '../helpers/server';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });
const LANGS: Lang[] = ['es', 'en'];
const PERIOD = 'from=2026-06&to=2026-11';
const WORDS = {
	es: { provisional: 'es provisional', close: 'Marcar el mes como cerrado', closedBy: 'marcado como cerrado por ana', reopen: 'Reabrir' },
	en: { provisional: 'is provisional', close: 'Mark the month as closed', closedBy: 'was marked as closed by ana', reopen: 'Reopen' }
};

const sessions: Record<'analyst' | 'viewer', string> = { analyst: '', viewer: '' };

const app = useDemoApp({
	prepare: async (db, dir) => {
		await loadPartialNovember(db, dir);
		// The admin first (startServer's API token is the admin's), then an analyst and a viewer.
		await createUser(db, TEST_ADMIN.name, TEST_ADMIN.password, 'admin');
		const ana = await createUser(db, 'ana', 'clave de analista larga', 'analyst');
		const vera = await createUser(db, 'vera', 'clave de lectora larga', 'viewer');
		sessions.analyst = (await createSession(db, ana.user_id)).token;
		sessions.viewer = (await createSession(db, vera.user_id)).token;
	}
});
const open = (who: 'analyst' | 'viewer', lang: Lang) => openPage(app, `/?${PERIOD}&lang=${lang}`, { lang, session: sessions[who] });

async function november(): Promise<GrowthDocument['months'][number]> {
	const response = await app.server.fetch(`${app.server.url}/api/metrics/growth?from=2026-10&to=2026-11`);
	expect(response.status).toBe(200);
	return ((await response.json()) as GrowthDocument).months.find((m) => m.month === '2026-11')!;
}

async function growthKpiMonth(): Promise<string | null | undefined> {
	const response = await app.server.fetch(`${app.server.url}/api/metrics/kpis?${PERIOD}`);
	return ((await response.json()) as KpisDocument).kpis.find((k) => k.id === 'growth')?.month;
}

const box = '[data-testid="month-closing"]';

describe('marking the provisional November closed', () => {
	it('a viewer gets no button and a viewer’s post is refused', async () => {
		const { page, errors, close } = await open('viewer', 'es');
		expect(await page.getAttribute(box, 'data-state')).toBe('provisional');
		expect(await page.locator(`${box} button`).count()).toBe(0);
		expect(errors).toEqual([]);
		await close();
		const form = new FormData();
		form.set('month', '2026-11');
		const refused = await fetch(`${app.server.url}/?/closeMonth`, { method: 'POST', body: form, headers: { cookie: `${SESSION_COOKIE}=${sessions.viewer}`, origin: app.server.url } });
		expect(refused.status).toBe(403);
		expect((await november()).provisional).toBe(true);
	});

	for (const lang of LANGS) {
		it(`the analyst closes November and it is judged, the viewer sees who closed it, the analyst reopens it (${lang})`, async () => {
			const w = WORDS[lang];
			const month = formatMonth('2026-11', lang);
			expect(await november()).toMatchObject({ provisional: true, partial: true, status: null });
			expect(await growthKpiMonth()).toBe('2026-10');

			const analyst = await open('analyst', lang);
			const a = analyst.page;
			expect(await a.getAttribute(box, 'data-state')).toBe('provisional');
			expect(await a.textContent(box)).toContain(`${month} ${w.provisional}`);
			expect(await a.textContent(box)).toContain(formatDate('2026-11-05', lang));
			// The growth tile names the projection and judges October meanwhile.
			expect(await a.textContent('[data-testid="kpi-growth-provisional"]')).toContain(month);
			await a.screenshot({ path: join(SHOTS, `month-closing-provisional-${lang}.png`), fullPage: true });
			await a.getByRole('button', { name: w.close }).click();
			await a.waitForSelector(`${box}[data-state="closed"]`);
			expect(await a.textContent(box)).toContain(w.closedBy);
			expect(await a.textContent(box)).toContain(formatDate(new Date().toISOString().slice(0, 10), lang));
			// November is judged now: a status, no projection; the growth tile judges it with a badge.
			const nov = await november();
			expect(nov).toMatchObject({ provisional: false, partial: false, projected_revenue: null });
			expect(nov.status).not.toBeNull();
			expect(await growthKpiMonth()).toBe('2026-11');
			expect(await a.locator('[data-testid="kpi-growth-provisional"]').count()).toBe(0);
			expect(await a.textContent('[data-testid="kpi-growth"]')).toContain(formatMonth('2026-11', lang));
			expect(await a.getAttribute('[data-testid="kpi-growth"] .status', 'data-status')).toBe(nov.status);

			const viewer = await open('viewer', lang);
			expect(await viewer.page.getAttribute(box, 'data-state')).toBe('closed');
			expect(await viewer.page.textContent(box)).toContain(w.closedBy);
			expect(await viewer.page.locator(`${box} button`).count()).toBe(0);
			await viewer.page.screenshot({ path: join(SHOTS, `month-closing-closed-viewer-${lang}.png`), fullPage: true });
			expect(viewer.errors).toEqual([]);
			await viewer.close();

			await a.getByRole('button', { name: w.reopen }).click();
			await a.waitForSelector(`${box}[data-state="provisional"]`);
			expect(await november()).toMatchObject({ provisional: true, status: null });
			expect(await growthKpiMonth()).toBe('2026-10');
			// The period in the URL stayed.
			expect(new URL(a.url()).searchParams.get('to')).toBe('2026-11');
			expect(analyst.errors).toEqual([]);
			await analyst.close();
		});
	}
});
