// The home page's figures. The comparison period and the activity window are passed along
// so the page can name them: they are the very values getOverview used.
import { getDatabase } from '$lib/server/db/database';
import { DEFAULT_DEFINITIONS } from '$lib/server/metrics/definitions';
import { getOverview } from '$lib/server/metrics/overview';
import { addMonths } from '$lib/server/metrics/period';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const overview = await getOverview(await getDatabase());
	const previousPeriod = overview.period
		? { from: addMonths(overview.period.from, -12), to: addMonths(overview.period.to, -12) }
		: null;
	return { overview, previousPeriod, windowDays: DEFAULT_DEFINITIONS.window_days };
};
