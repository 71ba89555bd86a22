// The answer of an upload route whose request failed: bad input gets its message in the
// request's language, its code and values, and its status; anything else is the server's fault
// and is thrown (hooks.server.ts handleError logs it and answers a generic 500).
import { errorBody } from '../../i18n/ingest-messages';
import type { Lang } from '../../i18n/lang';
import { IngestError } from '../ingest/errors';
import { UploadError } from './receive';

export interface FailureBody {
	/** The message, in the request's language. */
	error: string;
	/** Its stable code (src/lib/server/ingest/codes.ts) and the values it names. */
	code: string;
	params: Record<string, unknown>;
}

export function failure(error: unknown, lang: Lang): { status: number; body: FailureBody } {
	if (error instanceof UploadError) return { status: error.status, body: errorBody(error, lang) };
	if (error instanceof IngestError) return { status: 400, body: errorBody(error, lang) };
	if (error instanceof SyntaxError) return { status: 400, body: errorBody({ code: 'bad_json', params: { detail: error.message } }, lang) };
	throw error;
}

/** A JSON body holds ids, options and a mapping: far less than this. */
const JSON_MAX_BYTES = 1024 * 1024;

/**
 * A JSON request body that must be an object ({ ids, options, map, … }), read up to 1 MB:
 * anything else is refused with its code, and a body cut short is an aborted upload.
 */
export async function jsonObject(request: Request): Promise<Record<string, unknown>> {
	const chunks: Uint8Array[] = [];
	let size = 0;
	if (request.body) {
		const reader = request.body.getReader();
		try {
			for (let r = await reader.read(); !r.done; r = await reader.read()) {
				size += r.value.byteLength;
				if (size > JSON_MAX_BYTES) {
					// Not cancelled (that would reset the connection before the client reads the 413):
					// the rest is read and dropped, so the connection is left usable.
					void drain(reader);
					throw new UploadError('json_too_large', { limit_kb: JSON_MAX_BYTES / 1024 }, 413);
				}
				chunks.push(r.value);
			}
		} catch (error) {
			if (error instanceof UploadError) throw error;
			throw new UploadError('upload_aborted', { detail: error instanceof Error ? error.message : String(error) });
		}
	}
	const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8')); // a SyntaxError is a 400 (failure)
	if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new UploadError('body_not_object', {});
	return body as Record<string, unknown>;
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
	try {
		while (!(await reader.read()).done);
	} catch {
		// the client went away: nothing left to read
	}
}
