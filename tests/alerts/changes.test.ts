// Which status changes are alerts (src/lib/server/alerts/changes.ts).
import { describe, expect, it } from 'vitest';
import { alertChanges } from '../../src/lib/server/alerts/changes';
import type { AlertState } from '../../src/lib/server/alerts/states';

const state = (kpi: string, status: AlertState['status'], scope: AlertState['scope'] = null, value = 0.1): AlertState => ({
	source: 'kpi', kpi, scope, month: '2026-10', status, value
});

describe('alert changes', () => {
	it('a status that got worse to rejected is one alert, the others unchanged are none', () => {
		const before = [state('growth', 'observed'), state('hhi', 'approved'), state('activation_rate', 'approved')];
		const after = [state('growth', 'rejected', null, -0.16), state('hhi', 'approved'), state('activation_rate', 'approved')];
		const changes = alertChanges(before, after);
		expect(changes).toHaveLength(1);
		expect(changes[0]).toMatchObject({ direction: 'worse', before: { status: 'observed' }, after: { kpi: 'growth', status: 'rejected', value: -0.16 } });
	});

	it('no change, no alert', () => {
		const same = [state('growth', 'approved'), state('hhi', 'observed')];
		expect(alertChanges(same, same.map((s) => ({ ...s, value: 0.2 })))).toEqual([]);
	});

	it('an improvement is recorded, also one that stops short of approved', () => {
		const changes = alertChanges([state('growth', 'rejected'), state('hhi', 'observed')], [state('growth', 'observed'), state('hhi', 'approved')]);
		expect(changes.map((c) => [c.after.kpi, c.direction, c.before.status, c.after.status])).toEqual([
			['growth', 'better', 'rejected', 'observed'],
			['hhi', 'better', 'observed', 'approved']
		]);
	});

	it('worse only counts when it reaches observed or rejected', () => {
		expect(alertChanges([state('growth', 'approved')], [state('growth', 'acceptable')])).toEqual([]);
		expect(alertChanges([state('growth', 'acceptable')], [state('growth', 'observed')])).toHaveLength(1);
	});

	it('a status that appears or disappears is no change; scopes are compared with their own', () => {
		expect(alertChanges([state('growth', null)], [state('growth', 'rejected')])).toEqual([]);
		expect(alertChanges([state('growth', 'approved')], [state('growth', null)])).toEqual([]);
		const north = { dim: 'region', value: 'Norte' };
		const changes = alertChanges([state('growth', 'approved'), state('growth', 'approved', north)], [state('growth', 'approved'), state('growth', 'rejected', north)]);
		expect(changes.map((c) => c.after.scope)).toEqual([north]);
	});
});

describe('alert changes of a month’s goal', () => {
	const goal = (month: string, status: AlertState['status']): AlertState => ({
		source: 'goal', kpi: 'targets', scope: { dim: 'account_manager', value: 'Ana' }, month, status, value: 0.8, perMonth: true
	});
	it('compares a goal with the same month’s only: a newly judged month is no change', () => {
		expect(alertChanges([goal('2026-09', 'approved')], [goal('2026-09', 'approved'), goal('2026-10', 'rejected')])).toEqual([]);
		expect(alertChanges([goal('2026-09', 'approved')], [goal('2026-09', 'observed')]).map((c) => [c.after.month, c.direction])).toEqual([['2026-09', 'worse']]);
	});
});
