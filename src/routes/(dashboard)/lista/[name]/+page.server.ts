// Lista: the rows behind one number of a figure, for the URL's period, filters and comparison
// (src/lib/features/lists/). A list or key that is not one is a 400 page naming the parameter.
import { error } from '@sveltejs/kit';
import { listPage } from '$lib/features/lists/loader.server';
import { getDatabase } from '$lib/server/db/database';
import { ParamError } from '$lib/server/metrics/params';
import { pageContext } from '$http/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, params, locals }) => {
	const c = await pageContext(url, locals);
	const get = (key: string) => url.searchParams.get(key);
	try {
		return await listPage(await getDatabase(), c, params.name, { key: get('key'), dim: get('dim'), by: get('by'), month: get('month'), page: get('page') });
	} catch (e) {
		if (e instanceof ParamError) error(e.code === 'unknown_list' ? 404 : 400, `${e.param}: ${e.message}`);
		throw e;
	}
};
