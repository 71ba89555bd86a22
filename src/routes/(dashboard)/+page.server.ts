// The home page's figures. The comparison period and the activity window are passed along
// so the page can name them: they are the very values getOverview used.
import { getDatabase } from '$lib/server/db/database';
import { getOverview } from '$lib/server/metrics/overview';
import { addMonths } from '$lib/server/metrics/period';
import { loadSettings } from '$lib/server/metrics/settings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const db = await getDatabase();
	const settings = await loadSettings(db);
	const overview = await getOverview(db, new Date(), settings);
	const previousPeriod = overview.period
		? { from: addMonths(overview.period.from, -12), to: addMonths(overview.period.to, -12) }
		: null;
	return { overview, previousPeriod, windowDays: settings.window_days };
};
