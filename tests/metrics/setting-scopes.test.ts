// Settings management sets (issue 7): checks that refuse bad values naming the field, targets for
// one segment and from a given month on, and the history of every change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import type { GrowthDocument } from '../../src/lib/server/metrics/documents';
import { computeMetric } from '../../src/lib/server/metrics/index';
import type { KpisDocument } from '../../src/lib/server/metrics/kpis';
import { DEFAULT_SETTINGS, loadSettings } from '../../src/lib/server/metrics/settings';
import { saveSetting, SettingError, settingsHistory } from '../../src/lib/server/metrics/settings-store';
import { loadCsv } from '../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	const clients = ['Código cliente;Razón social;Región', 'A;Alfa;La Paz', 'B;Beta;Oruro'];
	// Monthly revenue 100 → 115 → 132,25: +15 % in February and in March, for La Paz (A) alone;
	// Oruro (B) buys 50 each month: 0 % growth.
	const invoices = [
		'Nº factura;Fecha;Código cliente;Importe',
		'F1;10/01/2025;A;100,00',
		'F2;10/02/2025;A;115,00',
		'F3;10/03/2025;A;132,25',
		'G1;11/01/2025;B;50,00',
		'G2;11/02/2025;B;50,00',
		'G3;11/03/2025;B;50,00'
	];
	await loadCsv(db, folder, { 'c.csv': clients, 'f.csv': invoices });
});
afterAll(() => {
	db.close();
	folder.remove();
});

const refused = async (change: Parameters<typeof saveSetting>[1], field: string) => {
	const before = (await db.all('SELECT * FROM settings')).length;
	const error = await saveSetting(db, change).then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(SettingError);
	expect((error as SettingError).field).toBe(field);
	expect((await db.all('SELECT * FROM settings')).length).toBe(before); // nothing stored
};

describe('checks', () => {
	it('refuses bands out of order, a flipped direction, values out of range, naming the field', async () => {
		await refused({ key: 'thresholds.hhi', value: { direction: 'lower', approve: 1500, observe: 1000, reject: 1800 } }, 'observe');
		await refused({ key: 'thresholds.activation_rate', value: { direction: 'lower', approve: 0.6, observe: 0.4, reject: 0.2 } }, 'direction');
		await refused({ key: 'thresholds.top10_share', value: { direction: 'lower', approve: 0.3, observe: 0.4, reject: 1.5 } }, 'reject');
		await refused({ key: 'thresholds.quote_hit_rate', value: { direction: 'higher', approve: 'mucho', observe: 0.3, reject: 0.2 } }, 'approve');
		await refused({ key: 'growth', value: { approve_at: 0.05, observe_below: 0.1, reject_below: 0 } }, 'observe_below');
	});

	it('refuses bad definitions, scoped definitions, bad months and an A cut-off above B', async () => {
		await refused({ key: 'window_days', value: 0 }, 'window_days');
		await refused({ key: 'window_days', value: 30.5 }, 'window_days');
		await refused({ key: 'min_amount', value: -1 }, 'min_amount');
		await refused({ key: 'currency', value: '' }, 'currency');
		await refused({ key: 'default_lang', value: 'fr' }, 'default_lang');
		await refused({ key: 'abc_a', value: 0.97 }, 'abc_a'); // B is 0.95
		await refused({ key: 'window_days', value: 90, scope: { dimension: 'region', value: 'La Paz' } }, 'scope');
		await refused({ key: 'growth', value: DEFAULT_SETTINGS.growth, effective_from: '2025-13' }, 'effective_from');
		await refused({ key: 'growth', value: DEFAULT_SETTINGS.growth, scope: { dimension: 'planet', value: 'Mars' } }, 'scope');
		await refused({ key: 'shoe_size', value: 42 }, 'key');
	});
});

describe('targets for a segment and from a month on', () => {
	it('a new growth target from March judges March with it and keeps February’s status', async () => {
		const before = (await computeMetric(db, 'growth', { from: '2025-02', to: '2025-03' })) as GrowthDocument;
		// Both clients: R Jan 150, Feb 165 (+10 %), Mar 182,25 (+10,45 %): approved both (default ≥ 10 %).
		expect(before.months.map((m) => m.status)).toEqual(['approved', 'approved']);
		await saveSetting(db, { key: 'growth', value: { approve_at: 0.2, observe_below: 0.1, reject_below: 0 }, effective_from: '2025-03', by: 'gerencia', comment: 'meta 2025' });
		const after = (await computeMetric(db, 'growth', { from: '2025-02', to: '2025-03' })) as GrowthDocument;
		// February keeps the old target (+10 % ≥ 10 % approved); March: +10,45 % < 20 % but ≥ 10 % → acceptable.
		expect(after.months.map((m) => m.status)).toEqual(['approved', 'acceptable']);
		expect(after.thresholds).toEqual({ approve_at: 0.2, observe_below: 0.1, reject_below: 0 }); // in force at `to`
		const february = (await computeMetric(db, 'growth', { from: '2025-02', to: '2025-02' })) as GrowthDocument;
		expect(february.thresholds).toEqual(DEFAULT_SETTINGS.growth);
	});

	it('a target for one region applies when the filters select that region', async () => {
		await saveSetting(db, { key: 'growth', value: { approve_at: 0.3, observe_below: 0.14, reject_below: 0.05 }, scope: { dimension: 'region', value: 'La Paz' } });
		// La Paz alone: +15 % each month. February: 15 % < 30 % and ≥ 14 % → acceptable; March too.
		const laPaz = (await computeMetric(db, 'growth', { from: '2025-02', to: '2025-03', region: 'La Paz' })) as GrowthDocument;
		expect(laPaz.months.map((m) => m.status)).toEqual(['acceptable', 'acceptable']);
		expect(laPaz.threshold_scope).toEqual({ dim: 'region', value: 'La Paz' });
		// Oruro has no target of its own: the portfolio's would judge it (0 % < 10 % observed), but
		// a segment is not judged by the portfolio's thresholds: no status (issue 14).
		const oruro = (await computeMetric(db, 'growth', { from: '2025-02', to: '2025-03', region: 'Oruro' })) as GrowthDocument;
		expect(oruro.months.map((m) => m.status)).toEqual([null, null]);
		expect(oruro.threshold_scope).toBeNull();
		const all = (await computeMetric(db, 'growth', { from: '2025-02', to: '2025-03' })) as GrowthDocument;
		expect(all.months.map((m) => m.status)).toEqual(['approved', 'acceptable']); // no filter: judged
		// The kpis document judges with the same rules.
		const kpis = (await computeMetric(db, 'kpis', { from: '2025-02', to: '2025-03', region: 'La Paz' })) as KpisDocument;
		expect(kpis.kpis[0]).toMatchObject({ id: 'growth', status: 'acceptable', judged: true, thresholds: { approve_at: 0.3 }, threshold_scope: { dim: 'region', value: 'La Paz' }, month: '2025-03' });
		const oruroKpis = (await computeMetric(db, 'kpis', { from: '2025-02', to: '2025-03', region: 'Oruro' })) as KpisDocument;
		expect(oruroKpis.kpis[0]).toMatchObject({ id: 'growth', status: null, judged: false, threshold_scope: null });
	});

	it('KPI bands for a segment, and definitions for everyone', async () => {
		await saveSetting(db, { key: 'thresholds.top10_share', value: { direction: 'lower', approve: 0.9, observe: 0.95, reject: 0.99 }, scope: { dimension: 'region', value: 'Oruro' } });
		await saveSetting(db, { key: 'window_days', value: 180, by: 'gerencia' });
		const oruro = await loadSettings(db, { filters: { region: 'Oruro' }, month: '2025-03' });
		const all = await loadSettings(db, { month: '2025-03' });
		expect(oruro.thresholds.top10_share.approve).toBe(0.9);
		expect(all.thresholds.top10_share).toEqual(DEFAULT_SETTINGS.thresholds.top10_share);
		// Where each KPI's bands come from: Oruro's own, the defaults.
		expect(oruro.threshold_sources.top10_share).toEqual({ kind: 'segment', dim: 'region', value: 'Oruro' });
		expect(all.threshold_sources.top10_share).toEqual({ kind: 'default' });
		expect([oruro.filtered, all.filtered]).toEqual([true, false]);
		// The kpis document: top-10 share judged by Oruro's bands under its filter; the HHI (the
		// defaults only) has no status there, though it has one for the whole portfolio.
		const kOruro = (await computeMetric(db, 'kpis', { from: '2025-01', to: '2025-03', region: 'Oruro' })) as KpisDocument;
		const kAll = (await computeMetric(db, 'kpis', { from: '2025-01', to: '2025-03' })) as KpisDocument;
		const by = (d: KpisDocument, id: string) => d.kpis.find((k) => k.id === id)!;
		// Oruro: one client, top-10 share 1 > 0.99 → rejected by its own bands.
		expect(by(kOruro, 'top10_share')).toMatchObject({ value: 1, status: 'rejected', judged: true, threshold_scope: { dim: 'region', value: 'Oruro' } });
		expect(by(kOruro, 'hhi')).toMatchObject({ value: 10000, status: null, judged: false, threshold_scope: null });
		expect(by(kAll, 'hhi')).toMatchObject({ status: 'rejected', judged: true }); // no filter: judged by the defaults
		expect(by(kAll, 'top10_share').threshold_scope).toBeNull();
		expect([oruro.window_days, all.window_days]).toEqual([180, 180]);
	});
});

describe('history', () => {
	it('lists every change newest first with the value it replaced, who and why', async () => {
		await saveSetting(db, { key: 'window_days', value: 270, by: 'ana', comment: '  ciclo de 9 meses ' });
		const history = await settingsHistory(db);
		expect(history[0]).toMatchObject({ key: 'window_days', old_value: '180', new_value: '270', updated_by: 'ana', comment: 'ciclo de 9 meses' });
		const march = history.find((h) => h.key === 'growth' && h.effective_from === '2025-03')!;
		expect(march).toMatchObject({ old_value: null, updated_by: 'gerencia', comment: 'meta 2025' });
		expect(history).toHaveLength(5); // the five changes saved in this file
	});
});
