// Embudo comercial: the pipeline document of the URL's period and filters, its period totals by
// stage, and the same on the comparison months (src/lib/features/pipeline/).
import { pipelinePage } from '$lib/features/pipeline/loader.server';
import { comparedPageFrame } from '$lib/server/pages/compare';
import { getDatabase } from '$lib/server/db/database';
import { pageContext } from '$http/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const c = await pageContext(url, locals);
	return {
		...comparedPageFrame(c),
		figures: await pipelinePage(await getDatabase(), c.params, c.settings, c.comparison)
	};
};
