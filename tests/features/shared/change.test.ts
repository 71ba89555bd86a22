// A figure's change is written by its kind: a rate in percentage points (with its relative change
// only as a labelled extra), an amount or count relative, in both languages.
import { describe, expect, it } from 'vitest';
import { figureChange } from '../../../src/lib/features/shared/change';

describe('figureChange', () => {
	it('writes a rate’s change in percentage points, never as a relative %', () => {
		// Hit rate 34,8 % against 38,0 %: −3,2 points; relatively (0,348 − 0,38) / 0,38 = −8,42 %.
		expect(figureChange('rate', 0.348, 0.38, 'es')).toEqual({ text: '-3,2\u00a0pp', direction: 'down', relative: '-8,4\u00a0% relativo' });
		expect(figureChange('rate', 0.348, 0.38, 'en')).toEqual({ text: '-3.2\u00a0pp', direction: 'down', relative: '-8.4% relative' });
		// 21,5 % against 20,0 %: +1,5 points (+7,5 % relative).
		expect(figureChange('rate', 0.215, 0.2, 'es')?.text).toBe('+1,5\u00a0pp');
	});

	it('a rate from 0 still has a change in points, but no relative one', () => {
		expect(figureChange('rate', 0.25, 0, 'en')).toEqual({ text: '+25.0\u00a0pp', direction: 'up', relative: null });
	});

	it('writes an amount’s or a count’s change relatively', () => {
		// 1 162 against 1 000: +16,2 %.
		expect(figureChange('amount', 1162, 1000, 'es')).toEqual({ text: '+16,2\u00a0%', direction: 'up', relative: null });
		expect(figureChange('amount', 965, 1000, 'en')).toEqual({ text: '-3.5%', direction: 'down', relative: null });
		// From 0 there is no relative change.
		expect(figureChange('amount', 5, 0, 'en')).toBeNull();
	});

	it('a change that rounds to zero reads as flat, without a sign', () => {
		expect(figureChange('rate', 0.30004, 0.3, 'es')).toMatchObject({ text: '0,0\u00a0pp', direction: 'flat' });
		expect(figureChange('rate', 0.29996, 0.3, 'en')).toMatchObject({ text: '0.0\u00a0pp', direction: 'flat' });
		expect(figureChange('amount', 1000.4, 1000, 'en')).toMatchObject({ text: '0.0%', direction: 'flat' });
	});

	it('no value on either side: nothing to compare', () => {
		expect(figureChange('rate', null, 0.3, 'es')).toBeNull();
		expect(figureChange('rate', 0.3, undefined, 'es')).toBeNull();
		expect(figureChange('amount', 10, null, 'es')).toBeNull();
	});
});
