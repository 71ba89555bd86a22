// Receives a multipart upload: each file is streamed to a fresh temporary folder under a name of
// our own (the user's file name is kept only as a label), never held whole in memory.
import busboy from 'busboy';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

export interface ReceivedFile {
	path: string;
	name: string;
}

export interface Received {
	files: ReceivedFile[];
	fields: Record<string, string>;
	cleanup(): void;
}

export class UploadError extends Error {
	constructor(
		message: string,
		readonly status = 400
	) {
		super(message);
	}
}

export function maxUploadBytes(): number {
	return Number(process.env.CARTERA_MAX_UPLOAD_MB ?? 200) * 1024 * 1024;
}

export async function receiveUploads(request: Request, limit = maxUploadBytes()): Promise<Received> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.startsWith('multipart/form-data') || !request.body) throw new UploadError('Send the files as multipart/form-data (field "file").');
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
				stream.on('limit', () => reject(new UploadError(`${name}: the file is larger than the limit of ${Math.round(limit / 1024 / 1024)} MB.`, 413)));
				writes.push(pipeline(stream, createWriteStream(path)));
			});
			parser.on('field', (name, value) => (fields[name] = value));
			parser.on('close', resolve);
			parser.on('error', reject);
			Readable.fromWeb(request.body as WebReadableStream<Uint8Array>).pipe(parser);
		});
		await Promise.all(writes);
		if (files.length === 0) throw new UploadError('No file in the upload (field "file").');
		return { files, fields, cleanup };
	} catch (error) {
		cleanup();
		throw error;
	}
}
