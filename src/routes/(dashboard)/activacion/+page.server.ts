// Activación y ciclo de vida: the activation, status-mix and retention figures of the URL's period
// and filters, and the same on the comparison months (src/lib/features/activation/).
import { activationPage } from '$lib/features/activation/loader.server';
import { comparedPageFrame } from '$lib/server/pages/compare';
import { getDatabase } from '$lib/server/db/database';
import { pageContext } from '$http/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const c = await pageContext(url, locals);
	return {
		...comparedPageFrame(c),
		bands: c.settings.thresholds.activation_rate,
		figures: await activationPage(await getDatabase(), c.params, c.settings)
	};
};
