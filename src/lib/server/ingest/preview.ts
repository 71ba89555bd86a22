// The first records of an export exactly as the ingest reads them (same detection, same DuckDB
// reader), before anything is written: for previews, and to check the reader on parser test suites.
import type { Database } from '../db/database';
import { readSource, type Source, type SourceOptions } from './read-source';
import { sampleRecords } from './sample-records';

export interface Preview {
	encoding: Source['encoding'];
	delimiter: string;
	quote: string;
	headers: string[];
	headerLine: number;
	/** Records as text; empty cells are ''. */
	rows: string[][];
	/** An Excel workbook: the worksheet read and every worksheet, in the workbook's order. */
	sheet?: string;
	sheets?: string[];
}

export async function previewFile(db: Database, path: string, name: string, options: SourceOptions = {}, limit = 50): Promise<Preview> {
	const source = await readSource(path, name, options);
	try {
		const rows = await sampleRecords(db, source, limit);
		const { encoding, delimiter, quote, headers, headerLine } = source;
		const sheets = source.workbook ? { sheet: source.workbook.sheet, sheets: source.workbook.sheets } : {};
		return { encoding, delimiter, quote, headers, headerLine, rows, ...sheets };
	} finally {
		source.cleanup();
	}
}
