// POST /api/uploads (multipart, one or more "file" fields, optional "kind"): the same ingest and
// the same JSON report as `npm run ingest -- --json`.
import { json } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db/database';
import { IngestError } from '$lib/server/ingest/errors';
import { ingestFiles } from '$lib/server/ingest/ingest';
import { KINDS, type Kind } from '$lib/server/ingest/kinds';
import { serialized } from '$lib/server/ingest/queue';
import { receiveUploads, UploadError } from '$lib/server/uploads';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request }) => {
	let received;
	try {
		received = await receiveUploads(request);
	} catch (error) {
		if (error instanceof UploadError) return json({ error: error.message }, { status: error.status });
		throw error;
	}
	try {
		const kind = received.fields.kind;
		if (kind && !KINDS.includes(kind as Kind)) return json({ error: `Unknown kind "${kind}"; expected one of ${KINDS.join(', ')}.` }, { status: 400 });
		const db = await getDatabase();
		const report = await serialized(() => ingestFiles(db, received.files, { kind: kind as Kind | undefined, loadedBy: 'api' }));
		return json(report);
	} catch (error) {
		if (error instanceof IngestError) return json({ error: error.message }, { status: 400 });
		throw error;
	} finally {
		received.cleanup();
	}
};
