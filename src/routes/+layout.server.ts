// Hands the request's language (chosen in hooks.server.ts), who is signed in, and whether the
// dashboard is served read-only from a Parquet export (CARTERA_SOURCE) to every page.
import { readOnlyExport } from '$lib/server/db/parquet-source';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({ lang: locals.lang, user: locals.user ?? null, readOnly: readOnlyExport() !== null });
