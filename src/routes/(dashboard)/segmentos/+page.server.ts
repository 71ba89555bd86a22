// Segmentos: the dimension (`?dim=`) and the one it is crossed with (`?dim2=`); the figures come
// from segmentsPage.
import { error } from '@sveltejs/kit';
import { isFilterDimension, type FilterDimension } from '$lib/features/shared/url-state';
import { segmentDimensions, segmentsPage } from '$lib/features/segments/loader.server';
import { getDatabase } from '$lib/server/db/database';
import { pageContext } from '$http/dashboard';
import type { PageServerLoad } from './$types';

function dimension(url: URL, key: string): FilterDimension | null {
	const value = url.searchParams.get(key);
	if (value === null || value === '') return null;
	if (!isFilterDimension(value)) error(400, `${key}: unknown dimension "${value.slice(0, 40)}"`);
	return value;
}

export const load: PageServerLoad = async ({ url, locals }) => {
	const c = await pageContext(url, locals);
	return segmentsPage(await getDatabase(), c, segmentDimensions(dimension(url, 'dim'), dimension(url, 'dim2')));
};
