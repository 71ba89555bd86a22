// POST /api/uploads/stage/commit { ids, options?, map? } → { job }: the real ingest of the staged
// files, in the background and one at a time; follow it at GET /api/uploads/jobs/{job}. Its report
// is said in the language of this request; refusals (a body that is not such an object included)
// are { error, code, params }.
import { json } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db/database';
import { failure, jsonObject } from '$lib/server/uploads/failure';
import { commitStaged } from '$lib/server/uploads/jobs';
import { flowOptions } from '$lib/server/uploads/stage';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, locals }) => {
	try {
		const body = await jsonObject(request);
		const options = { ...flowOptions(body.options ?? {}, body.map), lang: locals.lang };
		const job = commitStaged(await getDatabase(), body.ids, options, locals.user?.name ?? 'web');
		return json({ job: job.id }, { status: 202 });
	} catch (error) {
		const { status, body } = failure(error, locals.lang);
		return json(body, { status });
	}
};
