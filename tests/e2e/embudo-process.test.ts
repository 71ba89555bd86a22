// End to end: Embudo's commercial-process sections (issue 15) on the built app — each entry kind's
// funnel, the go / no-go rate and its reasons, the open and weighted pipeline by stage and close
// month, stale opportunities, quotes past validity and loss reasons — in Spanish and English. The
// demo database plus tests/fixtures/decision/ (records with decisions, last changes and validity
// dates); expected values are the figures' documents on the same file.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatNumber } from '../../src/lib/format';
import { formatRate } from '../../src/lib/components/plot-kit';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import type { FunnelDocument } from '../../src/lib/server/metrics/funnel';
import { computeMetric } from '../../src/lib/server/metrics/index';
import type { LossReasonsDocument } from '../../src/lib/server/metrics/loss-reasons';
import type { OpenPipelineDocument } from '../../src/lib/server/metrics/open-pipeline';
import { loadSettings } from '../../src/lib/server/metrics/settings';
import { openPage, useDemoApp } from '../helpers/demo-app';

const PERIOD = { from: '2025-01', to: '2025-12' };
const FIXTURES = join(__dirname, '..', 'fixtures', 'decision');
let currency: string;
let funnel: FunnelDocument;
let loss: LossReasonsDocument;
let open: OpenPipelineDocument;

const squash = (s: string) => s.replace(/\s/g, '');

const app = useDemoApp({
	prepare: async (db) => {
		await ingestFiles(db, ['oportunidades_go_no_go.csv', 'presupuestos_validez.csv'].map((name) => ({ path: join(FIXTURES, name), name })));
		currency = (await loadSettings(db)).currency;
		funnel = (await computeMetric(db, 'funnel', PERIOD)) as FunnelDocument;
		loss = (await computeMetric(db, 'loss_reasons', PERIOD)) as LossReasonsDocument;
		open = (await computeMetric(db, 'open_pipeline', PERIOD)) as OpenPipelineDocument;
	}
});

describe('Embudo: the commercial process', () => {
	it('the data has no-go decisions, losses, an open pipeline, stale opportunities and quotes past validity', () => {
		expect(funnel.all.no_go).toBeGreaterThan(0);
		expect(loss.total.count).toBeGreaterThan(0);
		expect(open.total.count).toBeGreaterThan(0);
		expect(open.stale.count).toBeGreaterThan(0);
		expect(open.quotes_past_validity.count).toBeGreaterThan(0);
	});

	for (const lang of ['es', 'en'] as const) {
		it(`shows each entry kind, go / no-go, the open pipeline and the loss reasons as the figures say (${lang})`, async () => {
			const { page, errors, close } = await openPage(app, `/embudo?from=${PERIOD.from}&to=${PERIOD.to}&lang=${lang}`);

			// Four entry kinds and all together, with their counts and rates.
			const kinds = page.locator('[data-testid="entry-kinds-table"] tbody tr');
			const rows = [...funnel.kinds, funnel.all];
			expect(await kinds.count()).toBe(rows.length);
			for (let i = 0; i < rows.length; i++) {
				const text = squash((await kinds.nth(i).textContent()) ?? '');
				expect(text).toContain(squash(formatNumber(rows[i]!.created, lang)));
				if (rows[i]!.no_go_rate !== null) expect(text).toContain(squash(formatRate(rows[i]!.no_go_rate, lang)));
			}
			expect(await page.locator('[data-testid="entry-kinds-chart"] svg').count()).toBeGreaterThan(0);

			// Go / no-go: the rate's tile and every reason.
			expect(squash((await page.textContent('[data-testid="tile-no-go-rate"]')) ?? '')).toContain(squash(formatRate(funnel.all.no_go_rate, lang)));
			const reasons = page.locator('[data-testid="no-go-reasons-table"] tbody tr');
			expect(await reasons.count()).toBe(funnel.no_go_reasons.length);
			expect(await page.textContent('[data-testid="no-go-reasons-table"]')).toContain('Fuera de zona');

			// Open and weighted pipeline at as_of: tiles, stages, close months.
			expect(squash((await page.textContent('[data-testid="tile-open-amount"]')) ?? '')).toContain(squash(formatMoney(open.total.amount, lang, currency)));
			expect(squash((await page.textContent('[data-testid="tile-weighted"]')) ?? '')).toContain(squash(formatMoney(open.total.weighted, lang, currency)));
			expect(await page.locator('[data-testid="stage-table"] tbody tr').count()).toBe(open.by_stage.length);
			expect(await page.locator('[data-testid="close-month-table"] tbody tr').count()).toBe(open.by_close_month.length);

			// Stale opportunities and quotes past validity: as many rows as the document carries.
			expect(await page.locator('[data-testid="stale-table"] tbody tr').count()).toBe(open.stale.rows.length);
			// A stale opportunity's client opens the client's page.
			const firstStale = open.stale.rows[0]!;
			expect(await page.locator('[data-testid="stale-table"] tbody tr').first().locator('a').first().getAttribute('href')).toContain(
				`/clientes/${encodeURIComponent(firstStale.client_id!)}`
			);
			const validity = page.locator('[data-testid="validity-table"] tbody tr');
			expect(await validity.count()).toBe(open.quotes_past_validity.rows.length);
			expect(await page.textContent('[data-testid="validity-table"]')).toContain('Q-1');
			// Their numbers and each stage's count open the lists behind them (Lista), with the same totals.
			for (const [testid, key, figure] of [['stale-list-link', 'opportunities', open.stale], ['validity-list-link', 'quotes', open.quotes_past_validity]] as const) {
				const href = (await page.locator(`[data-testid="${testid}"]`).getAttribute('href'))!;
				expect(href).toContain(`/lista/stale?`);
				expect(new URL(href, app.server.url).searchParams.get('key')).toBe(key);
				expect(squash((await page.textContent(`[data-testid="${testid}"]`)) ?? '')).toContain(squash(formatMoney(figure.total, lang, currency)));
			}
			expect(await page.locator('[data-testid="stage-table"] tbody tr a[href*="/lista/open_stage?"]').count()).toBeGreaterThan(0);

			// Loss reasons of the period: each reason with its count and amount.
			const lossRows = page.locator('[data-testid="loss-reasons-table"] tbody tr');
			expect(await lossRows.count()).toBe(loss.reasons.length);
			const top = squash((await lossRows.nth(0).textContent()) ?? '');
			expect(top).toContain(squash(formatMoney(loss.reasons[0]!.amount, lang, currency)));
			expect(errors).toEqual([]);
			await close();
		}, 60_000);
	}

	it('the stale list opened from Embudo holds every stale opportunity, its total as on Embudo', async () => {
		const { page, close } = await openPage(app, `/embudo?from=${PERIOD.from}&to=${PERIOD.to}&lang=es`);
		await page.locator('[data-testid="stale-list-link"]').click();
		await page.waitForURL(/\/lista\/stale/);
		const list = page.locator('[data-testid="list"]');
		expect(Number(await list.getAttribute('data-count'))).toBe(open.stale.count);
		expect(Number(await list.getAttribute('data-total'))).toBe(open.stale.total);
		expect(await page.textContent('h1')).toContain('Oportunidades estancadas');
		expect(await page.locator('[data-testid="list-back"]').getAttribute('href')).toContain('/embudo');
		await close();
	}, 60_000);

	it('takes the stale days and a stage probability from Ajustes (last: it changes the settings)', async () => {
		const { page, close } = await openPage(app, '/ajustes?lang=en');
		const form = page.locator('[data-testid="definitions"]');
		await form.locator('input[name="stale_days"]').fill('30');
		await form.locator('textarea[name="stage_probabilities"]').fill('Negociación = 10');
		await form.locator('button[type="submit"]').click();
		await form.locator('.saved').waitFor();
		const response = await page.request.get(`${app.server.url}/api/metrics/open_pipeline?from=${PERIOD.from}&to=${PERIOD.to}`);
		const doc = (await response.json()) as OpenPipelineDocument;
		expect(doc.stale_days).toBe(30);
		const negotiation = doc.by_stage.find((s) => s.stage === 'Negociación');
		expect(negotiation?.probability).toBe(0.1);
		// A stale list at 30 days holds at least those at 60.
		expect(doc.stale.count).toBeGreaterThanOrEqual(open.stale.count);
		await page.goto(`${app.server.url}/embudo?from=${PERIOD.from}&to=${PERIOD.to}&lang=en`);
		expect(await page.textContent('[data-testid="open-pipeline"]')).toContain('no change in 30 days');
		await page.goto(`${app.server.url}/ajustes?lang=en`);
		expect(await page.inputValue('textarea[name="stage_probabilities"]')).toBe('Negociación = 10');
		await close();
	}, 60_000);
});
