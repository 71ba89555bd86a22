// Failures a user can act on: a stable code and the values it names (codes.ts), nothing more.
// The words are on the i18n side (src/lib/i18n/ingest-messages.ts: say, sayError, errorBody) and
// are said where the user is: the HTTP routes, the CLI, the pages. The error's `message` is for
// logs only: the subject, the code and its values ("x.csv: unclosed_quote {"line":2}").
import type { MessageCode, MessageParams, Subject } from './codes';

export class CodedError<C extends MessageCode = MessageCode> extends Error {
	readonly params: MessageParams<C> & Subject;
	constructor(
		readonly code: C,
		params: MessageParams<C> & Subject
	) {
		super(logLine(code, params));
		this.params = params;
	}
}

function logLine(code: string, params: object & Subject): string {
	const { file, option, ...values } = params as Record<string, unknown> & Subject;
	const subject = file ?? option;
	const rest = Object.keys(values).length ? ` ${JSON.stringify(values)}` : '';
	return `${subject ? `${subject}: ` : ''}${code}${rest}`;
}

/**
 * An ingest failure: one message naming the file and what was expected (`params.file`).
 * The whole ingest rolls back when one is thrown.
 */
export class IngestError<C extends MessageCode = MessageCode> extends CodedError<C> {
	constructor(code: C, params: MessageParams<C> & Subject) {
		super(code, params);
		this.name = 'IngestError';
	}

	/** The file the message is about, if any. */
	get file(): string | undefined {
		return this.params.file;
	}
}
