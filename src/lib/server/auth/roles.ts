// Who may do what (issues 7 and 13): viewers read everything, analysts also load and undo data,
// admins also change thresholds, definitions, users and API tokens. Checked on the server for
// every request (http/guard.ts), never only hidden in the interface.
//
// The role is decided from the route SvelteKit resolved (its route id, e.g. `/usuarios` or
// `/api/uploads/batches/[id]/undo`), never from the URL text: `/%75suarios` or
// `/usuarios/__data.json` resolve to the same route id as `/usuarios`, so they need the same role.
// Every route id is named below; one that is not (a route added and forgotten here) is admin-only
// (deny by default: the least anyone but management can reach, while it still works for admins).
// tests/auth/roles.test.ts fails when a route under src/routes is missing from the table.
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a request needs: anyone (`public`), or at least a role. */
export type Access = 'public' | Role;

/** What a route needs to be read (GET, HEAD: pages, their __data.json, API reads) and written (any other method: form actions, API posts). */
export interface RouteAccess {
	read: Access;
	write: Access;
}

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` is at least `needed`. */
export function allows(role: Role, needed: Role): boolean {
	return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

const PUBLIC: RouteAccess = { read: 'public', write: 'public' };
/** A route that takes no writes: a write is admin-only (and then SvelteKit's own 405). */
const reads = (role: Role): RouteAccess => ({ read: role, write: 'admin' });
const both = (role: Role): RouteAccess => ({ read: role, write: role });

/** Every route id under src/routes and what it needs. A Map: route ids are data, never object keys. */
export const ROUTE_ACCESS: ReadonlyMap<string, RouteAccess> = new Map<string, RouteAccess>([
	// Signing in, creating the first admin, signing out.
	['/login', PUBLIC],
	['/setup', PUBLIC],
	['/logout', PUBLIC],
	// The page a refused page request is answered with (http/guard.ts): anyone signed in.
	['/sin-acceso', reads('viewer')],
	// The dashboard and the figures: every role reads them.
	// Resumen; its one write marks the data's provisional month closed or reopens it: analysts.
	['/(dashboard)', { read: 'viewer', write: 'analyst' }],
	['/(dashboard)/segmentos', reads('viewer')],
	['/(dashboard)/concentracion', reads('viewer')],
	['/(dashboard)/activacion', reads('viewer')],
	['/(dashboard)/pronostico', reads('viewer')],
	['/(dashboard)/embudo', reads('viewer')],
	['/(dashboard)/ranking', reads('viewer')],
	['/(dashboard)/clientes', reads('viewer')],
	['/(dashboard)/clientes/[id]', reads('viewer')],
	['/(dashboard)/clientes/export.csv', reads('viewer')],
	['/api/metrics/[name]', reads('viewer')],
	// The list behind a number (issue 14): its page and its API.
	['/(dashboard)/lista/[name]', reads('viewer')],
	['/api/lists/[name]', reads('viewer')],
	// Informe del mes (issue 16): everyone reads it and downloads its PDF; analysts and admins publish it.
	['/(dashboard)/informe/[month]', { read: 'viewer', write: 'analyst' }],
	['/(dashboard)/informe/[month]/pdf', reads('viewer')],
	// Settings: everyone reads the thresholds and definitions; only admins change them, and add or
	// remove alert subscriptions (webhook URLs: SSRF is theirs to weigh).
	['/ajustes', { read: 'viewer', write: 'admin' }],
	// Alerts: everyone reads them (nothing to write there).
	['/alertas', { read: 'viewer', write: 'admin' }],
	// Loading data, its history and undo: analysts (a viewer has nothing to do there).
	['/cargar', both('analyst')],
	['/cargar/historial', both('analyst')],
	['/cargar/historial/[id]/rechazos.csv', reads('analyst')],
	['/api/uploads', both('analyst')],
	['/api/uploads/batches', both('analyst')],
	['/api/uploads/batches/[id]/undo', both('analyst')],
	['/api/uploads/jobs/[job]', both('analyst')],
	['/api/uploads/stage', both('analyst')],
	['/api/uploads/stage/commit', both('analyst')],
	['/api/uploads/stage/preview', both('analyst')],
	// Accounts and API tokens: admins only, reading too.
	['/usuarios', both('admin')],
	// A copy of the whole database (every account's password hash too): admins only.
	['/api/backup', both('admin')]
]);

/** Route ids not named in ROUTE_ACCESS get this: admin-only. */
export const UNLISTED: RouteAccess = both('admin');

const READS = new Set(['GET', 'HEAD']);

/**
 * What a request for `routeId` (SvelteKit's `event.route.id`) with `method` needs, or null when no
 * route matched (SvelteKit answers its 404 and nothing of a route runs). GET and HEAD read; every
 * other method (a form action is a POST) writes.
 */
export function requiredAccess(routeId: string | null, method: string): Access | null {
	if (routeId === null) return null;
	const access = ROUTE_ACCESS.get(routeId) ?? UNLISTED;
	return READS.has(method.toUpperCase()) ? access.read : access.write;
}

/** Whether the route answers JSON to scripts (401/403 as JSON) rather than pages (redirects, error pages). */
export function isApiRoute(routeId: string | null): boolean {
	return routeId !== null && routeId.startsWith('/api/');
}
