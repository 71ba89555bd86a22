// POST /api/uploads/stage (multipart, one or more "file" fields): the files streamed to disk and
// kept one hour under random ids → { files: [{ id, name, size }] }; refused (empty, binary, too
// large, malformed or interrupted multipart) → { error, code, params } in the request's language.
import { json } from '@sveltejs/kit';
import { failure } from '$lib/server/uploads/failure';
import { stageUploads } from '$lib/server/uploads/stage';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, locals }) => {
	try {
		return json(await stageUploads(request));
	} catch (error) {
		const { status, body } = failure(error, locals.lang);
		return json(body, { status });
	}
};
