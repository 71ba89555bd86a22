// Every page and API route is checked here, on the server (issues 7 and 13), from the route
// SvelteKit resolved (event.route.id, set before the hooks run) and the method, never from the URL
// text: `/%75suarios` is `/usuarios`. A fresh installation sends everyone to /setup to create the
// admin account; then an anonymous page request goes to /login (an API request gets 401), and a
// caller whose role is below the route's (roles.ts) gets 403. A request no route matches gets
// SvelteKit's 404, with nothing of any route run and nobody identified.
import { error, json, redirect, type Handle } from '@sveltejs/kit';
import { identify } from '$lib/server/auth/identify';
import { allows, isApiRoute, requiredAccess } from '$lib/server/auth/roles';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { hasUsers } from '$lib/server/auth/users';
import { getDatabase } from '$lib/server/db/database';
import { readOnlyExport } from '$lib/server/db/parquet-source';
import { READ_ONLY_CODE, readOnlyRefusal } from '$lib/i18n/read-only';

const READS = new Set(['GET', 'HEAD']);

export const guard: Handle = async ({ event, resolve }) => {
	const routeId = event.route.id;
	const needed = requiredAccess(routeId, event.request.method);
	if (needed === null) {
		// No route: SvelteKit's 404. A page request still learns who asks (nothing is authorised by
		// it), so the error page keeps that user's navigation.
		const db = await getDatabase();
		const pageRequest = !event.url.pathname.startsWith('/api/') && (await hasUsers(db));
		const caller = pageRequest ? await identify(db, event.request.headers.get('authorization'), event.cookies.get(SESSION_COOKIE)) : null;
		event.locals.user = caller ? { name: caller.name, role: caller.role } : null;
		return resolve(event);
	}
	if (needed === 'public') return resolve(event);
	const api = isApiRoute(routeId);
	const path = event.url.pathname;
	const db = await getDatabase();
	if (!(await hasUsers(db))) {
		if (api) return json({ error: 'No account exists yet: open the dashboard in a browser to create the admin account (or run npm run user -- add NAME --role admin).' }, { status: 401 });
		redirect(303, '/setup');
	}
	const caller = await identify(db, event.request.headers.get('authorization'), event.cookies.get(SESSION_COOKIE));
	event.locals.user = caller ? { name: caller.name, role: caller.role } : null;
	if (!caller) {
		if (api) return json({ error: 'Sign in first, or send an API token as Authorization: Bearer.' }, { status: 401, headers: { 'www-authenticate': 'Bearer' } });
		redirect(303, `/login?next=${encodeURIComponent(path + event.url.search)}`);
	}
	if (!allows(caller.role, needed)) {
		const message = `Your role (${caller.role}) may not do this: it needs ${needed}.`;
		if (api) return json({ error: message }, { status: 403 });
		// SvelteKit writes an error thrown here as a bare page: a page is answered with /sin-acceso's
		// instead, the refusal in the app's frame and the user's language (routes/+error.svelte).
		if (!event.isDataRequest && READS.has(event.request.method)) {
			const shown = await event.fetch('/sin-acceso', { headers: { 'accept-language': event.request.headers.get('accept-language') ?? '' } });
			return new Response(shown.body, { status: 403, headers: shown.headers });
		}
		error(403, { message, role: caller.role });
	}
	// Served from a Parquet export (CARTERA_SOURCE=parquet:DIR): its tables are views over files,
	// so every write is refused here, whole, before it starts. Signing in and out and /setup are
	// public routes (above) and write only the accounts, which stay in memory (parquet-source.ts).
	if (!READS.has(event.request.method) && readOnlyExport()) {
		const message = readOnlyRefusal(event.locals.lang);
		if (api) return json({ error: message, code: READ_ONLY_CODE }, { status: 409 });
		// A form sent by use:enhance reads an ActionResult: its error shows in the page's frame.
		if (event.request.headers.get('x-sveltekit-action') === 'true') return json({ type: 'error', error: { message } }, { status: 409 });
		error(409, { message });
	}
	return resolve(event);
};
