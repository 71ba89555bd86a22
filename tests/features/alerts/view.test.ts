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
		}
		expect(alertValue('growth', -0.163, 'es')).toMatch(/^-16,3\s?%$/);
		expect(alertValue('growth', -0.163, 'en')).toBe('-16.3%');
	});

	it('the time: the date per locale and hours:minutes', () => {
		expect(alertTime('2026-12-04 11:20:38', 'en')).toBe(`${formatDate('2026-12-04', 'en')} 11:20`);
		expect(alertTime('2026-12-04 11:20:38', 'es')).toBe(`${formatDate('2026-12-04', 'es')} 11:20`);
	});
});
