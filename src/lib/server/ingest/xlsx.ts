// Excel workbooks (.xlsx): one worksheet streamed (exceljs' streaming reader, never the whole
// workbook in memory) to a UTF-8 `;`-separated CSV the text pipeline then reads like any export.
// Values are written so that the pipeline reads them unambiguously: numbers with a '.' decimal and
// no grouping (the shortest text that gives back the stored double), dates as ISO yyyy-mm-dd (with
// the time when it is not midnight), formulas as their cached result, rich text as its plain text.
// A workbook is recognised by its bytes (a ZIP holding xl/ entries), never by its name.
import ExcelJS from 'exceljs';
import { closeSync, createWriteStream, openSync, readSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { IngestError } from './errors';
import { MAX_COLUMNS, MAX_LINE_BYTES, MAX_SHEETS_JUDGED } from './limits';
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
	/** The worksheet: its name, or its 1-based position (or a name made of digits). */
	sheet?: string | number;
	/** How much the workbook may unpack to (see limits.ts). */
	limits: PartLimits;
	/**
	 * Whether a worksheet holds the table to load, judged on its head (the first rows as the CSV
	 * text written, as much as readSource looks at). Without `sheet`, the first visible worksheet
	 * (in the workbook's order) that fits is read, else the first worksheet; without `fits`, the first.
	 */
	fits?: (head: string) => boolean;
}

export interface XlsxConversion {
	/** The worksheet read. */
	sheet: string;
	/** Every worksheet, in the workbook's order. */
	sheets: string[];
	/** The worksheets hidden in Excel (Dynamics' veryHidden "hiddenSheet", lookups). */
	hidden: string[];
	rows: number;
	/** Why that one: asked for, the first whose table fits, or the first (none fits, or none was judged). */
	chosen: 'given' | 'fits' | 'first';
	/** Whether the worksheet read fits (undefined when not judged). */
	fits?: boolean;
	/** The worksheets judged to fit, in the order they were read. */
	fitting: string[];
}

/** As much of a sheet as readSource looks at to find its header row (read-source.ts HEAD_BYTES). */
const HEAD_CHARS = 256 * 1024;

/** A worksheet written to CSV, or only looked at. */
interface SheetRead {
	position: number;
	name: string;
	rows: number;
	fits?: boolean;
	file?: CsvFile;
}

/**
 * Writes one worksheet of the workbook at `path` as a UTF-8 CSV (`;`, CRLF) to `out`: the one asked
 * for, or the first whose table fits (see XlsxOptions). The workbook is judged by its ZIP directory
 * first and unpacked under the limits as it is read (workbook-parts.ts); a row wider than
 * MAX_COLUMNS or longer than MAX_LINE_BYTES stops it. The sheets come in the order of their parts,
 * each read once: a sheet that may be the one is written as it is read (beside `out`), and dropped
 * as soon as its head says it is not; the rest of the workbook is not read once the choice is
 * certain. Nothing is left behind but `out`.
 */
export async function xlsxToCsv(path: string, out: string, name: string, options: XlsxOptions): Promise<XlsxConversion> {
	const parts = workbookParts(path, name, options.limits);
	const input = partStream(path, name, parts, options.limits);
	// exceljs pipes the stream into its unzipper, which does not see the stream fail: the failure
	// is raced against each step of the reading instead.
	const failed = new StreamFailure(input);
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
		worksheets: 'emit',
		sharedStrings: 'cache',
		styles: 'cache', // number formats: which numeric cells are dates
		hyperlinks: 'ignore',
		entries: 'ignore'
	});
	const given = options.sheet;
	const judge = options.fits;
	const files: CsvFile[] = [];
	const seen = new Set<number>();
	const fitting: string[] = [];
	let sheets: SheetInfo[] = [];
	let wanted: SheetRead | undefined; // the sheet asked for
	let best: SheetRead | undefined; // the first (in the workbook's order) that fits so far
	let first: SheetRead | undefined; // the first sheet, when it does not fit: read if none does
	let judged = 0;
	try {
		for await (const worksheet of until(reader as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader>, failed)) {
			const id = Number((worksheet as unknown as { id: string | number }).id);
			const info = sheetNames(reader);
			sheets = info;
			const position = info.length ? info.findIndex((s) => s.file === id) : seen.size;
			seen.add(position);
			const sheet = { position, name: info[position]?.name ?? `Sheet${id}` };
			const isWanted = given !== undefined && isSheet(given, info, id, sheet.name);
			// Judged: the sheet asked for and, to name the ones that fit when it does not, the visible
			// others; without one asked for, each visible sheet that could still come before the best so far.
			const hidden = !!info[position]?.hidden;
			const candidate = given !== undefined ? isWanted || !hidden : !hidden && (!best || position < best.position);
			const judgeIt = judge && candidate && judged < MAX_SHEETS_JUDGED ? judge : undefined;
			if (judgeIt) judged++;
			const write = given !== undefined ? isWanted : position === 0 || !!judgeIt;
			const file = write ? new CsvFile(isWanted ? out : `${out}.${seen.size}`) : undefined;
			if (file) files.push(file);
			const read: SheetRead = { ...sheet, ...(await readSheet(worksheet, failed, name, { file, judge: judgeIt, keepUnfit: isWanted || position === 0 })) };
			if (read.fits) fitting.push(read.name);
			if (given !== undefined) {
				if (isWanted) wanted = read;
				// Done with the sheet asked for when it fits, or once another is known to (for the refusal).
				if (wanted && (wanted.fits !== false || fitting.length > 0)) break;
				continue;
			}
			if (read.fits && (!best || position < best.position)) {
				await best?.file?.discard();
				best = read;
			} else if (position === 0) first = read;
			else await read.file?.discard();
			if (!judge && first) break;
			// Certain once every sheet before the best one has been seen, or when no more can be judged.
			if (best && Array.from({ length: best.position }, (_, i) => i).every((i) => seen.has(i))) break;
			if (judged >= MAX_SHEETS_JUDGED && (best || first)) break;
		}
	} catch (error) {
		await Promise.all(files.map((f) => f.discard()));
		if (error instanceof IngestError) throw error;
		throw new IngestError('xlsx_unreadable', { file: name, detail: error instanceof Error ? error.message : String(error) });
	} finally {
		input.destroy(); // stops the unpacking and closes the workbook, read to its end or not
	}
	const chosen = given !== undefined ? wanted : (best ?? first);
	for (const f of files) if (f !== chosen?.file) await f.discard();
	if (!chosen) {
		if (given === undefined) throw new IngestError('xlsx_no_sheets', { file: name });
		throw new IngestError('xlsx_no_such_sheet', { file: name, sheet: given, sheets: sheets.map((s) => s.name) });
	}
	await chosen.file!.end();
	if (chosen.file!.path !== out) renameSync(chosen.file!.path, out);
	const how = given !== undefined ? 'given' : chosen === best ? 'fits' : 'first';
	const names = { sheets: sheets.map((s) => s.name), hidden: sheets.filter((s) => s.hidden).map((s) => s.name) };
	return { sheet: chosen.name, ...names, rows: chosen.rows, chosen: how, fitting, ...(chosen.fits === undefined ? {} : { fits: chosen.fits }) };
}

/** Whether the worksheet of part `id`, named `name`, is the one asked for: by position, else by name. */
function isSheet(wanted: string | number, info: SheetInfo[], id: number, name: string): boolean {
	if (typeof wanted === 'number') {
		if (!info.length) return wanted === id;
		if (info[wanted - 1]) return info[wanted - 1]!.file === id;
		wanted = String(wanted); // a sheet named "2024"
	}
	return name.trim().toLowerCase() === wanted.trim().toLowerCase();
}

/**
 * Reads one worksheet's rows: written to `file` (dropped once judged unfit, unless `keepUnfit`),
 * its head judged, the rest drained unconverted once nothing more is wanted of it.
 */
async function readSheet(
	worksheet: ExcelJS.stream.xlsx.WorksheetReader,
	failed: StreamFailure,
	name: string,
	sink: { file?: CsvFile; judge?: (head: string) => boolean; keepUnfit: boolean }
): Promise<{ rows: number; fits?: boolean; file?: CsvFile }> {
	let { file } = sink;
	let head = '';
	let fits: boolean | undefined;
	let next = 1;
	const verdict = async () => {
		fits = sink.judge!(head);
		head = '';
		if (!fits && !sink.keepUnfit && file) {
			await file.discard();
			file = undefined;
		}
	};
	for await (const row of until(worksheet as AsyncIterable<ExcelJS.Row>, failed)) {
		if (!file && (!sink.judge || fits !== undefined)) continue; // drained
		// Rows Excel left out (empty) stay empty lines, so line numbers are the sheet's row numbers.
		let text = '';
		for (; next < row.number; next++) text += '\r\n';
		text += rowLine(row, name) + '\r\n';
		next = row.number + 1;
		await file?.write(text);
		if (sink.judge && fits === undefined) {
			head += text;
			if (head.length >= HEAD_CHARS) await verdict();
		}
	}
	if (sink.judge && fits === undefined) await verdict();
	return { rows: next - 1, fits, file };
}

/** A row as a CSV line (`;`), refused when wider than MAX_COLUMNS or longer than MAX_LINE_BYTES. */
function rowLine(row: ExcelJS.Row, name: string): string {
	const values = row.values as ExcelJS.CellValue[]; // 1-based, holes for empty cells
	if (values.length - 1 > MAX_COLUMNS) throw new IngestError('too_many_columns', { file: name, line: row.number, columns: values.length - 1, limit: MAX_COLUMNS });
	const cells: string[] = [];
	for (let c = 1; c < values.length; c++) cells.push(csvField(cellText(values[c])));
	const line = cells.join(';');
	if (line.length > MAX_LINE_BYTES / 3 && Buffer.byteLength(line) > MAX_LINE_BYTES) throw new IngestError('line_too_long', { file: name, line: row.number, limit_bytes: MAX_LINE_BYTES });
	return line;
}

/** A CSV file written in 64 kB pieces, waiting for the disk (backpressure); discarded leaves nothing. */
class CsvFile {
	private readonly stream: WriteStream;
	private readonly closed: Promise<unknown>;
	private buffer = '';
	constructor(readonly path: string) {
		this.stream = createWriteStream(path, { encoding: 'utf8' });
		this.closed = once(this.stream, 'close');
		this.closed.catch(() => undefined); // awaited by end(); discard() ignores it
	}
	async write(text: string): Promise<void> {
		this.buffer += text;
		if (this.buffer.length >= 1 << 16) await this.flush();
	}
	private async flush(): Promise<void> {
		const ok = this.stream.write(this.buffer);
		this.buffer = '';
		if (!ok) await once(this.stream, 'drain');
	}
	async end(): Promise<void> {
		if (this.buffer) await this.flush();
		this.stream.end();
		await this.closed;
	}
	async discard(): Promise<void> {
		this.buffer = '';
		this.stream.destroy();
		await this.closed.catch(() => undefined);
		rmSync(this.path, { force: true });
	}
}

/**
 * A stream's failure, raced against each step of the reading. Not Promise.race with one promise
 * that stays pending: every race leaves a reaction on it holding that step's result (a row) until
 * the end, and a sheet of 900,000 rows held 3 GB.
 */
class StreamFailure {
	private failure: { error: unknown } | undefined;
	private readonly waiting = new Set<(error: unknown) => void>();
	constructor(stream: Readable) {
		stream.once('error', (error) => {
			this.failure = { error };
			for (const reject of this.waiting) reject(error);
			this.waiting.clear();
		});
	}
	/** `step`, or the stream's failure if it comes first (a step lost to it is left to settle unobserved). */
	race<T>(step: Promise<T>): Promise<T> {
		if (this.failure) {
			step.catch(() => undefined);
			return Promise.reject(this.failure.error);
		}
		return new Promise<T>((resolve, reject) => {
			this.waiting.add(reject);
			step.then(
				(value) => {
					this.waiting.delete(reject);
					resolve(value);
				},
				(error) => {
					this.waiting.delete(reject);
					reject(error);
				}
			);
		});
	}
}

/** The items of `iterable` until it ends or the stream fails (then that failure is thrown). */
async function* until<T>(iterable: AsyncIterable<T>, failed: StreamFailure): AsyncGenerator<T> {
	const iterator = iterable[Symbol.asyncIterator]();
	let done = false;
	try {
		for (;;) {
			const step = await failed.race(iterator.next());
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

interface SheetInfo {
	name: string;
	/** The number of its sheetN.xml part. */
	file: number;
	hidden: boolean;
}

/** Worksheets in workbook order with the number of their sheetN.xml part (from workbook.xml and its rels). */
function sheetNames(reader: unknown): SheetInfo[] {
	const r = reader as { model?: { sheets?: { name: string; rId: string; state?: string }[] }; workbookRels?: { Id: string; Target: string }[] };
	const rels = new Map((r.workbookRels ?? []).map((x) => [x.Id, x.Target]));
	return (r.model?.sheets ?? []).map((s) => {
		const m = /sheet(\d+)\.xml$/.exec(rels.get(s.rId) ?? '');
		return { name: s.name, file: m ? Number(m[1]) : NaN, hidden: s.state === 'hidden' || s.state === 'veryHidden' };
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
