// POST /api/uploads (multipart: one or more "file" fields; optional "kind", "encoding", "delimiter",
// "quote", "header_line", "decimal", "date_order", "map" (mapping JSON)): the same ingest and the same JSON report as
// `npm run ingest -- --json`. Rejection reasons, warnings and refusals are said in the request's
// language (lang cookie, Accept-Language, then the installation's default); refusals are
// { error, code, params }, the code stable for scripts.
import { json } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db/database';
import { IngestError } from '$lib/server/ingest/errors';
import { ingestFiles } from '$lib/server/ingest/ingest';
import { serialized } from '$lib/server/ingest/queue';
import { receiveUploads, UploadError } from '$lib/server/uploads';
import { ingestOptions } from '../../../cli/ingest-options';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, locals }) => {
	let received;
	try {
		received = await receiveUploads(request);
	} catch (error) {
		if (error instanceof UploadError) return json(error.body(locals.lang), { status: error.status });
		throw error;
	}
	try {
		const { kind, encoding, delimiter, header_line, quote, decimal, date_order, map } = received.fields;
		const options = ingestOptions({ kind, encoding, delimiter, headerLine: header_line, quote, decimal, dateOrder: date_order, map });
		const db = await getDatabase();
		const report = await serialized(() => ingestFiles(db, received.files, { ...options, loadedBy: locals.user?.name ?? 'api', lang: locals.lang }));
		return json(report);
	} catch (error) {
		if (error instanceof IngestError) return json(error.body(locals.lang), { status: 400 });
		throw error;
	} finally {
		received.cleanup();
	}
};
