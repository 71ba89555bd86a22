// POST /api/uploads/batches/ID/undo (optional JSON body {"by": "who"}): removes what the batch
// loaded and restores what it replaced, in one transaction, queued with the ingests.
// → {removed, restored}; 400 bad id, 404 unknown batch, 409 already undone or blocked by a later batch.
import { json } from '@sveltejs/kit';
import { BatchError, undoBatch } from '$lib/server/batches';
import { getDatabase } from '$lib/server/db/database';
import { serialized } from '$lib/server/ingest/queue';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, request }) => {
	if (!/^\d{1,9}$/.test(params.id)) return json({ error: `"${params.id.slice(0, 40)}" is not a batch number.` }, { status: 400 });
	let by = 'api';
	if ((request.headers.get('content-type') ?? '').includes('application/json')) {
		const body: unknown = await request.json().catch(() => null);
		const given = body && typeof body === 'object' ? (body as Record<string, unknown>).by : undefined;
		if (given !== undefined && (typeof given !== 'string' || given.length > 100))
			return json({ error: '"by" must be a name of at most 100 characters.' }, { status: 400 });
		if (typeof given === 'string' && given.trim()) by = given.trim();
	}
	try {
		const db = await getDatabase();
		return json(await serialized(() => undoBatch(db, Number(params.id), by)));
	} catch (error) {
		if (error instanceof BatchError) return json({ error: error.message }, { status: error.status });
		throw error;
	}
};
