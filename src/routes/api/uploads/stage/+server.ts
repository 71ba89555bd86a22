// POST /api/uploads/stage (multipart, one or more "file" fields): the files streamed to disk and
// kept one hour under random ids → { files: [{ id, name, size }] }.
import { json } from '@sveltejs/kit';
import { failure, stageUploads } from '$lib/server/staging';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request }) => {
	try {
		return json(await stageUploads(request));
	} catch (error) {
		const { status, body } = failure(error);
		return json(body, { status });
	}
};
