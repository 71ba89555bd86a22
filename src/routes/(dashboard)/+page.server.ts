// Resumen: the KPIs of the URL's period and filters against the comparison period, with their
// monthly series, from the metrics layer (src/lib/server/dashboard/overview.ts).
import { getDatabase } from '$lib/server/db/database';
import { overviewPage } from '$lib/server/dashboard/overview';
import { pageContext } from '$lib/server/http/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const c = await pageContext(url);
	return { overview: c.data ? await overviewPage(await getDatabase(), c) : null, windowDays: c.settings.window_days };
};
