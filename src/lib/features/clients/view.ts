// Clientes' decisions apart from its markup: the direction a sort link asks for and the export's
// address (the pager's are shared/paging.ts). Pure; tested in tests/features/clients/view.test.ts.

/**
 * The direction a column's sort link asks for: the current column flips; a new one starts
 * ascending when it holds text, descending for figures and dates (as normaliseSort defaults).
 */
export function sortDirFor(key: string, current: { sort: string; dir: string }, textual: boolean): 'asc' | 'desc' {
	if (current.sort === key) return current.dir === 'asc' ? 'desc' : 'asc';
	return textual ? 'asc' : 'desc';
}

/** The CSV export of the list as filtered, searched and sorted (all pages: the page number is dropped). */
export function exportHref(search: URLSearchParams): string {
	const params = new URLSearchParams(search);
	params.delete('page');
	const query = params.toString();
	return `/clientes/export.csv${query ? `?${query}` : ''}`;
}
