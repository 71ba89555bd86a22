// Clientes' view decisions (src/lib/features/clients/view.ts): sort directions, page links, the
// rows a page shows and the export's address.
import { describe, expect, it } from 'vitest';
import { exportHref, pageLinks, rowRange, sortDirFor } from '../../../src/lib/features/clients/view';

describe('clients view', () => {
	it('flips the current sort; a new column starts ascending for text, descending for figures', () => {
		expect(sortDirFor('revenue', { sort: 'revenue', dir: 'desc' }, false)).toBe('asc');
		expect(sortDirFor('name', { sort: 'name', dir: 'asc' }, true)).toBe('desc');
		expect(sortDirFor('name', { sort: 'revenue', dir: 'desc' }, true)).toBe('asc');
		expect(sortDirFor('last_purchase', { sort: 'name', dir: 'asc' }, false)).toBe('desc');
	});

	it('offers the first, the last and two pages either side of the current one, with gaps', () => {
		expect(pageLinks(1, 1)).toEqual([1]);
		expect(pageLinks(1, 4)).toEqual([1, 2, 3, 4]);
		expect(pageLinks(6, 20)).toEqual([1, 'gap', 4, 5, 6, 7, 8, 'gap', 20]);
		expect(pageLinks(20, 20)).toEqual([1, 'gap', 18, 19, 20]);
		expect(pageLinks(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
	});

	it('says the rows a page shows, 0–0 with none', () => {
		expect(rowRange({ total: 0, page: 1, page_size: 50 })).toEqual({ first: 0, last: 0 });
		expect(rowRange({ total: 120, page: 1, page_size: 50 })).toEqual({ first: 1, last: 50 });
		expect(rowRange({ total: 120, page: 3, page_size: 50 })).toEqual({ first: 101, last: 120 });
	});

	it('exports all pages of the list as filtered, searched and sorted', () => {
		expect(exportHref(new URLSearchParams(''))).toBe('/clientes/export.csv');
		expect(exportHref(new URLSearchParams('page=3'))).toBe('/clientes/export.csv');
		const href = exportHref(new URLSearchParams('region=Norte&q=ana&page=2&sort=name&dir=asc'));
		expect(href).toBe('/clientes/export.csv?region=Norte&q=ana&sort=name&dir=asc');
	});
});
