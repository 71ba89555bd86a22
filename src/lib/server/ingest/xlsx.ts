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
}

export interface XlsxConversion {
	sheet: string;
	sheets: string[];
	rows: number;
}

/** Writes one worksheet of the workbook at `path` as a UTF-8 CSV (`;`, CRLF) to `out`. */
export async function xlsxToCsv(path: string, out: string, name: string, options: XlsxOptions = {}): Promise<XlsxConversion> {
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
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
		for await (const worksheet of reader as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader>) {
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
				for await (const _ of worksheet as AsyncIterable<unknown>) void _; // drain it
				continue;
			}
			let next = 1;
			for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
				// Rows Excel left out (empty) stay empty lines, so line numbers are the sheet's row numbers.
				for (; next < row.number; next++) buffer += '\r\n';
				const values = row.values as ExcelJS.CellValue[]; // 1-based, holes for empty cells
				const cells: string[] = [];
				for (let c = 1; c < values.length; c++) cells.push(csvField(cellText(values[c])));
				buffer += cells.join(';') + '\r\n';
				next = row.number + 1;
				await flush();
			}
			found = { sheet: sheetName, sheets, rows: next - 1 };
			break;
		}
	} catch (error) {
		file.destroy();
		throw new IngestError('xlsx_unreadable', { file: name, detail: error instanceof Error ? error.message : String(error) });
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
