// GET /cargar/historial/<batch>/rechazos.csv: the rejected rows of a batch, kept with it after the
// commit, as CSV in the reader's language (csv.ts: `;` in Spanish, formulas neutralised): line,
// what identifies the row (key, client, date as written), column, value, reason. Streamed a page
// at a time. Analysts and admins (auth/roles.ts); an unknown batch is a 404.
import { error } from '@sveltejs/kit';
import { csvLine } from '$lib/csv';
import { rejectionHeader, rejectionRecords } from '$lib/features/upload/rejections-table';
import { identifyingColumns } from '$lib/features/upload/view';
import { messages } from '$lib/features/upload/messages';
import { say } from '$lib/i18n/ingest-messages';
import { sayRejections } from '$lib/i18n/ingest-report';
import { getDatabase } from '$lib/server/db/database';
import { batchRejections, rejectedBatch } from '$lib/server/ingest/rejection-history';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	const db = await getDatabase();
	const batch = /^\d{1,9}$/.test(params.id) ? await rejectedBatch(db, Number(params.id)) : null;
	if (!batch) error(404, say(locals.lang, 'batch_unknown', { batch: Number(params.id) || 0 }));
	const lang = locals.lang;
	const pages = batchRejections(db, batch.batch_id);
	// The identifying fields are the same for every row of a batch: the first page says which.
	const first = await pages.next();
	const identifying = first.done ? [] : identifyingColumns(first.value.rows);
	const encoder = new TextEncoder();
	let pending = first.done ? null : first.value;
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(encoder.encode(`\ufeff${csvLine(rejectionHeader(batch.kind, identifying, lang), lang)}\r\n`));
		},
		async pull(controller) {
			const page = pending ?? (await pages.next()).value;
			pending = null;
			if (!page) return controller.close();
			const records = rejectionRecords(sayRejections(page.cells, lang), page.rows, identifying);
			controller.enqueue(encoder.encode(records.map((r) => `${csvLine(r, lang)}\r\n`).join('')));
		},
		async cancel() {
			await pages.return(undefined);
		}
	});
	const name = messages[lang].history.rejectionsFile(batch.batch_id);
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
