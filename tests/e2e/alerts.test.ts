// /alertas in Chromium, Spanish and English, on the demo after a credit note that turned October's
// growth to rejected: a viewer reads the alert (old → new status as text and icon, the value per
// locale) and sees no subscriptions anywhere, nor can write them; an admin follows the link from
// /alertas to the subscriptions in Ajustes, subscribes a webhook (its key shown once), and an undo
// through the API raises the alert back, delivered signed to a local receiver and logged there.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMonth, formatPercentChange } from '../../src/lib/format';
import type { Lang } from '../../src/lib/i18n/lang';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/sessions';
import { createUser } from '../../src/lib/server/auth/users';
import { alertsSettled } from '../../src/lib/server/alerts/record';
import { listAlerts } from '../../src/lib/server/alerts/store';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { hydrated } from '../helpers/chromium';
import { openPage, useDemoApp } from '../helpers/demo-app';
import { TEST_ADMIN } from '../helpers/server';
import { signatureOf, WebhookReceiver } from '../helpers/webhook-receiver';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const WORDS = {
	es: { observed: 'Observado', rejected: 'Rechazado', growth: 'Crecimiento mensual', portfolio: 'Toda la cartera', subscribe: 'Suscribir', webhook: 'Dirección del webhook', manage: 'Suscripciones y envíos de alertas (en Ajustes)', subscriptions: 'Suscripciones a las alertas' },
	en: { observed: 'Observed', rejected: 'Rejected', growth: 'Monthly growth', portfolio: 'Whole portfolio', subscribe: 'Subscribe', webhook: 'Webhook URL', manage: 'Alert subscriptions and deliveries (in Settings)', subscriptions: 'Alert subscriptions' }
};

let receiver: WebhookReceiver | undefined;
let batch = 0;
let rejectedValue = 0;
const sessions = { admin: '', viewer: '' };

const app = useDemoApp({
	prepare: async (db, dir) => {
		const file = join(dir, 'nc.csv');
		writeFileSync(file, [
			'Nº factura;Línea;Fecha;Código cliente;Código producto;Cantidad;Precio unitario;Importe;Moneda;Tipo documento',
			'NC-ALERT-1;1;15/10/2026;CL-00065;P-013;-1;1.000.000,00;-1.000.000,00;BOB;Nota de crédito'
		].join('\n'));
		// Without the demo's goals, which the credit note also moves (their alerts: goal-alerts.test.ts).
		await db.run('DELETE FROM targets');
		batch = (await ingestFiles(db, [{ path: file, name: 'nc.csv' }])).files[0]!.batch_id;
		await alertsSettled();
		const [alert] = await listAlerts(db);
		expect(alert).toMatchObject({ kpi: 'growth', old_status: 'observed', new_status: 'rejected' });
		rejectedValue = alert!.value!;
		const admin = await createUser(db, TEST_ADMIN.name, TEST_ADMIN.password, 'admin');
		const vera = await createUser(db, 'vera', 'clave de lectora larga', 'viewer');
		sessions.admin = (await createSession(db, admin.user_id)).token;
		sessions.viewer = (await createSession(db, vera.user_id)).token;
	}
});
beforeAll(async () => {
	receiver = await WebhookReceiver.up();
	mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
	await receiver?.close();
});

const open = (who: 'admin' | 'viewer', lang: Lang) => openPage(app, `/alertas?lang=${lang}`, { lang, session: sessions[who] });

describe('/alertas', () => {
	it('a viewer cannot add or remove subscriptions', async () => {
		for (const action of ['subscribe', 'unsubscribe']) {
			// Ajustes holds them; /alertas has no such action any more.
			const form = new FormData();
			form.set('webhook_url', 'http://127.0.0.1:9/x');
			form.set('id', '1');
			const refused = await fetch(`${app.server.url}/ajustes?/${action}`, { method: 'POST', body: form, headers: { cookie: `${SESSION_COOKIE}=${sessions.viewer}`, origin: app.server.url } });
			expect(refused.status).toBe(403);
		}
	});

	for (const lang of ['es', 'en'] as Lang[]) {
		it(`a viewer reads the growth alert: month, scope, old → new status in words and icons, value per locale (${lang})`, async () => {
			const w = WORDS[lang];
			const { page, errors, close } = await open('viewer', lang);
			const row = page.locator('[data-testid="alerts-table"] tbody tr').first();
			const text = (await row.textContent())!;
			expect(text).toContain(formatMonth('2026-10', lang));
			expect(text).toContain(w.portfolio);
			expect(text).toContain(w.growth);
			expect(await row.locator('.status').allTextContents()).toEqual([`▲${w.observed}`, `✕${w.rejected}`]);
			expect(await row.getAttribute('data-direction')).toBe('worse');
			expect(await row.locator('[data-testid="alert-value"]').textContent()).toBe(formatPercentChange(rejectedValue, lang));
			// The nav leads here; a viewer sees no subscriptions.
			expect(await page.locator('nav a[aria-current="page"]').textContent()).toBe(lang === 'es' ? 'Alertas' : 'Alerts');
			expect(await page.locator('[data-testid="subscriptions"]').count()).toBe(0);
			expect(await page.locator('[data-testid="manage-subscriptions"]').count()).toBe(0);
			await page.screenshot({ path: join(SHOTS, `alerts-viewer-${lang}.png`), fullPage: true });
			// Nor in Ajustes, which a viewer reads.
			await page.goto(`${app.server.url}/ajustes`);
			await hydrated(page);
			expect(await page.locator('h1').count()).toBe(1);
			expect(await page.locator('[data-testid="subscriptions"]').count()).toBe(0);
			expect(await page.locator('[data-testid="deliveries-table"]').count()).toBe(0);
			expect(errors).toEqual([]);
			await close();
		});
	}

	it('an admin subscribes a webhook (its key shown once); an undo is delivered to it signed, and logged', async () => {
		const w = WORDS.es;
		const { page, errors, close } = await open('admin', 'es');
		// /alertas lists alerts only; its link leads admins to the subscriptions in Ajustes.
		expect(await page.locator('[data-testid="subscriptions"]').count()).toBe(0);
		await page.getByRole('link', { name: w.manage }).click();
		await page.waitForURL(/\/ajustes#suscripciones$/);
		await hydrated(page);
		expect(await page.getByRole('heading', { name: w.subscriptions }).count()).toBe(1);
		await page.getByLabel(w.webhook).fill(receiver!.url);
		await page.getByRole('button', { name: w.subscribe }).click();
		const secret = (await page.locator('[data-testid="subscription-secret"]').textContent({ timeout: 10_000 }))!;
		expect(secret).toMatch(/^[0-9a-f]{64}$/);
		expect(await page.locator('[data-subscription]').count()).toBe(1);

		const undone = await app.server.fetch(`${app.server.url}/api/uploads/batches/${batch}/undo`, { method: 'POST', headers: { origin: app.server.url } });
		expect(undone.status).toBe(200);
		await receiver!.received(1);
		const { calls } = receiver!;
		expect(calls).toHaveLength(1);
		expect(calls[0]!.signature).toBe(signatureOf(calls[0]!.body, secret));
		expect(JSON.parse(calls[0]!.body)).toMatchObject({ alert: { kpi: 'growth', old_status: 'rejected', new_status: 'observed', direction: 'better', cause: 'undo', batch_id: batch } });

		await page.goto(`${app.server.url}/alertas?lang=en`);
		await hydrated(page);
		expect(await page.locator('[data-testid="alerts-table"] tbody tr').count()).toBe(2);
		expect(await page.locator('[data-testid="manage-subscriptions"]').textContent()).toBe(WORDS.en.manage);
		const newest = page.locator('[data-testid="alerts-table"] tbody tr').first();
		expect(await newest.locator('.status').allTextContents()).toEqual(['✕Rejected', '▲Observed']);
		expect(await newest.getAttribute('data-direction')).toBe('better');
		// The delivery log is in Ajustes, beside the subscriptions (English now).
		await page.goto(`${app.server.url}/ajustes`);
		await hydrated(page);
		expect(await page.getByRole('heading', { name: WORDS.en.subscriptions }).count()).toBe(1);
		await page.waitForSelector('[data-testid="deliveries-table"] tr[data-outcome="sent"]');
		// Shown once: not on the page any more.
		expect(await page.locator('[data-testid="subscription-secret"]').count()).toBe(0);
		expect(await page.content()).not.toContain(secret);
		await page.locator('#suscripciones').screenshot({ path: join(SHOTS, 'alerts-admin-en.png') });
		expect(errors).toEqual([]);
		await close();
	});
});
