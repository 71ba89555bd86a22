// Coded errors and the ingest report carry codes and values only; tests read them as a user would,
// said in a language by the same i18n modules the routes and the CLI use.
import type { Database } from '../../src/lib/server/db/database';
import { sayError } from '../../src/lib/i18n/ingest-messages';
import { reasonWords, sayReport } from '../../src/lib/i18n/ingest-report';
import type { Lang } from '../../src/lib/i18n/lang';
import { CodedError } from '../../src/lib/server/ingest/errors';
import { ingestFiles, type IngestInput, type IngestOptions, type IngestReport } from '../../src/lib/server/ingest/ingest';

/** What a user reads for a coded error (English by default). */
export function said(error: unknown, lang: Lang = 'en'): string {
	if (!(error instanceof CodedError)) throw new Error(`not a coded error: ${String(error)}`);
	return sayError(error, lang);
}

/** The refusal a promise ends with, said in `lang`; fails the test when it does not fail with a coded error. */
export async function refusal(promise: Promise<unknown>, lang: Lang = 'en'): Promise<string> {
	try {
		await promise;
	} catch (error) {
		return said(error, lang);
	}
	throw new Error('expected a refusal, but it succeeded');
}

/**
 * ingestFiles as the edges run it: its reasons worded for upload_rejections and the rejects file,
 * and its report said in `lang` (English by default), as the API and `--json` give it.
 */
export async function ingestSaid(db: Database, inputs: IngestInput[], options: IngestOptions = {}, lang: Lang = 'en'): Promise<IngestReport> {
	return sayReport(await ingestFiles(db, inputs, { words: reasonWords(lang), ...options }), lang);
}
