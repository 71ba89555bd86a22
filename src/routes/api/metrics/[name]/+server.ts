// GET /api/metrics/NAME?from=&to=&as_of=&dim=&by=&<dimension>=<value>: the figure's JSON document
// (the same as `npm run metrics -- NAME --json`); its table as CSV with format=csv, or as an Arrow
// IPC stream for Accept: application/vnd.apache.arrow.stream. Bad parameters: 400 naming them; a
// name that is no figure: 404 listing the names. Refusals are { error, code, params, param }, the
// error in the request's language and the code stable for scripts (as the upload API's).
import { json } from '@sveltejs/kit';
import { sayParam, type ParamCode, type ParamValues } from '$lib/i18n/metric-messages';
import type { Lang } from '$lib/i18n/lang';
import { getDatabase } from '$lib/server/db/database';
import { computeMetric, isMetricName, METRIC_NAMES } from '$lib/server/metrics/index';
import { ParamError } from '$lib/server/metrics/params';
import { tableCsv, tabularPart, toArrowStream } from '$lib/server/metrics/tabular';
import type { RequestHandler } from './$types';

const ARROW = 'application/vnd.apache.arrow.stream';

function refusal<C extends ParamCode>(lang: Lang, param: string, code: C, params: ParamValues<C>, status = 400, extra: Record<string, unknown> = {}) {
	return json({ error: sayParam(lang, code, params), code, params, param, ...extra }, { status });
}

export const GET: RequestHandler = async ({ params, url, request, locals }) => {
	const lang = locals.lang;
	// 404 before anything is read: only the figures' names are figures.
	if (!isMetricName(params.name))
		return refusal(lang, 'name', 'unknown_metric', { name: params.name.slice(0, 40), expected: METRIC_NAMES }, 404, { names: METRIC_NAMES });
	const raw: Record<string, string> = {};
	for (const [key, value] of url.searchParams) {
		if (key in raw) return refusal(lang, key.slice(0, 40), 'param_repeated', { name: key.slice(0, 40) });
		raw[key] = value;
	}
	let doc: unknown;
	try {
		doc = await computeMetric(await getDatabase(), params.name, raw);
	} catch (error) {
		if (error instanceof ParamError) return refusal(lang, error.param, error.code, error.params);
		throw error;
	}
	if (raw.format === 'csv') return new Response(tableCsv(tabularPart(doc)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
	if (raw.format !== undefined && raw.format !== 'json') return refusal(lang, 'format', 'param_choice', { name: 'format', expected: ['json', 'csv'] });
	if ((request.headers.get('accept') ?? '').includes(ARROW))
		return new Response(Buffer.from(toArrowStream(tabularPart(doc))), { headers: { 'content-type': ARROW } });
	return json(doc);
};
