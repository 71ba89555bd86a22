// Every upload batch, newest first, with whether it can be undone (batches.ts): none on a read-only export.
import { listBatches } from '$lib/server/batches';
import { getDatabase } from '$lib/server/db/database';
import { readOnlyExport } from '$lib/server/db/parquet-source';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const batches = await listBatches(await getDatabase());
	return { batches: readOnlyExport() ? batches.map((b) => ({ ...b, can_undo: false })) : batches };
};
