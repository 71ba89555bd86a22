// Pronóstico y presupuestos: the forecast and quotes documents of the URL's period and filters,
// accuracy and hit rate judged against their bands, and the same on the comparison months
// (src/lib/features/forecast/).
import { forecastPage } from '$lib/features/forecast/loader.server';
import { comparedPageFrame } from '$lib/server/pages/compare';
import { getDatabase } from '$lib/server/db/database';
import { pageContext } from '$http/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const c = await pageContext(url, locals);
	return {
		...comparedPageFrame(c),
		hitBands: c.settings.thresholds.quote_hit_rate,
		figures: await forecastPage(await getDatabase(), c.params, c.settings, c.comparison)
	};
};
