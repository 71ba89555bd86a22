// Excel workbooks (.xlsx): one worksheet streamed (exceljs' streaming reader, never the whole
// workbook in memory) to a UTF-8 `;`-separated CSV the text pipeline then reads like any export.
// Values are written so that the pipeline reads them unambiguously: numbers with a '.' decimal and
// no grouping (the shortest text that gives back the stored double), dates as ISO yyyy-mm-dd (with
// the time when it is not midnight), formulas as their cached result, rich text as its plain text.
// A workbook is recognised by its bytes (a ZIP holding xl/ entries), never by its name.
import ExcelJS from 'exceljs';
import { closeSync, createWriteStream, openSync, readSync } from 'node:fs';
import { once } from 'node:events';
import { IngestError } from './errors';
import { MAX_COLUMNS, MAX_LINE_BYTES } from './limits';
import { partStream, workbookParts, type PartLimits } from './workbook-parts';

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Whether the bytes start a ZIP archive (an .xlsx, a .docx, a zip …). */
export function isZip(head: Buffer): boolean {
	return head.length >= 4 && head.subarray(0, 4).equals(ZIP_SIGNATURE);
}

/**
 * Whether a ZIP holds a workbook: its local file headers name xl/ entries. Excel writes
 * [Content_Types].xml, _rels/ and then xl/…; the names of the first entries are in the head.
 */
export function looksLikeXlsx(path: string): boolean {
	const fd = openSync(path, 'r');
	try {
		const head = Buffer.alloc(64 * 1024);
		const n = readSync(fd, head, 0, head.length, 0);
		if (!isZip(head.subarray(0, n))) return false;
		return head.subarray(0, n).includes('xl/') || head.subarray(0, n).includes('[Content_Types].xml');
	} finally {
		closeSync(fd);
	}
}

export interface XlsxOptions {
	/** The worksheet: its name, or its 1-based position; the first worksheet by default. */
	sheet?: string | number;
	/** How much the workbook may unpack to (see limits.ts). */
	limits: PartLimits;
}

export interface XlsxConversion {
	sheet: string;
	sheets: string[];
	rows: number;
}

/**
 * Writes one worksheet of the workbook at `path` as a UTF-8 CSV (`;`, CRLF) to `out`. The workbook
 * is judged by its ZIP directory first and unpacked under the limits as it is read (workbook-parts.ts);
 * a row wider than MAX_COLUMNS or longer than MAX_LINE_BYTES stops it. Nothing is left behind but `out`.
 */
export async function xlsxToCsv(path: string, out: string, name: string, options: XlsxOptions): Promise<XlsxConversion> {
	const parts = workbookParts(path, name, options.limits);
	const input = partStream(path, name, parts, options.limits);
	// exceljs pipes the stream into its unzipper, which does not see the stream fail: the failure
	// is raced against each step of the reading instead.
	const failed = new Promise<never>((_, reject) => input.once('error', reject));
	failed.catch(() => undefined);
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
		worksheets: 'emit',
		sharedStrings: 'cache',
		styles: 'cache', // number formats: which numeric cells are dates
		hyperlinks: 'ignore',
		entries: 'ignore'
	});
	const file = createWriteStream(out, { encoding: 'utf8' });
	const closed = once(file, 'close');
	let buffer = '';
	const flush = async (force = false) => {
		if (!force && buffer.length < 1 << 16) return;
		const ok = file.write(buffer);
		buffer = '';
		if (!ok) await once(file, 'drain');
	};
	let found: XlsxConversion | null = null;
	let sheets: string[] = [];
	try {
		for await (const worksheet of until(reader as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader>, failed)) {
			const id = Number((worksheet as unknown as { id: string | number }).id);
			const info = sheetNames(reader);
			sheets = info.map((s) => s.name);
			const sheetName = info.find((s) => s.file === id)?.name ?? `Sheet${id}`;
			const wanted = options.sheet;
			const isWanted =
				wanted === undefined
					? info.length === 0 || info[0]!.file === id
					: typeof wanted === 'number'
						? info.length ? info[wanted - 1]?.file === id : wanted === id
						: sheetName.toLowerCase() === wanted.toLowerCase();
			if (!isWanted) {
				for await (const _ of until(worksheet as AsyncIterable<unknown>, failed)) void _; // drain it
				continue;
			}
			let next = 1;
			for await (const row of until(worksheet as AsyncIterable<ExcelJS.Row>, failed)) {
				// Rows Excel left out (empty) stay empty lines, so line numbers are the sheet's row numbers.
				for (; next < row.number; next++) buffer += '\r\n';
				const values = row.values as ExcelJS.CellValue[]; // 1-based, holes for empty cells
				if (values.length - 1 > MAX_COLUMNS) throw new IngestError('too_many_columns', { file: name, line: row.number, columns: values.length - 1, limit: MAX_COLUMNS });
				const cells: string[] = [];
				for (let c = 1; c < values.length; c++) cells.push(csvField(cellText(values[c])));
				const line = cells.join(';');
				if (line.length > MAX_LINE_BYTES / 3 && Buffer.byteLength(line) > MAX_LINE_BYTES) throw new IngestError('line_too_long', { file: name, line: row.number, limit_bytes: MAX_LINE_BYTES });
				buffer += line + '\r\n';
				next = row.number + 1;
				await flush();
			}
			found = { sheet: sheetName, sheets, rows: next - 1 };
			break;
		}
	} catch (error) {
		file.destroy();
		if (error instanceof IngestError) throw error;
		throw new IngestError('xlsx_unreadable', { file: name, detail: error instanceof Error ? error.message : String(error) });
	} finally {
		input.destroy(); // stops the unpacking and closes the workbook, read to its end or not
	}
	await flush(true);
	file.end();
	await closed;
	if (!found) {
		const wanted = options.sheet;
		if (wanted === undefined) throw new IngestError('xlsx_no_sheets', { file: name });
		throw new IngestError('xlsx_no_such_sheet', { file: name, sheet: wanted, sheets });
	}
	return found;
}

/** The items of `iterable` until it ends or `failed` rejects (then that rejection is thrown). */
async function* until<T>(iterable: AsyncIterable<T>, failed: Promise<never>): AsyncGenerator<T> {
	const iterator = iterable[Symbol.asyncIterator]();
	let done = false;
	try {
		for (;;) {
			const next = iterator.next();
			next.catch(() => undefined); // lost to `failed`, it must not end up an unhandled rejection
			const step = await Promise.race([next, failed]);
			if (step.done) {
				done = true;
				return;
			}
			yield step.value;
		}
	} finally {
		// Not awaited: after a failure the reader may never settle its pending step.
		if (!done) void iterator.return?.()?.catch(() => undefined);
	}
}

/** Worksheets in workbook order with the number of their sheetN.xml part (from workbook.xml and its rels). */
function sheetNames(reader: unknown): { name: string; file: number }[] {
	const r = reader as { model?: { sheets?: { name: string; rId: string }[] }; workbookRels?: { Id: string; Target: string }[] };
	const rels = new Map((r.workbookRels ?? []).map((x) => [x.Id, x.Target]));
	return (r.model?.sheets ?? []).map((s) => {
		const m = /sheet(\d+)\.xml$/.exec(rels.get(s.rId) ?? '');
		return { name: s.name, file: m ? Number(m[1]) : NaN };
	});
}

/** A cell as text: numbers with '.', dates ISO, formulas by their result, rich text and links by their text. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'string') return value;
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (value instanceof Date) return isoDate(value);
	if (typeof value === 'object') {
		if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((t) => t.text).join('');
		if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result);
		if ('text' in value && typeof value.text === 'string') return value.text;
		if ('error' in value) return String(value.error);
	}
	return String(value);
}

/** Excel dates carry no zone: exceljs gives them as UTC instants. */
function isoDate(d: Date): string {
	if (Number.isNaN(d.getTime())) return '';
	const iso = new Date(Math.round(d.getTime() / 1000) * 1000).toISOString(); // serials carry float noise
	const time = iso.slice(11, 19);
	return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

function csvField(text: string): string {
	return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
