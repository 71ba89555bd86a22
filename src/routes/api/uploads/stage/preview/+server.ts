// POST /api/uploads/stage/preview { ids, options?, map?, parts? } → { files: [{ id, name, size,
// preview | error }], report? }: the first records as the pipeline reads them (fast, from the head
// of each file) and the dry-run report (the whole files, nothing written). `parts` picks
// ["records"], ["report"] or both (default), so a page can show the records first. Errors, rejection
// reasons and warnings are said in the request's language; errors carry their code.
import { json } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db/database';
import { failure, jsonObject } from '$lib/server/uploads/failure';
import { flowOptions, previewStaged, reportStaged } from '$lib/server/uploads/stage';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, locals }) => {
	try {
		const body = await jsonObject(request);
		const options = { ...flowOptions(body.options ?? {}, body.map), lang: locals.lang };
		const parts: unknown[] = Array.isArray(body.parts) ? body.parts : ['records', 'report'];
		const db = await getDatabase();
		const out: Record<string, unknown> = {};
		if (parts.includes('records')) out.files = await previewStaged(db, body.ids, options);
		if (parts.includes('report')) out.report = await reportStaged(db, body.ids, options);
		return json(out);
	} catch (error) {
		const { status, body } = failure(error, locals.lang);
		return json(body, { status });
	}
};
