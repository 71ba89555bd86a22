// KPI bands: the four statuses in both directions, boundaries included, and overrides from the table.
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, judge, loadSettings } from '../../src/lib/server/metrics/settings';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
afterAll(() => folder.remove());

describe('judge', () => {
	const higher = { direction: 'higher' as const, approve: 0.6, observe: 0.4, reject: 0.25 };
	const lower = { direction: 'lower' as const, approve: 1000, observe: 1500, reject: 1800 };
	it.each([
		[0.6, 'approved'], // ≥ approve
		[0.59, 'acceptable'],
		[0.4, 'acceptable'], // not < observe
		[0.39, 'observed'],
		[0.25, 'observed'], // not < reject
		[0.2499, 'rejected'],
		[null, null]
	])('higher is better: %s → %s', (value, status) => expect(judge(value, higher)).toBe(status));
	it.each([
		[1000, 'approved'], // ≤ approve
		[1200, 'acceptable'],
		[1500, 'acceptable'], // not > observe
		[1600, 'observed'],
		[1800, 'observed'], // not > reject
		[1801, 'rejected']
	])('lower is better: %s → %s', (value, status) => expect(judge(value, lower)).toBe(status));
});

describe('loadSettings', () => {
	it('gives the defaults, and a row overrides one setting or one KPI', async () => {
		const db = await openTempDatabase(folder);
		expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
		await db.run(`INSERT INTO settings (key, value) VALUES ('window_days', '180'), ('thresholds.hhi', '{"direction":"lower","approve":900,"observe":1400,"reject":2000}')`);
		const s = await loadSettings(db);
		expect(s.window_days).toBe(180);
		expect(s.thresholds.hhi).toEqual({ direction: 'lower', approve: 900, observe: 1400, reject: 2000 });
		expect(s.thresholds.top10_share).toEqual(DEFAULT_SETTINGS.thresholds.top10_share);
		db.close();
	});
});
