// GET /api/uploads/jobs/{job} → { state, progress, report?, error? }; DELETE cancels it (the
// ingest stops and its transaction is rolled back: the database is left unchanged).
import { json } from '@sveltejs/kit';
import { cancelJob, getJob, jobView } from '$lib/server/staging';
import type { RequestHandler } from './$types';

const notFound = () => json({ error: 'No such upload job (jobs are kept one hour after they finish).' }, { status: 404 });

export const GET: RequestHandler = ({ params }) => {
	const job = getJob(params.job);
	return job ? json(jobView(job)) : notFound();
};

export const DELETE: RequestHandler = async ({ params }) => {
	const job = await cancelJob(params.job);
	return job ? json(jobView(job)) : notFound();
};
