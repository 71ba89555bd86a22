// GET /api/lists/NAME?key=K&from=&to=&as_of=&dim=&by=&compare=&<dimension>=<value>: the rows behind
// one number of a figure (docs/contract.md "Lists"), the same as `npm run metrics -- list NAME
// --key K --json`; its rows as CSV with format=csv. Refusals as /api/metrics: 400 naming the
// parameter, 404 for a name that is no list, in the request's language with a stable code.
import { json } from '@sveltejs/kit';
import { sayParam, type ParamCode, type ParamValues } from '$lib/i18n/metric-messages';
import type { Lang } from '$lib/i18n/lang';
import { getDatabase } from '$lib/server/db/database';
import { computeList, listCsv } from '$lib/server/lists/list';
import { isListName, LIST_NAMES } from '$lib/server/lists/registry';
import { ParamError } from '$lib/server/metrics/params';
import type { RequestHandler } from './$types';

function refusal<C extends ParamCode>(lang: Lang, param: string, code: C, params: ParamValues<C>, status = 400) {
	return json({ error: sayParam(lang, code, params), code, params, param }, { status });
}

export const GET: RequestHandler = async ({ params, url, locals }) => {
	const lang = locals.lang;
	if (!isListName(params.name)) return refusal(lang, 'name', 'unknown_list', { name: params.name.slice(0, 40), expected: LIST_NAMES }, 404);
	const raw: Record<string, string> = {};
	for (const [key, value] of url.searchParams) {
		if (key in raw) return refusal(lang, key.slice(0, 40), 'param_repeated', { name: key.slice(0, 40) });
		raw[key] = value;
	}
	if (raw.format !== undefined && raw.format !== 'json' && raw.format !== 'csv')
		return refusal(lang, 'format', 'param_choice', { name: 'format', expected: ['json', 'csv'] });
	try {
		const doc = await computeList(await getDatabase(), params.name, raw);
		if (raw.format === 'csv') return new Response(listCsv(doc), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
		return json(doc);
	} catch (error) {
		if (error instanceof ParamError) return refusal(lang, error.param, error.code, error.params);
		throw error;
	}
};
