// Source lines of records, for messages. DuckDB numbers records, not lines: quoted fields may
// span lines and blank lines are skipped, so the file is scanned (only when some row was
// rejected, skipped or warned about, or a quote looks unbalanced) with the same rules as the
// reader: a quote opens a quoted value only at the start of a field, "" inside it is a quote, and
// a record starts at its first character.
// The scan reads bytes, not text: the delimiter, the quote and line breaks are ASCII, and no byte
// of a multi-byte UTF-8 character is, so decoding (most of the cost) is never needed. Lines
// without a quote or a lone CR are passed whole, found by indexOf.
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';

interface Scan {
	/** Called at the first character of each record, with its 1-based line. */
	onRecord?(line: number): boolean | void;
}

const LF = 0x0a;
const CR = 0x0d;

/** A one-byte character's code, or -1 (a character no byte of the file can be mistaken for). */
function asciiCode(c: string): number {
	return c.length === 1 && c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : -1;
}

/** Walks the file; returns the line where a quoted value is still open at the end, or null. */
async function scanRecords(utf8Path: string, delimiter: string, quoteChar: string, scan: Scan): Promise<number | null> {
	const delim = asciiCode(delimiter);
	const quote = asciiCode(quoteChar);
	let line = 1;
	let inQuotes = false;
	let quoteSeen = false; // inside quotes, just after a quote: an escaped quote or the closing one
	let fieldStart = true;
	let lineStart = true;
	let prevCR = false;
	let openedAt = 0;
	for await (const chunk of createReadStream(utf8Path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
		let nextQuote = -1; // positions of the next quote and CR in the chunk, found once
		let nextCR = -1;
		for (let i = 0; i < chunk.length; i++) {
			if (lineStart && !inQuotes && !prevCR) {
				const nl = chunk.indexOf(LF, i);
				if (nl !== -1) {
					if (nextQuote !== Infinity && nextQuote < i) nextQuote = quote < 0 ? -1 : chunk.indexOf(quote, i);
					if (nextQuote === -1) nextQuote = Infinity;
					if (nextCR !== Infinity && nextCR < i) nextCR = chunk.indexOf(CR, i);
					if (nextCR === -1) nextCR = Infinity;
					if (nextQuote > nl && (nextCR > nl || nextCR === nl - 1)) {
						const end = nextCR === nl - 1 ? nl - 1 : nl; // CRLF
						if (end > i && scan.onRecord?.(line) === false) return null;
						line++;
						i = nl; // the loop steps past the line break; lineStart and fieldStart stay true
						continue;
					}
				}
			}
			const ch = chunk[i]!;
			if (inQuotes) {
				if (quoteSeen) {
					quoteSeen = false;
					if (ch === quote) continue; // "" = one quote
					inQuotes = false; // the quote closed the value; handle ch below
				} else if (ch === quote) {
					quoteSeen = true;
					continue;
				} else {
					if (ch === LF && prevCR) prevCR = false;
					else if (ch === LF || ch === CR) {
						line++;
						prevCR = ch === CR;
					}
					continue;
				}
			}
			if (ch === LF && prevCR) {
				prevCR = false;
				continue; // second half of CRLF
			}
			prevCR = ch === CR;
			if (ch === LF || ch === CR) {
				line++;
				lineStart = true;
				fieldStart = true;
				continue;
			}
			if (lineStart) {
				lineStart = false;
				if (scan.onRecord?.(line) === false) return null;
			}
			if (ch === quote && fieldStart) {
				inQuotes = true;
				openedAt = line;
				fieldStart = false;
			} else fieldStart = ch === delim;
		}
	}
	return inQuotes && !quoteSeen ? openedAt : null;
}

/**
 * Maps 0-based data-record indexes (record 0 follows the header) to 1-based line numbers.
 * headerLine is the header's own line.
 */
export async function recordLines(utf8Path: string, headerLine: number, records: number[], delimiter: string, quote = '"'): Promise<Map<number, number>> {
	const wanted = new Set(records);
	const result = new Map<number, number>();
	if (wanted.size === 0) return result;
	const last = Math.max(...records);
	let record = -1;
	await scanRecords(utf8Path, delimiter, quote, {
		onRecord(line) {
			if (line <= headerLine) return; // the header and anything above it are not data
			record++;
			if (wanted.has(record)) result.set(record, line);
			if (record >= last) return false;
		}
	});
	return result;
}

/** The line where a quoted value opens and is never closed (the file ends inside it), or null. */
export function unclosedQuoteLine(utf8Path: string, delimiter: string, quote = '"'): Promise<number | null> {
	return scanRecords(utf8Path, delimiter, quote, {});
}

/** The lines above the header: a title block (text) and lines of nothing but spaces and delimiters. */
export interface LinesAbove {
	title: number[];
	blank: number[];
}

/**
 * Reads only the lines above the header (found in the file's head, so they are few): those with
 * text are its title block, those with only spaces and delimiters are blank. Empty lines are
 * neither (nobody wrote anything there).
 */
export function linesAbove(utf8Path: string, headerLine: number, delimiter: string, latin1 = false): LinesAbove {
	const result: LinesAbove = { title: [], blank: [] };
	if (headerLine <= 1) return result;
	const fd = openSync(utf8Path, 'r');
	let text: string;
	try {
		const head = Buffer.alloc(256 * 1024);
		text = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString(latin1 ? 'latin1' : 'utf8').replace(/^\uFEFF/, '');
	} finally {
		closeSync(fd);
	}
	const lines = text.split(/\r\n|\r|\n/).slice(0, headerLine - 1);
	const separators = new Set([delimiter, '"', "'"]);
	lines.forEach((content, i) => {
		if (content === '') return;
		if ([...content].every((c) => separators.has(c) || c.trim() === '')) result.blank.push(i + 1);
		else result.title.push(i + 1);
	});
	return result;
}
