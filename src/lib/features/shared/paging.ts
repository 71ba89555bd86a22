// A paged table's decisions apart from its markup (Clientes and Lista): the page links offered and
// the rows a page shows. Pure; tested in tests/features/shared/paging.test.ts.

/** Page numbers to offer: the first, the last, and two either side of the current one, with a gap where numbers are skipped. */
export function pageLinks(page: number, pages: number): (number | 'gap')[] {
	const wanted = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2]);
	const kept = [...wanted].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
	const out: (number | 'gap')[] = [];
	for (const [i, n] of kept.entries()) {
		if (i > 0 && n - kept[i - 1]! > 1) out.push('gap');
		out.push(n);
	}
	return out;
}

/** The first and last row (counted from 1) a page shows; 0–0 when there are none. */
export function rowRange(list: { total: number; page: number; page_size: number }): { first: number; last: number } {
	return { first: list.total === 0 ? 0 : (list.page - 1) * list.page_size + 1, last: Math.min(list.total, list.page * list.page_size) };
}
