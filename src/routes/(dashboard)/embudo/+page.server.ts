// Embudo comercial: the pipeline document of the URL's period and filters, its period totals by
// stage, and the same on the comparison months (src/lib/server/dashboard/pipeline.ts).
import { pipelinePage } from '$lib/server/dashboard/pipeline';
import { getDatabase } from '$lib/server/db/database';
import { pageContext } from '$lib/server/http/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const c = await pageContext(url);
	return {
		hasData: c.data !== null,
		period: { from: c.params.from, to: c.params.to, as_of: c.params.as_of },
		comparison: c.comparison,
		currency: c.settings.currency,
		figures: await pipelinePage(await getDatabase(), c.params, c.settings, c.comparison)
	};
};
