// Shared CLI plumbing: errors a user can act on print one sentence on stderr and exit 1;
// anything else prints its message (the stack only with CARTERA_DEBUG=1).
import { DatabaseLockedError } from '../lib/server/db/database';
import { IngestError } from '../lib/server/ingest/errors';

export class UsageError extends Error {}

export async function runCli(main: () => Promise<void>): Promise<void> {
	try {
		await main();
	} catch (error) {
		if (error instanceof UsageError || error instanceof IngestError || error instanceof DatabaseLockedError) {
			process.stderr.write(`${error.message}\n`);
		} else {
			const message = error instanceof Error ? error.message : String(error);
			process.stderr.write(`Error: ${message}\n`);
			if (process.env.CARTERA_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
		}
		process.exitCode = 1;
	}
}
