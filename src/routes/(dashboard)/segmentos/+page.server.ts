// Segmentos: the segmentation document for the chosen dimension, the same on the comparison
// period, and the cross-tab with a second dimension (its 12 largest rows and columns).
import { error } from '@sveltejs/kit';
import { isFilterDimension, type FilterDimension } from '$lib/dashboard/url-state';
import { productNames } from '$lib/server/dashboard/product-names';
import { compareSegments, segmentCross, topCross } from '$lib/server/dashboard/segments';
import { getDatabase } from '$lib/server/db/database';
import { pageContext } from '$lib/server/http/dashboard';
import { segmentation } from '$lib/server/metrics/documents';
import type { PageServerLoad } from './$types';

const CROSS_LIMIT = 12;

function dimension(url: URL, key: string, fallback: FilterDimension): FilterDimension {
	const value = url.searchParams.get(key);
	if (value === null || value === '') return fallback;
	if (!isFilterDimension(value)) error(400, `${key}: unknown dimension "${value.slice(0, 40)}"`);
	return value;
}

export const load: PageServerLoad = async ({ url }) => {
	const c = await pageContext(url);
	const dim = dimension(url, 'dim', 'product_line');
	let dim2 = dimension(url, 'dim2', dim === 'client_type' ? 'product_line' : 'client_type');
	if (dim2 === dim) dim2 = dim === 'client_type' ? 'product_line' : 'client_type';
	const db = await getDatabase();
	const params = { ...c.params, dim };
	const doc = await segmentation(db, params, c.settings);
	const compared = await compareSegments(db, params, c.settings, doc, c.comparison);
	const cross = topCross(await segmentCross(db, params, c.settings, dim2), CROSS_LIMIT);
	// Documents carry product codes; the page shows names where the register has them.
	const productCodes = [
		...(dim === 'product' ? [...compared.segments.map((g) => g.value), ...cross.rows.map((r) => r.value)] : []),
		...(dim2 === 'product' ? cross.columns.map((col) => col.value) : [])
	];
	return {
		dim,
		dim2,
		from: doc.from,
		to: doc.to,
		total_revenue: doc.total_revenue,
		segments: compared.segments,
		comparison: { ...c.comparison, compare: c.compare, total_revenue: compared.previous_total },
		cross,
		crossLimit: CROSS_LIMIT,
		currency: c.settings.currency,
		productNames: await productNames(db, productCodes)
	};
};
