// GET /api/metrics/NAME?from=&to=&as_of=&dim=&by=&<dimension>=<value>: the figure's JSON document
// (the same as `npm run metrics -- NAME --json`); its table as CSV with format=csv, or as an Arrow
// IPC stream for Accept: application/vnd.apache.arrow.stream. Bad parameters: 400 naming them; a
// name that is no figure: 404 listing the names.
import { json } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db/database';
import { computeMetric, isMetricName, METRIC_NAMES, unknownMetricMessage } from '$lib/server/metrics/index';
import { ParamError } from '$lib/server/metrics/params';
import { tableCsv, tabularPart, toArrowStream } from '$lib/server/metrics/tabular';
import type { RequestHandler } from './$types';

const ARROW = 'application/vnd.apache.arrow.stream';

export const GET: RequestHandler = async ({ params, url, request }) => {
	// 404 before anything is read: only the figures' names are figures.
	if (!isMetricName(params.name)) return json({ error: unknownMetricMessage(params.name), param: 'name', names: METRIC_NAMES }, { status: 404 });
	const raw: Record<string, string> = {};
	for (const [key, value] of url.searchParams) {
		if (key in raw) return json({ error: `"${key.slice(0, 40)}" is given more than once`, param: key.slice(0, 40) }, { status: 400 });
		raw[key] = value;
	}
	let doc: unknown;
	try {
		doc = await computeMetric(await getDatabase(), params.name, raw);
	} catch (error) {
		if (error instanceof ParamError) return json({ error: error.message, param: error.param }, { status: 400 });
		throw error;
	}
	if (raw.format === 'csv') return new Response(tableCsv(tabularPart(doc)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
	if (raw.format !== undefined && raw.format !== 'json') return json({ error: '"format" must be json or csv', param: 'format' }, { status: 400 });
	if ((request.headers.get('accept') ?? '').includes(ARROW))
		return new Response(Buffer.from(toArrowStream(tabularPart(doc))), { headers: { 'content-type': ARROW } });
	return json(doc);
};
