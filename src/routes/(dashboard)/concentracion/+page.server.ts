// Concentración: the concentration document by client or by product (`?by=`), its curves cut to
// chart size (exact values stay in the API), the HHI and top-10 statuses against the settings'
// bands, and the monthly trend of both.
import { error } from '@sveltejs/kit';
import { concentrationTrend, downsample, paretoFromLorenz } from '$lib/server/dashboard/concentration';
import { getDatabase } from '$lib/server/db/database';
import { pageContext } from '$lib/server/http/dashboard';
import { concentration } from '$lib/server/metrics/documents';
import { judge } from '$lib/server/metrics/settings';
import type { PageServerLoad } from './$types';

const CURVE_POINTS = 400;

export const load: PageServerLoad = async ({ url }) => {
	const c = await pageContext(url);
	const raw = url.searchParams.get('by') || 'client';
	if (raw !== 'client' && raw !== 'product') error(400, 'by: "by" must be client or product');
	const by: 'client' | 'product' = raw;
	const db = await getDatabase();
	const params = { ...c.params, by };
	const { lorenz, ...doc } = await concentration(db, params, c.settings);
	const trend = await concentrationTrend(db, params, c.settings);
	const { hhi, top10_share } = c.settings.thresholds;
	return {
		by,
		doc,
		lorenz: downsample(lorenz, CURVE_POINTS),
		pareto: downsample(paretoFromLorenz(lorenz), CURVE_POINTS),
		trend,
		abc: { a: c.settings.abc_a, b: c.settings.abc_b },
		bands: { hhi, top10: top10_share },
		status: { hhi: judge(doc.hhi, hhi), top10: judge(doc.top_shares.top10, top10_share) },
		currency: c.settings.currency
	};
};
