// Who may do what (issue 7): viewers read everything, analysts also load and undo data, admins
// also change thresholds, definitions, users and API tokens. Checked on the server for every
// page and API route (hooks.server.ts), never only hidden in the interface.
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` is at least `needed`. */
export function allows(role: Role, needed: Role): boolean {
	return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Routes anyone may reach: signing in, creating the first admin, static files. */
const PUBLIC = [/^\/login\/?$/, /^\/setup\/?$/, /^\/logout\/?$/, /^\/_app\//, /^\/favicon/];

/**
 * The role a request needs, or null when it is public. Reading is for viewers; writing data
 * (uploads, undo) for analysts; settings, users and tokens for admins (reading them too, for
 * users and tokens; thresholds may be read by everyone).
 */
export function requiredRole(path: string, method: string): Role | null {
	if (PUBLIC.some((p) => p.test(path))) return null;
	const writes = !['GET', 'HEAD', 'OPTIONS'].includes(method);
	if (path.startsWith('/api/users') || path.startsWith('/api/tokens') || path.startsWith('/usuarios')) return 'admin';
	if (path.startsWith('/api/settings') || path.startsWith('/ajustes')) return writes ? 'admin' : 'viewer';
	// Uploads, their history and undo: analysts (a viewer has nothing to do there).
	if (path.startsWith('/api/uploads') || path.startsWith('/cargar')) return 'analyst';
	return writes ? 'analyst' : 'viewer';
}
