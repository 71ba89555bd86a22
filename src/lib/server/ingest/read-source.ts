// First look at an export: hash, encoding (transcoded to UTF-8 when DuckDB cannot read it),
// delimiter and header row. Reads the file as a stream: a 70 MB export is never held in memory.
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
	/** UTF-8 file DuckDB reads: the original, or a transcoded temporary copy. */
	utf8Path: string;
	hash: string;
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

export async function readSource(path: string, name: string): Promise<Source> {
	let bytes: number;
	try {
		bytes = statSync(path).size;
	} catch {
		throw new IngestError('file not found or not readable.', name);
	}
	if (bytes === 0) throw new IngestError('the file is empty.', name);

	const head = readHead(path, Math.min(bytes, HEAD_BYTES));
	const { hash, validUtf8, nul } = await scan(path);
	const bomEncoding = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : null;
	if (nul && !bomEncoding) throw new IngestError('this is not a text export (it contains binary data); save it as CSV.', name);
	const encoding: Encoding = bomEncoding ?? (validUtf8 ? 'utf-8' : 'windows-1252');
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
		return { name, utf8Path, hash, bytes, encoding, bom, delimiter: parsed.meta.delimiter, headers, headerLine, cleanup };
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

/** One pass over the bytes: content hash, whether they are valid UTF-8, whether a NUL byte occurs. */
async function scan(path: string): Promise<{ hash: string; validUtf8: boolean; nul: boolean }> {
	const hash = createHash('sha256');
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let validUtf8 = true;
	let nul = false;
	for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
		hash.update(chunk);
		if (!nul && chunk.includes(0)) nul = true;
		if (validUtf8) {
			try {
				decoder.decode(chunk, { stream: true });
			} catch {
				validUtf8 = false;
			}
		}
	}
	if (validUtf8) {
		try {
			decoder.decode();
		} catch {
			validUtf8 = false;
		}
	}
	return { hash: hash.digest('hex'), validUtf8, nul };
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
