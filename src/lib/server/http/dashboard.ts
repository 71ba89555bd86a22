// A page's dashboard context, with a URL the metrics layer refuses (a bad month, an unknown
// filter…) answered as a 400 page that names the parameter.
import { error } from '@sveltejs/kit';
import { dashboardContext, type DashboardContext } from '../dashboard/context';
import { getDatabase } from '../db/database';
import { ParamError } from '../metrics/params';

export async function pageContext(url: URL): Promise<DashboardContext> {
	try {
		return await dashboardContext(await getDatabase(), url);
	} catch (e) {
		if (e instanceof ParamError) error(400, `${e.param}: ${e.message}`);
		throw e;
	}
}
