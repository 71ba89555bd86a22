// The refusal of a page the caller's role may not open, rendered in the app's frame and the
// caller's language by routes/+error.svelte. SvelteKit writes an error thrown by a hook as a bare
// page, so the guard ($http/guard.ts) answers a refused page with this route's page instead.
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	error(403, { message: 'Your role may not open this page.', role: locals.user?.role });
};
