// Every dashboard page shares the filter bar: the period and filters of the URL, as the metrics
// layer reads them, and the values to offer.
import { pageContext } from '$http/dashboard';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ url, locals }) => {
	const c = await pageContext(url, locals);
	return {
		dashboard: {
			from: c.params.from,
			to: c.params.to,
			as_of: c.params.as_of,
			compare: c.compare,
			comparison: c.comparison,
			data: c.data,
			options: c.options,
			productNames: c.product_names,
			currency: c.settings.currency
		}
	};
};
