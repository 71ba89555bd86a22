// The dimension registry (src/lib/dimensions.ts): every list of dimensions in the app is derived
// from it, and every dimension has its label in both languages.
import { describe, expect, it } from 'vitest';
import { BAR_DIMENSIONS, FILTER_DIMENSIONS } from '../src/lib/features/shared/url-state';
import { BAR_DIMENSION_IDS, DIMENSION_IDS, DIMENSION_REGISTRY, dimensionOfCli, dimensionOfParam, SEGMENT_DIMENSION_IDS } from '../src/lib/dimensions';
import { en } from '../src/lib/i18n/en';
import { es } from '../src/lib/i18n/es';
import { DIMENSIONS } from '../src/lib/server/metrics/params';

describe('the dimension registry', () => {
	it.each([
		['es', es.dims],
		['en', en.dims]
	] as const)('every dimension has a label in %s, and no label is left without its dimension', (_, dims) => {
		for (const id of DIMENSION_IDS) expect((dims as Record<string, string>)[id], id).toMatch(/\S/);
		expect(Object.keys(dims).sort()).toEqual([...DIMENSION_IDS].sort());
	});

	it('gives each dimension one id, one URL name and one CLI name, none shared', () => {
		for (const key of ['id', 'param', 'cli'] as const) expect(new Set(DIMENSION_REGISTRY.map((d) => d[key])).size).toBe(DIMENSION_REGISTRY.length);
		for (const d of DIMENSION_REGISTRY) {
			expect(dimensionOfParam(d.param)).toBe(d.id);
			expect(dimensionOfCli(d.cli)).toBe(d.id);
		}
		expect(dimensionOfParam('regoin')).toBeUndefined();
	});

	// Fragments of SQL are written from these names (server/query-fragments.ts): only plain
	// identifiers may ever reach SQL text that way, and never a page or period parameter's name.
	it('names everything with plain identifiers that no page parameter uses', () => {
		for (const d of DIMENSION_REGISTRY) for (const name of [d.id, d.param, d.cli, d.column]) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
		const taken = ['from', 'to', 'as_of', 'dim', 'dim2', 'by', 'format', 'compare', 'q', 'sort', 'dir', 'page'];
		for (const d of DIMENSION_REGISTRY) expect(taken).not.toContain(d.param);
	});

	it('is the list the metrics parameters, the URL state and the filter bar use, in its order', () => {
		expect([...DIMENSIONS]).toEqual(DIMENSION_REGISTRY.map((d) => d.id));
		expect([...FILTER_DIMENSIONS]).toEqual([...DIMENSIONS]);
		expect([...BAR_DIMENSIONS]).toEqual(DIMENSION_REGISTRY.filter((d) => d.bar).map((d) => d.id));
		expect([...BAR_DIMENSION_IDS]).toEqual(['product_line', 'client_type', 'region', 'account_manager', 'status']);
		expect([...SEGMENT_DIMENSION_IDS]).toEqual([...DIMENSIONS]);
	});
});
