// A client's page: its register row, status, tier and revenues (the list's figures), monthly
// revenue, products, quotes and opportunities under the URL's period and filters. An id no table
// knows is a 404.
import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db/database';
import { clientDetail } from '$lib/features/clients/loader.server';
import { pageContext } from '$http/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, params, locals }) => {
	const c = await pageContext(url, locals);
	const detail = await clientDetail(await getDatabase(), c.params, c.settings, c.comparison, params.id);
	if (!detail) error(404, `Unknown client: ${params.id.slice(0, 200)}`);
	return {
		detail,
		period: { from: c.params.from, to: c.params.to, as_of: c.params.as_of },
		comparison: c.comparison,
		currency: c.settings.currency,
		windowDays: c.settings.window_days
	};
};
