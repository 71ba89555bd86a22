// Resumen: the KPIs of the URL's period and filters against the comparison period, with their
// monthly series, from the metrics layer (src/lib/features/overview/).
import { getDatabase } from '$lib/server/db/database';
import { overviewComparison, overviewPage } from '$lib/features/overview/loader.server';
import { pageContext } from '$http/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const c = await pageContext(url, locals);
	const db = await getDatabase();
	if (!c.data) return { overview: null, comparison: Promise.resolve(null), windowDays: c.settings.window_days };
	const overview = await overviewPage(db, c);
	// Streamed: the period's figures show at once, the changes against the comparison follow.
	return { overview, comparison: overviewComparison(db, c), windowDays: c.settings.window_days };
};
