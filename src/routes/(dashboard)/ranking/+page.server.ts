// Ranking: one row per value of `?dim=` (account manager by default); the figures come from
// rankingPageStream: the revenue columns at once, the other figures streamed after them.
import { error } from '@sveltejs/kit';
import { isSegmentDimension } from '$lib/dimensions';
import { DEFAULT_RANKING_DIM, rankingPageStream } from '$lib/features/ranking/loader.server';
import { getDatabase } from '$lib/server/db/database';
import { pageContext } from '$http/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const dim = url.searchParams.get('dim') || DEFAULT_RANKING_DIM;
	if (!isSegmentDimension(dim)) error(400, `dim: unknown dimension "${dim.slice(0, 40)}"`);
	const c = await pageContext(url, locals);
	return { dim, ...(await rankingPageStream(await getDatabase(), c, dim)) };
};
