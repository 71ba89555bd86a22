// Failures a user can act on: a stable code and the values it names (messages.ts), said in
// English as the error's message, and in the user's language by text(lang) and body(lang).
import type { Lang } from '../../i18n/lang';
import { say, type MessageCode, type MessageParams, type Subject } from './messages';

export class CodedError<C extends MessageCode = MessageCode> extends Error {
	readonly params: MessageParams<C> & Subject;
	constructor(
		readonly code: C,
		params: MessageParams<C> & Subject
	) {
		super(say('en', code, params));
		this.params = params;
	}

	/** The message in `lang`. */
	text(lang: Lang): string {
		return say(lang, this.code, this.params);
	}

	/** What the HTTP API answers: the message in the request's language, its code and its values. */
	body(lang: Lang): { error: string; code: MessageCode; params: Record<string, unknown> } {
		return { error: this.text(lang), code: this.code, params: { ...(this.params as Record<string, unknown>) } };
	}
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
