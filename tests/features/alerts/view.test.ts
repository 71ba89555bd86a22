// How an alert's value and time read in each language.
import { describe, expect, it } from 'vitest';
import { alertTime, alertValue } from '../../../src/lib/features/alerts/view';
import { formatDate, formatNumber, formatPercent, formatPercentChange } from '../../../src/lib/format';

describe('alert view', () => {
	it('growth as a signed change, rates as percentages, HHI in points, per locale', () => {
		for (const lang of ['es', 'en'] as const) {
			expect(alertValue('growth', -0.163, lang)).toBe(formatPercentChange(-0.163, lang));
			expect(alertValue('activation_rate', 0.7013, lang)).toBe(formatPercent(0.7013, lang, 1));
			expect(alertValue('hhi', 1834.4, lang)).toBe(formatNumber(1834.4, lang, 0));
			expect(alertValue('growth', null, lang)).toBe('–');
			// The commercial process: prospect size in money (to the cent), quotes per month a count.
			expect(alertValue('prospect_size', 9973.1, lang)).toBe(formatNumber(9973.1, lang, 2));
			expect(alertValue('quotes_per_month', 57.4167, lang)).toBe(formatNumber(57.4167, lang, 1));
			expect(alertValue('win_rate', 0.2351, lang)).toBe(formatPercent(0.2351, lang, 1));
		}
		expect(alertValue('prospect_size', 9973.1, 'es')).toBe('9.973,10');
		expect(alertValue('quotes_per_month', 57.4167, 'en')).toBe('57.4');
		expect(alertValue('growth', -0.163, 'es')).toMatch(/^-16,3\s?%$/);
		expect(alertValue('growth', -0.163, 'en')).toBe('-16.3%');
	});

	it('the time: the date per locale and hours:minutes', () => {
		expect(alertTime('2026-12-04 11:20:38', 'en')).toBe(`${formatDate('2026-12-04', 'en')} 11:20`);
		expect(alertTime('2026-12-04 11:20:38', 'es')).toBe(`${formatDate('2026-12-04', 'es')} 11:20`);
	});
});
