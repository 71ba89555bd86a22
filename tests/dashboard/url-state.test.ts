// The filter bar's period choices (src/lib/dashboard/url-state.ts periodMonths).
import { describe, expect, it } from 'vitest';
import { periodMonths } from '../../src/lib/dashboard/url-state';

describe('periodMonths', () => {
	it('lists the months the data covers, newest first, across a year end', () => {
		expect(periodMonths('2024-11', '2025-02', '2024-12', '2025-01')).toEqual(['2025-02', '2025-01', '2024-12', '2024-11']);
	});

	it('keeps a chosen period outside the data in the list, so the pickers can show it', () => {
		expect(periodMonths('2025-03', '2025-04', '2025-01', '2025-05')).toEqual(['2025-05', '2025-04', '2025-03', '2025-02', '2025-01']);
		expect(periodMonths('2025-03', '2025-03', '2025-03', '2025-03')).toEqual(['2025-03']);
	});
});
