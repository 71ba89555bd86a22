// Clientes: one page of the client list for the URL's period, filters, search, sort and page.
import { getDatabase } from '$lib/server/db/database';
import { clientsPage } from '$lib/features/clients/loader.server';
import { pageContext } from '$http/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const c = await pageContext(url, locals);
	const get = (key: string) => url.searchParams.get(key);
	return clientsPage(await getDatabase(), c, { q: get('q'), sort: get('sort'), dir: get('dir'), page: get('page') });
};
