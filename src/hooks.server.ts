// Chooses each request's language: `?lang=xx` stores the choice in a cookie and redirects
// to the same path without it (a plain link, so switching works without JavaScript); then
// the cookie, then Accept-Language, then the installation's default (Spanish unless changed in
// Ajustes). API calls that state no language get English, as scripts always have (and as the
// CLI does). The page's <html lang> follows.
import { error, redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { keepWarm } from '$lib/server/pages/warm';
import { resumeDeliveries } from '$lib/server/alerts/deliver';
import { setupAnnouncement, setupCode } from '$lib/server/auth/setup-code';
import { hasUsers } from '$lib/server/auth/users';
import { ensureWindowValues } from '$lib/server/db/client-windows';
import { getDatabase } from '$lib/server/db/database';
import { readOnlyExport } from '$lib/server/db/parquet-source';
import { registerMacros } from '$lib/server/queries';
import { loadSettings } from '$lib/server/metrics/settings';
import { guard } from './http/guard';
import { securityHeaders } from './http/security-headers';
import { crossSiteRefused } from './http/same-origin';
import { keepServingOnUncaught } from '$lib/server/crash-guard';
import { say } from '$lib/i18n/ingest-messages';
import { openStaging } from '$lib/server/uploads/sweep';
import { isLang } from '$lib/i18n/lang';
import { pickLang } from '$lib/i18n/negotiate';

const LANG_COOKIE = 'lang';
const ONE_YEAR = 60 * 60 * 24 * 365;

const sameOrigin: Handle = async ({ event, resolve }) => {
	if (crossSiteRefused(event.request, event.url.host)) error(403, 'Cross-site requests are refused.');
	return resolve(event);
};

const language: Handle = async ({ event, resolve }) => {
	const requested = event.url.searchParams.get('lang');
	if (isLang(requested) && (event.request.method === 'GET' || event.request.method === 'HEAD')) {
		event.cookies.set(LANG_COOKIE, requested, {
			path: '/',
			maxAge: ONE_YEAR,
			sameSite: 'lax',
			httpOnly: true,
			// Not Secure: self-hosted installs often run on plain http in the LAN, where browsers drop
			// Secure cookies, and adapter-node reports https unless ORIGIN is set. It holds no secret.
			secure: false
		});
		const target = new URL(event.url);
		target.searchParams.delete('lang');
		redirect(303, target.pathname + target.search);
	}
	const fallback = event.url.pathname.startsWith('/api/') ? 'en' : (await loadSettings(await getDatabase())).default_lang;
	event.locals.lang = pickLang(event.cookies.get(LANG_COOKIE), event.request.headers.get('accept-language'), fallback);
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang) });
};

export const handle = sequence(securityHeaders, sameOrigin, language, guard);

/**
 * An unexpected error in a request: logged here with its stack; the client gets a generic
 * message in its language, never the error's text or stack. A 404 and other 4xx keep their own.
 */
export const handleError: HandleServerError = ({ error: thrown, event, status, message }) => {
	if (status < 500) return { message };
	console.error(`${event.request.method} ${event.url.pathname} failed:`, thrown);
	let lang = event.locals.lang;
	try {
		lang ??= pickLang(event.cookies.get(LANG_COOKIE), event.request.headers.get('accept-language'), 'en');
	} catch {
		lang = 'en';
	}
	return { message: say(lang, 'internal_error', {}) };
};

/** At start: open the database and keep the dashboards' default figures computed (warm.ts). */
export const init: ServerInit = async () => {
	// Before anything else can fail: nothing a request does may take the process down.
	keepServingOnUncaught();
	// Served read-only from a Parquet export: nothing is staged, nothing delivered (no load happens).
	const exported = readOnlyExport();
	// Uploads left from before a restart: swept, and jobs cut off marked interrupted.
	if (!exported) openStaging();
	const db = await getDatabase();
	// Activation's stored windows for the window in force, on a database that has none yet (one
	// upgraded from before migration 021): until then activation reads the invoices, as exact.
	if (!exported) await ensureWindowValues(db);
	// The connections figures are read on, open with the queries' macros before the first request.
	// Only a head start: on a damaged database (a table missing) each request tries again and fails
	// on its own, with the error page, instead of the server not starting.
	await registerMacros(db)
		.then(() => db.openReaders(registerMacros))
		.catch((e: unknown) => console.error('Could not prepare the reader connections:', e instanceof Error ? e.message.split('\n')[0] : e));
	if (exported) console.log(`Solo lectura desde la exportación ${exported}\nRead-only from the export ${exported}`);
	// While no account exists, /setup needs the code printed here, on the server's own console.
	if (!(await hasUsers(db))) console.log(setupAnnouncement(setupCode()));
	keepWarm(db);
	// Alert deliveries the last run left pending (a retry it was waiting for): sent when due.
	if (!exported) resumeDeliveries(db);
};
