// The filter bar's period choices (src/lib/features/shared/url-state.ts periodMonths).
import { describe, expect, it } from 'vitest';
import { activeFilters, metricQuery, paramOf, periodMonths, sectionHref, withParams } from '../../../src/lib/features/shared/url-state';

describe('periodMonths', () => {
	it('lists the months the data covers, newest first, across a year end', () => {
		expect(periodMonths('2024-11', '2025-02', '2024-12', '2025-01')).toEqual(['2025-02', '2025-01', '2024-12', '2024-11']);
	});

	it('keeps a chosen period outside the data in the list, so the pickers can show it', () => {
		expect(periodMonths('2025-03', '2025-04', '2025-01', '2025-05')).toEqual(['2025-05', '2025-04', '2025-03', '2025-02', '2025-01']);
		expect(periodMonths('2025-03', '2025-03', '2025-03', '2025-03')).toEqual(['2025-03']);
	});
});

describe('filters in the URL', () => {
	const url = new URL('http://localhost/segmentos?status=active&region=Norte&dim=size&from=2024-01&to=2024-06&compare=year&product_line=&page=2');

	it('reads the set filters in the registry order, leaving empty ones and page options out', () => {
		expect(activeFilters(url)).toEqual([
			{ dim: 'region', value: 'Norte' },
			{ dim: 'status', value: 'active' }
		]);
	});

	it('asks the figures for the period and the filters only, under their URL names', () => {
		expect(metricQuery(url)).toEqual({ from: '2024-01', to: '2024-06', region: 'Norte', status: 'active' });
		expect(metricQuery(url, { dim: 'size' })).toEqual({ from: '2024-01', to: '2024-06', region: 'Norte', status: 'active', dim: 'size' });
	});

	it('carries period, filters and comparison to another section, not the page options', () => {
		expect(sectionHref('/clientes', url)).toBe('/clientes?status=active&region=Norte&from=2024-01&to=2024-06&compare=year&product_line=');
	});

	it('removes a filter by its URL name, resetting the page', () => {
		expect(withParams(url, { [paramOf('region')]: null })).toBe('/segmentos?status=active&dim=size&from=2024-01&to=2024-06&compare=year&product_line=');
	});
});
