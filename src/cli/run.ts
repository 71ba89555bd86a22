// Shared CLI plumbing: errors a user can act on print one sentence on stderr and exit 1 (coded
// ones, see i18n/ingest-messages.ts, in `lang`); anything else prints its message (the stack only with
// CARTERA_DEBUG=1).
import type { Lang } from '../lib/i18n/lang';
import { DatabaseLockedError } from '../lib/server/db/database';
import { sayError } from '../lib/i18n/ingest-messages';
import { CodedError } from '../lib/server/ingest/errors';

export class UsageError extends Error {}

export async function runCli(main: () => Promise<void>, lang: Lang = 'en'): Promise<void> {
	try {
		await main();
	} catch (error) {
		if (error instanceof CodedError) {
			process.stderr.write(`${sayError(error, lang)}\n`);
		} else if (error instanceof UsageError || error instanceof DatabaseLockedError) {
			process.stderr.write(`${error.message}\n`);
		} else {
			const message = error instanceof Error ? error.message : String(error);
			process.stderr.write(`Error: ${message}\n`);
			if (process.env.CARTERA_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
		}
		process.exitCode = 1;
	}
}
