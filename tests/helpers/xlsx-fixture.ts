// A real export as an Excel workbook: Tableau Superstore (Windows-1252 CSV in ../shared/data/real)
// written with exceljs' streaming writer, numbers as numbers and dates as date cells.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const REAL = join(process.cwd(), '..', 'shared', 'data', 'real');

/** Superstore as a workbook: a "Notas" sheet first, then "Orders" with typed cells. */
export async function superstoreXlsx(path: string, options: { notesFirst?: boolean; rows?: number } = {}): Promise<void> {
	const text = new TextDecoder('windows-1252').decode(readFileSync(join(REAL, 'tableau-sample-superstore', 'Sample - Superstore.csv')));
	const [header, ...all] = Papa.parse<string[]>(text.trim(), { delimiter: ',' }).data;
	const rows = all.slice(0, options.rows ?? all.length);
	const numeric = new Set(['Row ID', 'Sales', 'Quantity', 'Discount', 'Profit']);
	const dates = new Set(['Order Date', 'Ship Date']);
	const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
	if (options.notesFirst) {
		const notes = wb.addWorksheet('Notas');
		notes.addRow(['Exportado del ERP']).commit();
		notes.commit();
	}
	const ws = wb.addWorksheet('Orders');
	ws.addRow(header!).commit();
	for (const r of rows) {
		const row = ws.addRow(
			r.map((v, i) => {
				const h = header![i]!;
				if (numeric.has(h)) return Number(v);
				if (dates.has(h)) {
					const [m, d, y] = v.split('/').map(Number);
					return new Date(Date.UTC(y!, m! - 1, d!));
				}
				return v;
			})
		);
		header!.forEach((h, i) => dates.has(h) && (row.getCell(i + 1).numFmt = 'dd/mm/yyyy'));
		row.commit();
	}
	ws.commit();
	await wb.commit();
}

