// First look at an export, from its first 256 kB: encoding (transcoded to UTF-8 when DuckDB
// cannot read it as it is), delimiter, quote and header row. The content hash is computed as a stream
// while DuckDB works (a 70 MB export is never held in memory). UTF-8 is judged on the head;
// DuckDB checks the rest as it reads, and a file that turns out not to be UTF-8 is read again
// (readSource with the encoding its non-UTF-8 bytes point to, see eightBitEncodingOf).
import iconv from 'iconv-lite';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectEncoding, iconvName, mostPlausibleEightBit, type Encoding } from './encoding';
import { IngestError } from './errors';
import { refuseLongLine, refuseWideHeader } from './head-limits';
import { detectLayout, type LayoutOptions } from './layout';
import { maxUnpackedBytes } from './limits';
import { sheetFits, type SheetChoiceOptions } from './sheet-choice';
import { wideGoalColumns, writeLongGoals } from './wide-goals';
import { isZip, looksLikeXlsx, xlsxToCsv } from './xlsx';

export interface Source {
	/** Name shown in messages and stored in the batch (never used as a path). */
	name: string;
	/** The file as given. */
	originalPath: string;
	/** The file DuckDB reads: the original, or a temporary copy transcoded to UTF-8. */
	utf8Path: string;
	/**
	 * utf8Path is the original Windows-1252 file, read by DuckDB as Latin-1: the two differ only in
	 * the bytes 0x80–0x9F (€, “ ” – …), and it has none of them. Writing a UTF-8 copy of a 726 MB
	 * export takes about 3.4 s; looking for those bytes, 0.35 s.
	 */
	readAsLatin1?: boolean;
	/** sha256 of the bytes, computed in the background. */
	hash: Promise<string>;
	/** Whether the quote character occurs an even number of times (counted with the hash). */
	quotesBalanced: Promise<boolean>;
	bytes: number;
	encoding: Encoding;
	bom: boolean;
	delimiter: string;
	quote: string;
	headers: string[];
	/** 1-based line of the header row. */
	headerLine: number;
	/** An Excel workbook: the worksheet read, the worksheets a user sees (in the workbook's order, not the hidden ones), and why that one. */
	workbook?: { sheet: string; sheets: string[]; chosen: 'given' | 'fits' | 'first' };
	cleanup(): void;
}

export interface SourceOptions extends LayoutOptions, SheetChoiceOptions {
	encoding?: Encoding;
	/**
	 * Excel workbooks: the worksheet to read (name or 1-based position); by default the first whose
	 * table fits a kind (or the kind or mapping given), else the first (sheet-choice.ts).
	 */
	sheet?: string | number;
	/** Larger files are refused (default CARTERA_MAX_UPLOAD_MB, 200 MB). */
	maxBytes?: number;
}

const HEAD_BYTES = 256 * 1024;

export function defaultMaxBytes(): number {
	return Number(process.env.CARTERA_MAX_UPLOAD_MB ?? 200) * 1024 * 1024;
}

export async function readSource(path: string, name: string, options: SourceOptions = {}): Promise<Source> {
	let bytes: number;
	try {
		bytes = statSync(path).size;
	} catch {
		throw new IngestError('file_unreadable', { file: name });
	}
	if (bytes === 0) throw new IngestError('file_empty', { file: name });
	const maxBytes = options.maxBytes ?? defaultMaxBytes();
	if (bytes > maxBytes)
		throw new IngestError('file_too_large', { file: name, bytes, limit_bytes: maxBytes });

	const head = readHead(path, HEAD_BYTES);
	if (isWorkbookHead(head)) return readWorkbook(path, name, head, options);
	const guess = detectEncoding(head);
	const encoding = options.encoding ?? guess.encoding;
	refuseBinaryText(head, name, encoding);

	const quoteByte = encoding.startsWith('utf-16') ? null : 0x22;
	let utf8Path = path;
	let tempDir: string | undefined;
	// The background scan stops with the source: a file refused here, or already read, may be
	// removed by the caller at once, and the scan must not go on reading (or fail on) it.
	const stopScan = new AbortController();
	const cleanup = () => {
		stopScan.abort();
		if (tempDir) rmSync(tempDir, { recursive: true, force: true });
	};
	let scan: Promise<ByteScan>;
	let readAsLatin1 = false;
	try {
		if (encoding === 'windows-1252' && !(await hasBytesBeyondLatin1(path, stopScan.signal))) {
			readAsLatin1 = true;
			scan = observed(scanBytes(path, quoteByte, undefined, stopScan.signal));
		} else if (encoding !== 'utf-8') {
			tempDir = mkdtempSync(join(tmpdir(), 'cartera-'));
			utf8Path = join(tempDir, 'utf8.csv');
			// One pass: transcode, hash and count quotes of the original bytes.
			scan = Promise.resolve(await transcode(path, encoding, utf8Path, quoteByte));
		} else {
			// UTF-8 goes to DuckDB as it is; hash and quotes are counted in the background meanwhile.
			scan = observed(scanBytes(path, quoteByte, undefined, stopScan.signal));
		}
		// Awaited (and their failure reported) by the caller, if it gets that far: never unhandled.
		const hash = observed(scan.then((r) => r.hash));
		const quotesBalanced = observed(scan.then((r) => r.quotes % 2 === 0));
		const utf8Head = readHead(utf8Path, HEAD_BYTES);
		const text = (readAsLatin1 ? utf8Head.toString('latin1') : decodeHead(utf8Head)).replace(/^\uFEFF/, '');
		const layout = detectLayout(text, options); // bounded: the head only
		if (!layout || layout.headers.every((h) => h === '')) throw new IngestError('no_header', { file: name });
		// Before the headers are matched to columns and DuckDB reads the file (see head-limits.ts).
		refuseWideHeader(layout, name);
		refuseLongLine(utf8Path, utf8Head, utf8Path === path ? bytes : statSync(utf8Path).size, name);
		const source: Source = { name, originalPath: path, utf8Path, readAsLatin1, hash, quotesBalanced, bytes, encoding, bom: guess.bom, ...layout, cleanup };
		return await longGoals(source, layout, options);
	} catch (error) {
		cleanup();
		throw error;
	}
}

/**
 * Goals written one column per month (wide-goals.ts): read as their long form, written to a
 * temporary file; the hash and size stay the file's. Any other file is returned as it is.
 */
async function longGoals(source: Source, layout: { headers: string[]; headerLine: number; delimiter: string; quote: string }, options: SourceOptions): Promise<Source> {
	if (options.kind !== undefined && options.kind !== 'targets') return source;
	const wide = wideGoalColumns(layout.headers);
	if (!wide) return source;
	const tempDir = mkdtempSync(join(tmpdir(), 'cartera-goals-'));
	try {
		const long = join(tempDir, 'metas.csv');
		writeLongGoals(source.utf8Path, source.readAsLatin1 ? 'latin1' : 'utf8', layout, wide, long);
		const read = await readSource(long, source.name, { ...options, encoding: 'utf-8', delimiter: ';', quote: '"', headerLine: undefined, maxBytes: Infinity });
		return {
			...read,
			originalPath: source.originalPath,
			bytes: source.bytes,
			encoding: source.encoding,
			bom: source.bom,
			hash: source.hash,
			quotesBalanced: source.quotesBalanced,
			cleanup: () => {
				read.cleanup();
				source.cleanup();
				rmSync(tempDir, { recursive: true, force: true });
			}
		};
	} catch (error) {
		rmSync(tempDir, { recursive: true, force: true });
		throw error;
	}
}

/** A workbook's head (an .xlsx ZIP, or Excel 97-2003): read, or named, by readWorkbook. */
function isWorkbookHead(head: Buffer): boolean {
	return isZip(head) || isOldExcel(head);
}

/** A NUL byte in text that is not UTF-16 means binary data: refused (refuseBinary). */
function refuseBinaryText(head: Buffer, name: string, encoding: Encoding): void {
	if (!encoding.startsWith('utf-16')) refuseBinary(head, name);
}

/**
 * The same refusal readSource makes, from the file's head alone: an upload that is neither text nor
 * a workbook (an image, a PDF, an .exe renamed .csv) is refused as soon as it is received.
 */
export function refuseBinaryFile(path: string, name: string): void {
	const head = readHead(path, HEAD_BYTES);
	if (!isWorkbookHead(head)) refuseBinaryText(head, name, detectEncoding(head).encoding);
}

/** An Excel 97-2003 workbook (OLE compound file): not read, but named as such. */
function isOldExcel(head: Buffer): boolean {
	return head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
}

/**
 * An .xlsx (recognised by its bytes: a ZIP with xl/ entries): its worksheet written as a UTF-8
 * `;` CSV in a temporary folder, then read as any export; the hash stays the workbook's. A sheet
 * asked for that holds no table while another does is refused, naming the one that does.
 */
async function readWorkbook(path: string, name: string, head: Buffer, options: SourceOptions): Promise<Source> {
	if (isOldExcel(head)) throw new IngestError('old_excel', { file: name });
	if (!looksLikeXlsx(path)) throw new IngestError('zip_archive', { file: name });
	const tempDir = mkdtempSync(join(tmpdir(), 'cartera-xlsx-'));
	const removeTemp = () => rmSync(tempDir, { recursive: true, force: true });
	try {
		const csv = join(tempDir, 'sheet.csv');
		const limits = { maxUnpackedBytes: maxUnpackedBytes(options.maxBytes ?? defaultMaxBytes()) };
		const read = await xlsxToCsv(path, csv, name, { sheet: options.sheet, limits, fits: (head) => sheetFits(head, name, options) });
		if (read.chosen === 'given' && read.fits === false && read.fitting.length > 0)
			throw new IngestError('xlsx_sheet_no_table', { file: name, sheet: read.sheet, fitting: read.fitting });
		const source = await readSource(csv, name, { ...options, encoding: 'utf-8', delimiter: ';', quote: '"', maxBytes: Infinity });
		const stopScan = new AbortController();
		const scan = observed(scanBytes(path, null, undefined, stopScan.signal));
		const innerCleanup = source.cleanup;
		return {
			...source,
			bytes: statSync(path).size,
			workbook: { sheet: read.sheet, sheets: read.sheets.filter((s) => s === read.sheet || !read.hidden.includes(s)), chosen: read.chosen },
			hash: observed(Promise.all([scan, source.hash]).then(([s]) => s.hash)),
			cleanup: () => {
				stopScan.abort();
				innerCleanup();
				removeTemp();
			}
		};
	} catch (error) {
		removeTemp();
		throw error;
	}
}

/** A NUL byte means binary data (a spreadsheet or image renamed .csv): refused, naming where. */
export function refuseBinary(head: Buffer, name: string): void {
	const at = head.indexOf(0);
	if (at < 0) return;
	const before = head.subarray(0, at);
	const line = (before.toString('latin1').match(/\r\n|\r|\n/g) ?? []).length + 1;
	throw new IngestError('binary_line', { file: name, line });
}

/**
 * For a file whose head read as UTF-8 but whose body does not: the 8-bit code page that makes
 * the most plausible text of the bytes around its non-ASCII characters.
 */
export async function eightBitEncodingOf(path: string): Promise<Encoding> {
	const windows: Buffer[] = [];
	let size = 0;
	for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
		for (let i = 0; i < chunk.length && size < 64 * 1024; i++) {
			if (chunk[i]! < 0x80) continue;
			const w = chunk.subarray(Math.max(0, i - 16), i + 16);
			windows.push(w, Buffer.from('\n'));
			size += w.length + 1;
			i += 16;
		}
		if (size >= 64 * 1024) break;
	}
	return mostPlausibleEightBit(Buffer.concat(windows)).encoding;
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

interface ByteScan {
	hash: string;
	quotes: number;
}

/**
 * A promise computed in the background, which may fail before anyone awaits it (its file removed,
 * its scan stopped): whoever awaits it still gets the failure, but it never goes unhandled.
 */
function observed<T>(promise: Promise<T>): Promise<T> {
	promise.catch(() => undefined);
	return promise;
}

/** sha256 of the bytes, and how many quote bytes (") they hold; `signal` stops the reading. */
async function scanBytes(path: string, quoteByte: number | null, each?: (chunk: Buffer) => void, signal?: AbortSignal): Promise<ByteScan> {
	const hash = createHash('sha256');
	let quotes = 0;
	for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, signal }) as AsyncIterable<Buffer>) {
		hash.update(chunk);
		if (quoteByte !== null) for (let i = chunk.indexOf(quoteByte); i >= 0; i = chunk.indexOf(quoteByte, i + 1)) quotes++;
		each?.(chunk);
	}
	return { hash: hash.digest('hex'), quotes };
}

/** Whether the file has a byte 0x80–0x9F, where Windows-1252 and Latin-1 differ (each found by memchr: 0.35 s on 726 MB). */
async function hasBytesBeyondLatin1(path: string, signal: AbortSignal): Promise<boolean> {
	for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, signal }) as AsyncIterable<Buffer>)
		for (let byte = 0x80; byte <= 0x9f; byte++) if (chunk.includes(byte)) return true;
	return false;
}

/**
 * Writes the file as UTF-8 while scanning it. The WHATWG decoders built into Node handle
 * Windows-1252, MacRoman and UTF-16 natively; DOS 850 goes through iconv-lite.
 */
async function transcode(path: string, encoding: Encoding, out: string, quoteByte: number | null): Promise<ByteScan> {
	const native: Partial<Record<Encoding, string>> = { 'windows-1252': 'windows-1252', macintosh: 'macintosh', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be' };
	const decoder = native[encoding] ? new TextDecoder(native[encoding]) : null;
	const legacy = decoder ? null : iconv.getDecoder(iconvName(encoding));
	const fd = openSync(out, 'w');
	try {
		const write = (text: string) => {
			if (text) writeSync(fd, Buffer.from(text, 'utf8'));
		};
		const scan = await scanBytes(path, quoteByte, (chunk) => write(decoder ? decoder.decode(chunk, { stream: true }) : legacy!.write(chunk)));
		write(decoder ? decoder.decode() : (legacy!.end() ?? ''));
		return scan;
	} finally {
		closeSync(fd);
	}
}
