// The upload pages' calls to the upload API. The server says its refusals in the page's language
// (with a `code`); what it cannot say — no answer at all, an answer that is not the API's JSON, a
// session that ended — is said here, in the page's texts.
import type { messages } from './messages';

type Texts = (typeof messages)['es'];

/** A refusal to show as it is: its message is already in the page's language. */
export class ApiRefusal extends Error {
	constructor(
		message: string,
		readonly status: number,
		readonly code?: string
	) {
		super(message);
	}
}

/** fetch → the JSON answer, or an ApiRefusal with the server's message (or the page's own). */
export async function callApi<T>(t: Texts, url: string, init?: RequestInit): Promise<T> {
	let response: Response;
	try {
		response = await fetch(url, init);
	} catch {
		throw new ApiRefusal(t.network, 0);
	}
	let data: { error?: unknown; code?: unknown } | null = null;
	try {
		data = await response.json();
	} catch {
		// not the API's JSON (a proxy's page, a body size limit): said below
	}
	if (response.ok && data !== null) return data as T;
	const code = typeof data?.code === 'string' ? data.code : undefined;
	if (code && typeof data?.error === 'string') throw new ApiRefusal(data.error, response.status, code);
	// Refusals without a code come from outside the upload flow (sign-in, roles): the page says them.
	if (response.status === 401) throw new ApiRefusal(t.signedOut, 401);
	if (response.status === 403) throw new ApiRefusal(t.forbidden, 403);
	if (response.status === 413) throw new ApiRefusal(t.tooLarge, 413);
	throw new ApiRefusal(t.httpError(response.status), response.status);
}

/** POST a JSON body. */
export function postJson<T>(t: Texts, url: string, body: unknown): Promise<T> {
	return callApi<T>(t, url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
