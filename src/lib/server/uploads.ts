// Receives a multipart upload: each file is streamed to a fresh temporary folder under a name of
// our own (the user's file name is kept only as a label), never held whole in memory.
import busboy from 'busboy';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { CodedError } from './ingest/errors';
import type { MessageCode, MessageParams, Subject } from './ingest/messages';

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

export function maxUploadBytes(): number {
	return Number(process.env.CARTERA_MAX_UPLOAD_MB ?? 200) * 1024 * 1024;
}

export async function receiveUploads(request: Request, limit = maxUploadBytes()): Promise<Received> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.startsWith('multipart/form-data') || !request.body) throw new UploadError('not_multipart', {});
	const dir = mkdtempSync(join(tmpdir(), 'cartera-upload-'));
	const cleanup = () => rmSync(dir, { recursive: true, force: true });
	const files: ReceivedFile[] = [];
	const fields: Record<string, string> = {};
	const writes: Promise<void>[] = [];
	try {
		await new Promise<void>((resolve, reject) => {
			const parser = busboy({ headers: { 'content-type': type }, limits: { fileSize: limit } });
			parser.on('file', (_field, stream, info) => {
				const path = join(dir, `upload-${files.length + 1}.csv`);
				const name = info.filename || `upload-${files.length + 1}.csv`;
				files.push({ path, name });
				stream.on('limit', () => reject(new UploadError('upload_too_large', { file: name, limit_mb: Math.round(limit / 1024 / 1024) }, 413)));
				writes.push(pipeline(stream, createWriteStream(path)));
			});
			parser.on('field', (name, value) => (fields[name] = value));
			parser.on('close', resolve);
			parser.on('error', reject);
			Readable.fromWeb(request.body as WebReadableStream<Uint8Array>).pipe(parser);
		});
		await Promise.all(writes);
		if (files.length === 0) throw new UploadError('no_file', {});
		return { files, fields, cleanup };
	} catch (error) {
		cleanup();
		throw error;
	}
}
