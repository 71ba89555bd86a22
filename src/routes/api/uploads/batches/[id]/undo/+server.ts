// POST /api/uploads/batches/ID/undo: removes what the batch
// loaded and restores what it replaced, in one transaction, queued with the ingests.
// → {removed, restored}; 400 bad id, 404 unknown batch, 409 already undone or blocked by a later batch,
// as { error, code, params } with the error in the request's language.
import { json } from '@sveltejs/kit';
import { errorBody } from '$lib/i18n/ingest-messages';
import { BatchError, undoBatch } from '$lib/server/batches';
import { getDatabase } from '$lib/server/db/database';
import { serialized } from '$lib/server/ingest/queue';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, locals }) => {
	if (!/^\d{1,9}$/.test(params.id)) return json(errorBody({ code: 'batch_bad_id', params: { id: params.id.slice(0, 40) } }, locals.lang), { status: 400 });
	// Who undoes it: the signed-in user or the API token (hooks.server.ts), never a name sent along.
	const by = locals.user?.name ?? 'api';
	try {
		const db = await getDatabase();
		return json(await serialized(() => undoBatch(db, Number(params.id), by)));
	} catch (error) {
		if (error instanceof BatchError) return json(errorBody(error, locals.lang), { status: error.status });
		throw error;
	}
};
