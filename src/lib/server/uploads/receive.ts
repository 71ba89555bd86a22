// Receives a multipart upload: each file is streamed into a temporary folder of its own under the
// staging area's incoming/ (named by us: the user's file name is only a label), never held whole
// in memory. Whatever happens to the request — the client goes away, the body is cut short, is
// malformed or never ends, a file is over the limit — every stream's error is handled here: the
// caller gets an UploadError (a 4xx with its code), the rest of the body is read and dropped so a
// client still sending gets that answer, and the folder goes once the last stream has settled.
import busboy from 'busboy';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { CodedError } from '../ingest/errors';
import type { MessageCode, MessageParams, Subject } from '../ingest/codes';
import { defaultMaxBytes } from '../ingest/read-source';
import { stagingFolders } from './folder';

export interface ReceivedFile {
	path: string;
	name: string;
}

export interface Received {
	files: ReceivedFile[];
	fields: Record<string, string>;
	cleanup(): void;
}

/** A refused upload request (bad request, file too large…): a message code, its values and the HTTP status. */
export class UploadError<C extends MessageCode = MessageCode> extends CodedError<C> {
	constructor(
		code: C,
		params: MessageParams<C> & Subject,
		readonly status = 400
	) {
		super(code, params);
		this.name = 'UploadError';
	}
}


/** File names are labels in messages and in the batch: a sane length, no control characters. */
const NAME_MAX = 255;

function label(filename: string | undefined, n: number): string {
	// eslint-disable-next-line no-control-regex
	const clean = (filename ?? '').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, NAME_MAX);
	return clean || `upload-${n}.csv`;
}

export async function receiveUploads(request: Request, limit = defaultMaxBytes(), incoming?: string): Promise<Received> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data/i.test(type) || !request.body) throw new UploadError('not_multipart', {});
	let parser: busboy.Busboy;
	try {
		parser = busboy({ headers: { 'content-type': type }, limits: { fileSize: limit } });
	} catch (error) {
		// No boundary, or a content type that cannot be parsed.
		throw new UploadError('multipart_malformed', { detail: (error as Error).message });
	}
	const dir = mkdtempSync(join(incoming ?? stagingFolders().incoming, 'upload-'));
	const remove = () => rmSync(dir, { recursive: true, force: true });
	const body = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
	const bodySettled = finished(body).catch(() => undefined);
	const files: ReceivedFile[] = [];
	const fields: Record<string, string> = Object.create(null);
	const writes: Promise<void>[] = [];
	const limitMb = Math.round(limit / 1024 / 1024);

	return new Promise<Received>((resolve, reject) => {
		let failed = false;
		/** The first failure answers; the rest of the body is drained, and the folder removed when all has settled. */
		const fail = (error: unknown) => {
			if (failed) return;
			failed = true;
			body.unpipe(parser);
			body.resume();
			parser.destroy(); // destroys the file stream being written: its write settles (failed)
			reject(error);
			void Promise.all([bodySettled, Promise.allSettled(writes)]).then(remove);
		};
		// The client went away, the connection dropped, a malformed chunk, a 408 after a too-slow body.
		body.on('error', (error) => fail(new UploadError('upload_aborted', { detail: error.message })));
		parser.on('error', (error: Error) => fail(new UploadError('multipart_malformed', { detail: error.message })));
		parser.on('file', (_field, stream, info) => {
			if (failed) {
				stream.resume();
				return;
			}
			const n = files.length + 1;
			const file = { path: join(dir, `upload-${n}`), name: label(info.filename, n) };
			files.push(file);
			stream.on('limit', () => fail(new UploadError('upload_too_large', { file: file.name, limit_mb: limitMb }, 413)));
			const write = pipeline(stream, createWriteStream(file.path));
			write.catch(() => undefined); // its failure is the request's: seen by fail() or by Promise.all below
			writes.push(write);
		});
		parser.on('field', (name: string, value: string) => {
			fields[name] = value;
		});
		parser.on('close', () => {
			if (failed) return;
			Promise.all(writes).then(
				() => {
					if (failed) return;
					if (files.length === 0) return fail(new UploadError('no_file', {}));
					resolve({ files, fields, cleanup: remove });
				},
				fail // a file that could not be written (disk full…): a server error
			);
		});
		body.pipe(parser);
	});
}
