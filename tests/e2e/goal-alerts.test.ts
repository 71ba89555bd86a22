// /alertas shows a goal's alert in Chromium, Spanish and English: the month, the scope (the account
// manager), "Cumplimiento de meta" / "Goal attainment", old → new status in words and icons, and the
// attainment as a percentage per locale (the goal fixture: Luis's March from acceptable to observed).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMonth, formatPercent } from '../../src/lib/format';
import type { Lang } from '../../src/lib/i18n/lang';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/sessions';
import { createUser } from '../../src/lib/server/auth/users';
import { listAlerts } from '../../src/lib/server/alerts/store';
import { Database } from '../../src/lib/server/db/database';
import { hydrated, launchBrowser } from '../helpers/chromium';
import { CREDIT_NOTE, loadGoalFixture } from '../helpers/goal-alert-fixture';
import { loadCsv } from '../helpers/metric-fixture';
import { startServer, TEST_ADMIN, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const WORDS = {
	es: { kpi: 'Cumplimiento de meta', scope: 'Ejecutivo de cuenta: Luis Gómez', statuses: ['●Aceptable', '▲Observado'] },
	en: { kpi: 'Goal attainment', scope: 'Account manager: Luis Gómez', statuses: ['●Acceptable', '▲Observed'] }
};
const folder = tempFolder();
let server: RunningServer | undefined;
let browser: Browser | undefined;
let token = '';
let value = 0;

beforeAll(async () => {
	const path = folder.path('goals.duckdb');
	const db = await Database.open(path);
	await loadGoalFixture(db, folder);
	await loadCsv(db, folder, { 'nc.csv': CREDIT_NOTE });
	await db.close(); // waits for the load's alert
	const reopened = await Database.open(path);
	const [alert] = await listAlerts(reopened);
	expect(alert).toMatchObject({ source: 'goal', kpi: 'targets', scope_value: 'Luis Gómez' });
	value = alert!.value!;
	await createUser(reopened, TEST_ADMIN.name, TEST_ADMIN.password, 'admin');
	const vera = await createUser(reopened, 'vera', 'clave de lectora larga', 'viewer');
	token = (await createSession(reopened, vera.user_id)).token;
	await reopened.close();
	server = await startServer(path);
	browser = await launchBrowser();
	mkdirSync(SHOTS, { recursive: true });
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	folder.remove();
});

describe('/alertas with a goal’s alert', () => {
	for (const lang of ['es', 'en'] as Lang[]) {
		it(`shows month, manager, goal attainment, old → new status and the attainment (${lang})`, async () => {
			const w = WORDS[lang];
			const context = await browser!.newContext({ locale: lang === 'es' ? 'es-BO' : 'en-US', viewport: { width: 1280, height: 800 } });
			await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server!.url }]);
			const page = await context.newPage();
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(e.message));
			await page.goto(`${server!.url}/alertas?lang=${lang}`);
			await hydrated(page);
			const rows = page.locator('[data-testid="alerts-table"] tbody tr');
			expect(await rows.count()).toBe(1);
			const row = rows.first();
			expect(await row.getAttribute('data-kpi')).toBe('targets');
			const text = (await row.textContent())!;
			expect(text).toContain(formatMonth('2026-03', lang));
			expect(text).toContain(w.scope);
			expect(text).toContain(w.kpi);
			expect(await row.locator('.status').allTextContents()).toEqual(w.statuses);
			expect(await row.locator('[data-testid="alert-value"]').textContent()).toBe(formatPercent(value, lang, 1));
			await page.screenshot({ path: join(SHOTS, `goal-alert-${lang}.png`), fullPage: true });
			expect(errors).toEqual([]);
			await context.close();
		});
	}
});
