// Activación y ciclo de vida: the activation, status-mix and retention figures of the URL's period
// and filters, and the same on the comparison months (src/lib/server/dashboard/activation.ts).
import { activationPage } from '$lib/server/dashboard/activation';
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
		bands: c.settings.thresholds.activation_rate,
		figures: await activationPage(await getDatabase(), c.params, c.settings, c.comparison)
	};
};
