// Coded errors carry a code and values only; tests read them as a user would, said in a language
// by the same i18n module the routes and the CLI use.
import { sayError } from '../../src/lib/i18n/ingest-messages';
import type { Lang } from '../../src/lib/i18n/lang';
import { CodedError } from '../../src/lib/server/ingest/errors';

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
