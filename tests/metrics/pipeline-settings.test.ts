// The commercial-process settings (docs/definitions.md "Settings and their defaults"): stale days and
// stage probabilities are checked before they are stored, and default to 60 days and none.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/lib/server/metrics/settings';
import { checkSetting, SettingError } from '../../src/lib/server/metrics/settings-store';

describe('stale days and stage probabilities', () => {
	it('default to 60 days and no stage of their own', () => {
		expect(DEFAULT_SETTINGS.stale_days).toBe(60);
		expect(DEFAULT_SETTINGS.stage_probabilities).toEqual({});
	});

	it('accept whole days from 1 and probabilities from 0 to 1, stages trimmed', () => {
		expect(checkSetting('stale_days', 30)).toBe(30);
		expect(checkSetting('stage_probabilities', { ' Negociación ': 0.75, Propuesta: 0 })).toEqual({ Negociación: 0.75, Propuesta: 0 });
	});

	it('refuse what cannot be a setting, naming the field', () => {
		for (const bad of [0, 1.5, -3, 'x']) expect(() => checkSetting('stale_days', bad)).toThrow(SettingError);
		for (const bad of [{ Negociación: 1.5 }, { Negociación: -0.1 }, { '': 0.5 }, [0.5], 'Negociación', null])
			expect(() => checkSetting('stage_probabilities', bad)).toThrow(SettingError);
	});
});
