// The role each route needs (issue 13): decided from SvelteKit's route id and the method, every
// route under src/routes named in the table, anything else admin-only.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allows, isApiRoute, requiredAccess, ROUTE_ACCESS, type Access } from '../../src/lib/server/auth/roles';

const ROUTES_DIR = fileURLToPath(new URL('../../src/routes', import.meta.url));
/** Files that make a folder a route SvelteKit can resolve (layouts and error pages do not). */
const ROUTE_FILE = /^\+(page|server)(\.server)?\.(ts|js|svelte)$/;

/** Every route id SvelteKit gives to the folders under src/routes: `/`, `/(dashboard)/clientes/[id]`… */
function routeIds(dir = ROUTES_DIR): string[] {
	const entries = readdirSync(dir, { withFileTypes: true });
	const own = entries.some((e) => e.isFile() && ROUTE_FILE.test(e.name)) ? ['/' + relative(ROUTES_DIR, dir).split(sep).join('/')] : [];
	return [...own, ...entries.filter((e) => e.isDirectory()).flatMap((e) => routeIds(join(dir, e.name)))].map((id) => (id === '/' ? '/' : id.replace(/\/$/, '')));
}

describe('every route is in the table', () => {
	const ids = routeIds();

	it('finds the routes (the scan itself works)', () => {
		expect(ids).toContain('/(dashboard)');
		expect(ids).toContain('/usuarios');
		expect(ids).toContain('/api/uploads/batches/[id]/undo');
		expect(ids.length).toBeGreaterThan(20);
	});

	it.each(ids)('%s is named in ROUTE_ACCESS', (id) => expect(ROUTE_ACCESS.has(id)).toBe(true));

	it('names no route that does not exist (a renamed route leaves no stale entry)', () => {
		expect([...ROUTE_ACCESS.keys()].filter((id) => !ids.includes(id))).toEqual([]);
	});
});

describe('the access each route id and method need', () => {
	const CASES: [string | null, string, Access | null][] = [
		['/login', 'GET', 'public'],
		['/login', 'POST', 'public'],
		['/setup', 'POST', 'public'],
		['/logout', 'POST', 'public'],
		['/(dashboard)', 'GET', 'viewer'],
		// Resumen's form actions (closing or reopening the provisional month): analysts, not viewers.
		['/(dashboard)', 'POST', 'analyst'],
		['/(dashboard)/segmentos', 'HEAD', 'viewer'],
		['/(dashboard)/clientes/[id]', 'GET', 'viewer'],
		['/(dashboard)/clientes/export.csv', 'GET', 'viewer'],
		['/api/metrics/[name]', 'GET', 'viewer'],
		// A write to a route that takes none: admin-only (then SvelteKit's 405).
		['/(dashboard)/segmentos', 'POST', 'admin'],
		['/api/metrics/[name]', 'DELETE', 'admin'],
		['/ajustes', 'GET', 'viewer'],
		// A form action is a POST to the page's route.
		['/ajustes', 'POST', 'admin'],
		// Alerts: everyone reads them; subscribing (a form action) is for admins.
		['/alertas', 'GET', 'viewer'],
		['/alertas', 'POST', 'admin'],
		['/cargar', 'GET', 'analyst'],
		['/cargar/historial', 'GET', 'analyst'],
		['/api/uploads', 'POST', 'analyst'],
		['/api/uploads/batches', 'GET', 'analyst'],
		['/api/uploads/batches/[id]/undo', 'POST', 'analyst'],
		['/api/uploads/jobs/[job]', 'DELETE', 'analyst'],
		['/api/uploads/stage/commit', 'POST', 'analyst'],
		['/usuarios', 'GET', 'admin'],
		['/usuarios', 'POST', 'admin'],
		// Methods are compared without regard to case; anything not GET or HEAD writes.
		['/ajustes', 'get', 'viewer'],
		['/ajustes', 'OPTIONS', 'admin'],
		['/ajustes', 'PATCH', 'admin'],
		// Deny by default: a route id the table does not name is admin-only, reading too.
		['/api/forgotten', 'GET', 'admin'],
		['/(dashboard)/nueva', 'GET', 'admin'],
		// Names that are properties of every object are route ids like any other: unknown.
		['constructor', 'GET', 'admin'],
		['__proto__', 'GET', 'admin'],
		['toString', 'POST', 'admin'],
		// No route matched: SvelteKit's 404, nothing to check.
		[null, 'GET', null],
		[null, 'POST', null]
	];
	it.each(CASES)('%s %s needs %s', (id, method, access) => expect(requiredAccess(id, method)).toBe(access));

	it('tells API routes (JSON answers) from pages by route id, not by URL text', () => {
		expect(isApiRoute('/api/uploads/batches')).toBe(true);
		expect(isApiRoute('/api/metrics/[name]')).toBe(true);
		expect(isApiRoute('/usuarios')).toBe(false);
		expect(isApiRoute('/(dashboard)')).toBe(false);
		expect(isApiRoute(null)).toBe(false);
	});

	it.each([
		['viewer', 'viewer', true],
		['viewer', 'analyst', false],
		['analyst', 'viewer', true],
		['analyst', 'admin', false],
		['admin', 'analyst', true]
	] as const)('%s may do what needs %s: %s', (role, needed, ok) => expect(allows(role, needed)).toBe(ok));
});
