// GET /api/uploads/jobs/{job} → { state, progress, report?, error?, code? }; DELETE cancels it
// (the ingest stops and its transaction is rolled back: the database is left unchanged). Why a
// job failed is said in the request's language, with its code.
import { json } from '@sveltejs/kit';
import { errorBody } from '$lib/i18n/ingest-messages';
import { cancelJob, getJob, jobView } from '$lib/server/uploads/jobs';
import type { Lang } from '$lib/i18n/lang';
import type { RequestHandler } from './$types';

const notFound = (lang: Lang) => json(errorBody({ code: 'job_unknown', params: {} }, lang), { status: 404 });

export const GET: RequestHandler = ({ params, locals }) => {
	const job = getJob(params.job);
	return job ? json(jobView(job, locals.lang)) : notFound(locals.lang);
};

export const DELETE: RequestHandler = async ({ params, locals }) => {
	const job = await cancelJob(params.job);
	return job ? json(jobView(job, locals.lang)) : notFound(locals.lang);
};
