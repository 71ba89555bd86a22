// POST /api/uploads (multipart: one or more "file" fields; optional "kind", "encoding", "delimiter",
// "quote", "header_line", "sheet", "decimal", "date_order", "map" (mapping JSON)): the same ingest and the same JSON report as
// `npm run ingest -- --json`. Rejection reasons, warnings and refusals are said in the request's
// language (lang cookie, Accept-Language, then the installation's default); refusals (a malformed,
// cut-short or interrupted multipart body included) are { error, code, params }, the code stable
// for scripts.
import { json } from '@sveltejs/kit';
import { reasonWords, sayReport } from '$lib/i18n/ingest-report';
import { getDatabase } from '$lib/server/db/database';
import { ingestFiles } from '$lib/server/ingest/ingest';
import { ingestOptions } from '$lib/server/ingest/options';
import { serialized } from '$lib/server/ingest/queue';
import { failure } from '$lib/server/uploads/failure';
import { receiveUploads } from '$lib/server/uploads/receive';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, locals }) => {
	let received;
	try {
		received = await receiveUploads(request);
	} catch (error) {
		const { status, body } = failure(error, locals.lang);
		return json(body, { status });
	}
	try {
		const { kind, encoding, delimiter, header_line, quote, decimal, date_order, sheet, map } = received.fields;
		const options = ingestOptions({ kind, encoding, delimiter, headerLine: header_line, quote, decimal, dateOrder: date_order, sheet, map });
		const db = await getDatabase();
		const flow = { ...options, loadedBy: locals.user?.name ?? 'api', words: reasonWords(locals.lang) };
		const report = await serialized(() => ingestFiles(db, received.files, flow));
		return json(sayReport(report, locals.lang));
	} catch (error) {
		const { status, body } = failure(error, locals.lang);
		return json(body, { status });
	} finally {
		received.cleanup();
	}
};
