// Exact output of the formatters in both languages. \u00a0 is a no-break space: Intl (CLDR)
// puts one before "%" and "M" in Spanish, and formatMoney puts one between amount and unit.
import { describe, expect, it } from 'vitest';
import {
	changeRatio,
	formatCompact,
	formatDate,
	formatMoney,
	formatMonth,
	formatDateTime,
	formatNumber,
	formatPercentChange,
	formatPeriod
} from '../src/lib/format';

describe('formatNumber', () => {
	it('groups thousands from four digits, Spanish too', () => {
		expect(formatNumber(1052, 'es')).toBe('1.052');
		expect(formatNumber(999, 'es')).toBe('999');
		expect(formatNumber(12345, 'es')).toBe('12.345');
		expect(formatNumber(1052, 'en')).toBe('1,052');
		expect(formatNumber(0, 'es')).toBe('0');
		expect(formatNumber(1234.5, 'es', 2)).toBe('1.234,50');
		expect(formatNumber(9767, 'es', 2)).toBe('9.767,00');
	});
});

describe('formatMoney', () => {
	it('puts the unit after the amount in Spanish and before it in English', () => {
		expect(formatMoney(5964915.8, 'es', 'Bs.')).toBe('5.964.915,80\u00a0Bs.');
		expect(formatMoney(5964915.8, 'en', 'Bs.')).toBe('Bs.\u00a05,964,915.80');
		expect(formatMoney(1234.56, 'es', 'Bs.')).toBe('1.234,56\u00a0Bs.');
		expect(formatMoney(12345.67, 'es', 'Bs.')).toBe('12.345,67\u00a0Bs.');
		expect(formatMoney(1234.56, 'en', 'Bs.')).toBe('Bs.\u00a01,234.56');
	});

	it('rounds to cents and keeps the sign in front', () => {
		expect(formatMoney(0, 'es', 'Bs.')).toBe('0,00\u00a0Bs.');
		expect(formatMoney(0.005, 'en', 'Bs.')).toBe('Bs.\u00a00.01');
		expect(formatMoney(-1234.5, 'es', 'Bs.')).toBe('-1.234,50\u00a0Bs.');
		expect(formatMoney(-1234.5, 'en', 'Bs.')).toBe('-Bs.\u00a01,234.50');
	});
});

describe('changeRatio and formatPercentChange', () => {
	it('gives no ratio without a previous figure or when it is zero', () => {
		expect(changeRatio(100, null)).toBeNull();
		expect(changeRatio(100, 0)).toBeNull();
		expect(changeRatio(null, 100)).toBeNull();
		expect(changeRatio(67832218.3, 58386901.1)).toBeCloseTo(0.16177, 5);
	});

	it('shows a sign and one decimal', () => {
		expect(formatPercentChange(0.16177, 'es')).toBe('+16,2\u00a0%');
		expect(formatPercentChange(0.16177, 'en')).toBe('+16.2%');
		expect(formatPercentChange(-0.035, 'es')).toBe('-3,5\u00a0%');
		expect(formatPercentChange(-0.035, 'en')).toBe('-3.5%');
		expect(formatPercentChange(0, 'en')).toBe('0.0%');
		expect(formatPercentChange(1.5, 'es')).toBe('+150,0\u00a0%');
	});
});

describe('months and dates', () => {
	it('names months short, with the year', () => {
		expect(formatMonth('2025-01', 'es')).toBe('ene 2025');
		expect(formatMonth('2025-01', 'en')).toBe('Jan 2025');
		expect(formatMonth('2026-10', 'es')).toBe('oct 2026');
		expect(formatMonth('2024-12', 'en')).toBe('Dec 2024');
	});

	it('never shifts a month or a day by the time zone', () => {
		// The first and last day of a month are where a local-time conversion would slip.
		expect(formatMonth('2025-03', 'es')).toBe('mar 2025');
		expect(formatDate('2026-10-31', 'es')).toBe('31 oct 2026');
		expect(formatDate('2026-10-31', 'en')).toBe('Oct 31, 2026');
		expect(formatDate('2026-01-01', 'en')).toBe('Jan 1, 2026');
	});

	it('writes a period as a range of months', () => {
		expect(formatPeriod('2025-11', '2026-10', 'es')).toBe('nov 2025 – oct 2026');
		expect(formatPeriod('2025-11', '2026-10', 'en')).toBe('Nov 2025 – Oct 2026');
	});
});

describe('formatCompact', () => {
	it('abbreviates axis ticks', () => {
		expect(formatCompact(2_000_000, 'es')).toBe('2\u00a0M');
		expect(formatCompact(2_500_000, 'es')).toBe('2,5\u00a0M');
		expect(formatCompact(500_000, 'es')).toBe('500\u00a0mil');
		expect(formatCompact(0, 'es')).toBe('0');
		expect(formatCompact(2_000_000, 'en')).toBe('2M');
		expect(formatCompact(2_500_000, 'en')).toBe('2.5M');
		expect(formatCompact(500_000, 'en')).toBe('500K');
	});
});

describe('formatDateTime', () => {
	it('writes a stored moment in the locale, at its stored clock time', () => {
		expect(formatDateTime('2026-12-03 14:22', 'es')).toBe('3 dic 2026, 14:22');
		expect(formatDateTime('2026-12-03T14:22:09.123Z', 'en')).toBe('Dec 3, 2026, 02:22 PM');
		expect(formatDateTime('2026-12-03', 'es')).toBe('3 dic 2026');
	});
});
