// Hands the request's language (chosen in hooks.server.ts) and who is signed in to every page.
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({ lang: locals.lang, user: locals.user ?? null });
