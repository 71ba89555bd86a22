// /alertas shows a goal's alert in Chromium, Spanish and English: the month, the scope (the account
// manager), "Cumplimiento de meta" / "Goal attainment", old → new status in words and icons, and the
// attainment as a percentage per locale (the goal fixture: Luis's March from acceptable to observed).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatMonth, formatPercent } from '../../src/lib/format';
import type { Lang } from '../../src/lib/i18n/lang';
import { alertsSettled } from '../../src/lib/server/alerts/record';
import { listAlerts } from '../../src/lib/server/alerts/store';
import { createSession } from '../../src/lib/server/auth/sessions';
import { createUser } from '../../src/lib/server/auth/users';
import { openPage, useDemoApp } from '../helpers/demo-app';
import { CREDIT_NOTE, loadGoalFixture } from '../helpers/goal-alert-fixture';
import { loadCsv } from '../helpers/metric-fixture';
import { TEST_ADMIN } from '../helpers/server';
import { folderAt } from '../helpers/temp-db';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });
const WORDS = {
	es: { kpi: 'Cumplimiento de meta', scope: 'Ejecutivo de cuenta: Luis Gómez', statuses: ['●Aceptable', '▲Observado'] },
	en: { kpi: 'Goal attainment', scope: 'Account manager: Luis Gómez', statuses: ['●Acceptable', '▲Observed'] }
};
let token = '';
let value = 0;

const app = useDemoApp({
	emptyDatabase: true,
	prepare: async (db, dir) => {
		const folder = folderAt(dir);
		await loadGoalFixture(db, folder);
		await loadCsv(db, folder, { 'nc.csv': CREDIT_NOTE });
		await alertsSettled(); // the load's alert
		const [alert] = await listAlerts(db);
		expect(alert).toMatchObject({ source: 'goal', kpi: 'targets', scope_value: 'Luis Gómez' });
		value = alert!.value!;
		await createUser(db, TEST_ADMIN.name, TEST_ADMIN.password, 'admin');
		const vera = await createUser(db, 'vera', 'clave de lectora larga', 'viewer');
		token = (await createSession(db, vera.user_id)).token;
	}
});

describe('/alertas with a goal’s alert', () => {
	for (const lang of ['es', 'en'] as Lang[]) {
		it(`shows month, manager, goal attainment, old → new status and the attainment (${lang})`, async () => {
			const w = WORDS[lang];
			const { page, errors, close } = await openPage(app, `/alertas?lang=${lang}`, { lang, session: token, viewport: { width: 1280, height: 800 } });
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
			await close();
		});
	}
});
