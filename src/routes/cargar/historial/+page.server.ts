// Every upload batch, newest first, with whether it can be undone (batches.ts).
import { listBatches } from '$lib/server/batches';
import { getDatabase } from '$lib/server/db/database';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ batches: await listBatches(await getDatabase()) });
