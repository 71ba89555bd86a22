// A dashboard page load builds its context (period, filters, settings, filter-bar values) once:
// the (dashboard) layout and the page ask for it together in one request (src/http/dashboard.ts
// keeps it per request's `locals`). Counted on the real loads, over a real database file.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempFolder, type TempFolder } from '../../helpers/temp-db';

vi.mock('../../../src/lib/server/pages/context', async (importOriginal) => {
	const real = await importOriginal<typeof import('../../../src/lib/server/pages/context')>();
	return { ...real, dashboardContext: vi.fn(real.dashboardContext) };
});

const { dashboardContext } = await import('../../../src/lib/server/pages/context');
const builds = vi.mocked(dashboardContext);

// Any route's load: called below with the parts of a request event these loads read.
type Load = (event: never) => unknown;
const PAGES: Record<string, () => Promise<{ load: Load }>> = {
	'/': () => import('../../../src/routes/(dashboard)/+page.server'),
	'/segmentos': () => import('../../../src/routes/(dashboard)/segmentos/+page.server'),
	'/concentracion': () => import('../../../src/routes/(dashboard)/concentracion/+page.server'),
	'/activacion': () => import('../../../src/routes/(dashboard)/activacion/+page.server'),
	'/pronostico': () => import('../../../src/routes/(dashboard)/pronostico/+page.server'),
	'/embudo': () => import('../../../src/routes/(dashboard)/embudo/+page.server'),
	'/clientes': () => import('../../../src/routes/(dashboard)/clientes/+page.server')
};

let folder: TempFolder;
let layout: { load: Load };

/** A URL that notes the query parameters read from it, as SvelteKit's does to know when to rerun a load. */
function trackedUrl(href: string, read: Set<string>): URL {
	const url = new URL(href);
	const params = url.searchParams;
	const get = params.get.bind(params);
	params.get = (name: string) => (read.add(name), get(name));
	return url;
}

/** One request as SvelteKit runs it: the layout's and the page's loads at once, sharing `locals`, each with its own URL. */
async function pageLoad(path: string, page: { load: Load }, read = { layout: new Set<string>(), page: new Set<string>() }) {
	const locals = {};
	const route = { id: `/(dashboard)${path === '/' ? '' : path}` };
	const event = (url: URL) => ({ url, locals, route, params: {}, parent: async () => ({}), depends: () => {}, untrack: <T>(f: () => T) => f() });
	const href = `http://localhost${path}`;
	return Promise.allSettled([layout.load(event(trackedUrl(href, read.layout)) as never), page.load(event(trackedUrl(href, read.page)) as never)]);
}

beforeAll(async () => {
	folder = tempFolder();
	process.env.CARTERA_DB = folder.path('context-once.duckdb');
	layout = await import('../../../src/routes/(dashboard)/+layout.server');
});

afterAll(async () => {
	const { getDatabase } = await import('../../../src/lib/server/db/database');
	(await getDatabase()).close();
	delete process.env.CARTERA_DB;
	folder.remove();
});

describe('one dashboard page load', () => {
	it.each(Object.keys(PAGES))('%s builds the context once for its layout and its page', async (path) => {
		const page = await PAGES[path]!();
		builds.mockClear();
		const read = { layout: new Set<string>(), page: new Set<string>() };
		const [fromLayout, fromPage] = await pageLoad(`${path}?region=Norte&from=2024-01&to=2024-06`, page, read);
		expect(fromLayout.status).toBe('fulfilled');
		expect(fromPage.status).toBe('fulfilled');
		expect(builds).toHaveBeenCalledTimes(1);
		// Both loads read the period, the filters and the comparison, so a change of any reruns both.
		for (const name of ['from', 'to', 'region', 'status', 'compare']) {
			expect(read.layout, name).toContain(name);
			expect(read.page, name).toContain(name);
		}
	});

	it('a second request builds its own context, from its own URL', async () => {
		const page = await PAGES['/']!();
		builds.mockClear();
		await pageLoad('/?from=2024-01&to=2024-03', page);
		const [fromLayout] = await pageLoad('/?from=2024-02&to=2024-04', page);
		expect(builds).toHaveBeenCalledTimes(2);
		expect(fromLayout.status === 'fulfilled' && (fromLayout.value as { dashboard: { from: string } }).dashboard.from).toBe('2024-02');
	});

	it('a refused URL is a 400 for both loads, still built once, and the next request answers', async () => {
		const page = await PAGES['/']!();
		builds.mockClear();
		const results = await pageLoad('/?from=2024-13', page);
		for (const r of results) expect(r.status === 'rejected' && (r.reason as { status?: number }).status).toBe(400);
		expect(builds).toHaveBeenCalledTimes(1);
		const [ok] = await pageLoad('/', page);
		expect(ok.status).toBe('fulfilled');
	});
});
