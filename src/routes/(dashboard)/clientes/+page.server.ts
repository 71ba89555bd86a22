// Clientes: one page of the client list for the URL's period, filters, search, sort and page.
import { getDatabase } from '$lib/server/db/database';
import { listClients, optionalColumns } from '$lib/server/dashboard/clients';
import { pageContext } from '$lib/server/http/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const c = await pageContext(url);
	const db = await getDatabase();
	const get = (key: string) => url.searchParams.get(key);
	const list = await listClients(db, c.params, c.settings, c.comparison, { q: get('q'), sort: get('sort'), dir: get('dir'), page: get('page') });
	return {
		list,
		optional: await optionalColumns(db),
		period: { from: c.params.from, to: c.params.to, as_of: c.params.as_of },
		comparison: c.comparison,
		currency: c.settings.currency,
		hasData: c.data !== null
	};
};
