// GET /clientes/export.csv?<the list's URL parameters>: every client the list matches (all pages),
// in the list's order and columns, as CSV in the reader's language (csv.ts: `;` and decimal comma
// in Spanish, formulas neutralised). Rows are streamed a chunk at a time from DuckDB.
import { error } from '@sveltejs/kit';
import { messages as appMessages } from '$lib/i18n';
import { dashboardContext } from '$lib/server/pages/context';
import { optionalColumns, streamClients } from '$lib/features/clients/loader.server';
import { getDatabase } from '$lib/server/db/database';
import { ParamError } from '$lib/server/metrics/params';
import { csvLine } from '$lib/csv';
import { clientColumns } from '$lib/features/clients/columns';
import { messages } from '$lib/features/clients/messages';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
	const db = await getDatabase();
	let c;
	try {
		c = await dashboardContext(db, url);
	} catch (e) {
		if (e instanceof ParamError) error(400, `${e.param}: ${e.message}`);
		throw e;
	}
	const lang = locals.lang;
	const t = messages[lang];
	const columns = clientColumns(lang, t, appMessages(lang), await optionalColumns(db));
	const get = (key: string) => url.searchParams.get(key);
	const rows = streamClients(db, c.params, c.settings, c.comparison, { q: get('q'), sort: get('sort'), dir: get('dir') });
	const encoder = new TextEncoder();
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(encoder.encode(`\ufeff${csvLine(columns.map((col) => col.label), lang)}\r\n`));
		},
		async pull(controller) {
			const next = await rows.next();
			if (next.done) return controller.close();
			controller.enqueue(encoder.encode(next.value.map((row) => `${csvLine(columns.map((col) => col.value(row)), lang)}\r\n`).join('')));
		},
		async cancel() {
			await rows.return(undefined);
		}
	});
	const name = `${t.tableTitle.toLowerCase()}-${c.params.from}-${c.params.to}.csv`;
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});
};
