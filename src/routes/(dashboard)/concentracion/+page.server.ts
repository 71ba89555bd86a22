// Concentración: by client or by product (`?by=`); the figures come from concentrationPage.
import { error } from '@sveltejs/kit';
import { concentrationPage } from '$lib/features/concentration/loader.server';
import { getDatabase } from '$lib/server/db/database';
import { pageContext } from '$http/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const c = await pageContext(url, locals);
	const by = url.searchParams.get('by') || 'client';
	if (by !== 'client' && by !== 'product') error(400, 'by: "by" must be client or product');
	return concentrationPage(await getDatabase(), c, by);
};
