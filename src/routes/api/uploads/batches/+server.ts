// GET /api/uploads/batches: every upload batch, newest first, with whether it can be undone now
// (and which later batch must be undone first when it cannot).
import { json } from '@sveltejs/kit';
import { listBatches } from '$lib/server/batches';
import { getDatabase } from '$lib/server/db/database';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => json({ batches: await listBatches(await getDatabase()) });
