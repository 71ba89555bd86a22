// POST /api/backup (admins): a consistent copy of the database, taken while the server runs. The
// server keeps it in `backups/` next to the database (the last few) and sends it back as the
// response body, a DuckDB file that `npm run backup -- restore FILE` puts back in place. The header
// x-cartera-backup names the kept copy relative to the database's folder (never an absolute path).
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { json } from '@sveltejs/kit';
import { backupToFolder } from '$lib/server/db/backup';
import { BackupError } from '$lib/server/db/backup-messages';
import { getDatabase } from '$lib/server/db/database';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals }) => {
	try {
		const report = await backupToFolder(await getDatabase());
		const name = basename(report.path);
		const body = Readable.toWeb(createReadStream(report.path)) as ReadableStream<Uint8Array>;
		return new Response(body, {
			headers: {
				'content-type': 'application/octet-stream',
				'content-length': String(report.bytes),
				'content-disposition': `attachment; filename="${name}"`,
				'x-cartera-backup': `backups/${name}`
			}
		});
	} catch (error) {
		if (error instanceof BackupError) return json(error.body(locals.lang), { status: error.status });
		throw error;
	}
};
