// Clientes' view decisions (src/lib/features/clients/view.ts): sort directions and the export's address.
import { describe, expect, it } from 'vitest';
import { exportHref, sortDirFor } from '../../../src/lib/features/clients/view';

describe('clients view', () => {
	it('flips the current sort; a new column starts ascending for text, descending for figures', () => {
		expect(sortDirFor('revenue', { sort: 'revenue', dir: 'desc' }, false)).toBe('asc');
		expect(sortDirFor('name', { sort: 'name', dir: 'asc' }, true)).toBe('desc');
		expect(sortDirFor('name', { sort: 'revenue', dir: 'desc' }, true)).toBe('asc');
		expect(sortDirFor('last_purchase', { sort: 'name', dir: 'asc' }, false)).toBe('desc');
	});

	it('exports all pages of the list as filtered, searched and sorted', () => {
		expect(exportHref(new URLSearchParams(''))).toBe('/clientes/export.csv');
		expect(exportHref(new URLSearchParams('page=3'))).toBe('/clientes/export.csv');
		const href = exportHref(new URLSearchParams('region=Norte&q=ana&page=2&sort=name&dir=asc'));
		expect(href).toBe('/clientes/export.csv?region=Norte&q=ana&sort=name&dir=asc');
	});
});
