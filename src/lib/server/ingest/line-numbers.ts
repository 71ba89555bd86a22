// Source line of data records, for rejection messages. DuckDB numbers records, not lines:
// quoted fields may span lines and blank lines are skipped, so the file is scanned (only when
// some row was rejected) with the same rules: a record starts at its first character.
import { createReadStream } from 'node:fs';

/**
 * Maps 0-based data-record indexes (record 0 follows the header) to 1-based line numbers.
 * headerLine is the header's own line; quote is the quoting character.
 */
export async function recordLines(utf8Path: string, headerLine: number, records: number[], quote = '"'): Promise<Map<number, number>> {
	const wanted = new Set(records);
	const result = new Map<number, number>();
	if (wanted.size === 0) return result;
	const last = Math.max(...records);

	let line = 1;
	let record = -1 - headerLine; // records before and at the header are not data
	let inQuotes = false;
	let atLineStart = true;
	let prevCR = false;
	let recordOpen = false;

	for await (const chunk of createReadStream(utf8Path, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
		for (let i = 0; i < chunk.length; i++) {
			const ch = chunk[i]!;
			if (ch === '\n' && prevCR) {
				prevCR = false;
				continue; // second half of CRLF
			}
			prevCR = ch === '\r';
			if (ch === '\n' || ch === '\r') {
				if (!inQuotes) {
					recordOpen = false;
					atLineStart = true;
				}
				line++;
				continue;
			}
			if (atLineStart && !recordOpen) {
				// Lines before the header count as records here only to reach the header line.
				recordOpen = true;
				record = line <= headerLine ? -1 : record < 0 ? 0 : record + 1;
				if (wanted.has(record)) result.set(record, line);
				if (record >= last && record >= 0) return result;
			}
			atLineStart = false;
			if (ch === quote) inQuotes = !inQuotes;
		}
	}
	return result;
}
