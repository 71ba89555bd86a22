// A paged table's decisions (src/lib/features/shared/paging.ts), for Clientes and Lista: the page
// links offered and the rows a page shows.
import { describe, expect, it } from 'vitest';
import { pageLinks, rowRange } from '../../../src/lib/features/shared/paging';

describe('paging', () => {
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
});
