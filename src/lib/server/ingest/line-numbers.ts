// Source lines of records, for messages. DuckDB numbers records, not lines: quoted fields may
// span lines and blank lines are skipped, so the file is scanned (only when some row was
// rejected, or a quote looks unbalanced) with the same rules as the reader: a quote opens a
// quoted value only at the start of a field, "" inside it is a quote, and a record starts at its
// first character.
import { createReadStream } from 'node:fs';

interface Scan {
	/** Called at the first character of each record, with its 1-based line. */
	onRecord?(line: number): boolean | void;
}

/** Walks the file; returns the line where a quoted value is still open at the end, or null. */
async function scanRecords(utf8Path: string, delimiter: string, quote: string, scan: Scan): Promise<number | null> {
	let line = 1;
	let inQuotes = false;
	let quoteSeen = false; // inside quotes, just after a quote: an escaped quote or the closing one
	let fieldStart = true;
	let lineStart = true;
	let prevCR = false;
	let openedAt = 0;
	for await (const chunk of createReadStream(utf8Path, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
		for (let i = 0; i < chunk.length; i++) {
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
					if (ch === '\n' && prevCR) prevCR = false;
					else if (ch === '\n' || ch === '\r') {
						line++;
						prevCR = ch === '\r';
					}
					continue;
				}
			}
			if (ch === '\n' && prevCR) {
				prevCR = false;
				continue; // second half of CRLF
			}
			prevCR = ch === '\r';
			if (ch === '\n' || ch === '\r') {
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
			} else fieldStart = ch === delimiter;
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
