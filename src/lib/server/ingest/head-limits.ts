// Refusals decided from the head of a text export, before the layout is guessed and before DuckDB
// reads a byte: a line too long to be a record (a binary file, a file without line breaks) and a
// header too wide to be one. A file of 10⁶ columns otherwise spent ~7 s of the event loop matching
// its headers to columns (normalizeKey, mapping.ts), and more in DuckDB, while every user waited.
import { closeSync, openSync, readSync } from 'node:fs';
import { IngestError } from './errors';
import { MAX_COLUMNS, MAX_LINE_BYTES } from './limits';
import type { Layout } from './layout';

/**
 * Refuses the first line of the head longer than MAX_LINE_BYTES; the line the head cuts off is
 * followed into the file (at most MAX_LINE_BYTES further), so a single 5 MB line is seen too.
 */
export function refuseLongLine(path: string, head: Buffer, fileBytes: number, name: string, limit = MAX_LINE_BYTES): void {
	let line = 1;
	let start = 0;
	for (let i = 0; i < head.length; i++) {
		const c = head[i];
		if (c !== 0x0a && c !== 0x0d) continue;
		if (i - start > limit) throw new IngestError('line_too_long', { file: name, line, limit_bytes: limit });
		if (c === 0x0d && head[i + 1] === 0x0a) i++;
		line++;
		start = i + 1;
	}
	if (head.length - start > limit || (head.length < fileBytes && !lineEndsWithin(path, start, limit)))
		throw new IngestError('line_too_long', { file: name, line, limit_bytes: limit });
}

/** Whether the line starting at byte `from` ends (a line break or the end of the file) within `limit` bytes. */
function lineEndsWithin(path: string, from: number, limit: number): boolean {
	const fd = openSync(path, 'r');
	try {
		const chunk = Buffer.alloc(64 * 1024);
		for (let read = 0; read <= limit; ) {
			const n = readSync(fd, chunk, 0, chunk.length, from + read);
			if (n === 0) return true;
			const view = chunk.subarray(0, n);
			const lf = view.indexOf(0x0a);
			const cr = view.indexOf(0x0d);
			const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
			if (end >= 0) return read + end <= limit;
			read += n;
		}
		return false;
	} finally {
		closeSync(fd);
	}
}

/** Refuses a header row of more than MAX_COLUMNS columns (trailing empty ones do not count). */
export function refuseWideHeader(layout: Layout, name: string, limit = MAX_COLUMNS): void {
	if (layout.headers.length > limit)
		throw new IngestError('too_many_columns', { file: name, line: layout.headerLine, columns: layout.headers.length, limit });
}
