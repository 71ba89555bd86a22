// First look at an export: encoding (transcoded to UTF-8 when DuckDB cannot read it), delimiter
// and header row, from its first 256 kB. The content hash is computed as a stream while DuckDB
// works (a 70 MB export is never held in memory). UTF-8 is judged on the head; DuckDB checks the
// rest as it reads, and a file that turns out not to be UTF-8 is read again as Windows-1252.
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, openSync, readSync, closeSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { IngestError } from './errors';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Source {
	/** Name shown in messages and stored in the batch (never used as a path). */
	name: string;
	/** The file as given. */
	originalPath: string;
	/** UTF-8 file DuckDB reads: the original, or a transcoded temporary copy. */
	utf8Path: string;
	/** sha256 of the bytes, computed in the background. */
	hash: Promise<string>;
	bytes: number;
	encoding: Encoding;
	bom: boolean;
	delimiter: string;
	headers: string[];
	/** 1-based line of the header row. */
	headerLine: number;
	cleanup(): void;
}

const HEAD_BYTES = 256 * 1024;

export async function readSource(path: string, name: string, forced?: Encoding): Promise<Source> {
	let bytes: number;
	try {
		bytes = statSync(path).size;
	} catch {
		throw new IngestError('file not found or not readable.', name);
	}
	if (bytes === 0) throw new IngestError('the file is empty.', name);

	const head = readHead(path, Math.min(bytes, HEAD_BYTES));
	const bomEncoding = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : null;
	if (head.includes(0) && !bomEncoding) throw new IngestError('this is not a text export (it contains binary data); save it as CSV.', name);
	const encoding: Encoding = forced ?? bomEncoding ?? (isUtf8(head) ? 'utf-8' : 'windows-1252');
	const hash = sha256(path);
	hash.catch(() => undefined); // awaited (and reported) by the caller
	const bom = bomEncoding !== null || (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf);

	let utf8Path = path;
	let tempDir: string | undefined;
	if (encoding !== 'utf-8') {
		tempDir = mkdtempSync(join(tmpdir(), 'cartera-'));
		utf8Path = join(tempDir, 'utf8.csv');
		await pipeline(createReadStream(path), iconv.decodeStream(encoding === 'windows-1252' ? 'win1252' : encoding), iconv.encodeStream('utf8'), createWriteStream(utf8Path));
	}
	const cleanup = () => {
		if (tempDir) rmSync(tempDir, { recursive: true, force: true });
	};

	try {
		const text = decodeHead(readHead(utf8Path, HEAD_BYTES)).replace(/^\uFEFF/, '');
		const parsed = Papa.parse<string[]>(text, { preview: 50, skipEmptyLines: 'greedy', delimitersToGuess: [';', ',', '\t', '|'] });
		const headerRow = parsed.data[0];
		if (!headerRow || headerRow.every((h) => h.trim() === '')) throw new IngestError('no header row found.', name);
		const headers = trimTrailingEmpty(headerRow.map((h) => h.trim()));
		const headerLine = leadingBlankLines(text) + 1;
		return { name, originalPath: path, utf8Path, hash, bytes, encoding, bom, delimiter: parsed.meta.delimiter, headers, headerLine, cleanup };
	} catch (error) {
		cleanup();
		throw error;
	}
}

function readHead(path: string, length: number): Buffer {
	const fd = openSync(path, 'r');
	try {
		const buffer = Buffer.alloc(length);
		const read = readSync(fd, buffer, 0, length, 0);
		return buffer.subarray(0, read);
	} finally {
		closeSync(fd);
	}
}

/** Decodes a head sample that may end inside a multi-byte character. */
function decodeHead(buffer: Buffer): string {
	return new TextDecoder('utf-8').decode(buffer).replace(/\uFFFD$/, '');
}

function sha256(path: string): Promise<string> {
	const hash = createHash('sha256');
	return pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), hash).then(() => hash.digest('hex'));
}

/** Valid UTF-8, allowing a multi-byte character cut at the end of the sample. */
function isUtf8(head: Buffer): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
		return true;
	} catch {
		return false;
	}
}

function trimTrailingEmpty(headers: string[]): string[] {
	const out = [...headers];
	while (out.length > 1 && out[out.length - 1] === '') out.pop();
	return out;
}

function leadingBlankLines(text: string): number {
	const match = /^(?:[ \t]*(?:\r\n|\n|\r))*/.exec(text);
	return match ? (match[0].match(/\r\n|\n|\r/g) ?? []).length : 0;
}
