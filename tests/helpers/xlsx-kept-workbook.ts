// A sales workbook as an analyst keeps it (issue 12, item 7): a cover ("Portada": title, the logo's
// text, a date), notes ("Notas"), then the data ("Ventas": a title merged across the columns above
// the header, invoice lines with Excel dates and an amount computed by a formula). Written with
// exceljs' streaming writer, as Excel would store it: the formula with its cached result.
import ExcelJS from 'exceljs';

/** The lines of "Ventas": number, date, client, product, quantity, unit price (amount = quantity × price). */
export const SALES_LINES: [string, Date, string, string, number, number][] = [
	['F-001', new Date(Date.UTC(2025, 0, 5)), 'C1', 'P1', 2, 150.5],
	['F-001', new Date(Date.UTC(2025, 0, 5)), 'C1', 'P2', 1, 99.99],
	['F-002', new Date(Date.UTC(2025, 1, 14)), 'C2', 'P1', 10, 150.5],
	['F-003', new Date(Date.UTC(2025, 2, 31)), 'C3', 'P3', 3, 1234.25]
];

/**
 * Writes the workbook. `salesFirstPart` stores "Ventas" as the first part (sheet1.xml) while its tab
 * stays last, as when a sheet is moved in Excel; `hiddenLookup` adds a hidden sheet of clients first.
 */
export async function keptWorkbook(path: string, options: { salesFirstPart?: boolean; hiddenLookup?: boolean } = {}): Promise<void> {
	const wb = new ExcelJS.Workbook();
	const tabs: ExcelJS.Worksheet[] = [];
	const sales = () => {
		const ws = wb.addWorksheet('Ventas');
		ws.mergeCells('A1:G1');
		ws.getCell('A1').value = 'Ventas del primer trimestre';
		ws.addRow([]);
		ws.addRow(['Nº factura', 'Fecha', 'Código cliente', 'Código producto', 'Cantidad', 'Precio unitario', 'Importe']);
		for (const [invoice, date, client, product, quantity, price] of SALES_LINES) {
			const row = ws.addRow([invoice, date, client, product, quantity, price]);
			const n = row.number;
			row.getCell(2).numFmt = 'dd/mm/yyyy';
			row.getCell(7).value = { formula: `E${n}*F${n}`, result: Math.round(quantity * price * 100) / 100 };
		}
		return ws;
	};
	const salesSheet = options.salesFirstPart ? sales() : undefined;
	if (options.hiddenLookup) {
		// A hidden lookup sheet that fits a kind (clients): never the one chosen by itself.
		const ws = wb.addWorksheet('Clientes', { state: 'hidden' });
		ws.addRow(['Código cliente', 'Razón social']);
		ws.addRow(['C1', 'Alfa']);
		tabs.push(ws);
	}
	const cover = wb.addWorksheet('Portada');
	cover.addRow(['Informe de ventas 2025']);
	cover.addRow([]);
	cover.addRow(['ACME Distribuciones S.R.L.']); // the logo's text
	cover.addRow([new Date(Date.UTC(2025, 3, 2))]).getCell(1).numFmt = 'dd/mm/yyyy';
	const notes = wb.addWorksheet('Notas');
	notes.addRow(['Notas']);
	notes.addRow(['Los importes no incluyen IVA.']);
	notes.addRow(['Fuente: ERP, exportado el 02/04/2025.']);
	tabs.push(cover, notes, salesSheet ?? sales());
	setTabOrder(tabs);
	await wb.xlsx.writeFile(path);
}

/** The order of the tabs, whatever the order of the parts (exceljs keeps it in an untyped orderNo). */
export function setTabOrder(sheets: ExcelJS.Worksheet[]): void {
	sheets.forEach((ws, i) => ((ws as ExcelJS.Worksheet & { orderNo: number }).orderNo = i + 1));
}

/**
 * The same shape with `rows` invoice lines (a cover, notes, then "Ventas"), written row by row with
 * exceljs' streaming writer and inline strings: 100,000 rows make a 7 MB workbook.
 */
export async function largeKeptWorkbook(path: string, rows: number): Promise<void> {
	const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
	const cover = wb.addWorksheet('Portada');
	cover.addRow(['Informe de ventas 2025']).commit();
	cover.commit();
	const notes = wb.addWorksheet('Notas');
	notes.addRow(['Los importes no incluyen IVA.']).commit();
	notes.commit();
	const ws = wb.addWorksheet('Ventas');
	ws.addRow(['Ventas 2025']).commit();
	ws.addRow(['Nº factura', 'Fecha', 'Código cliente', 'Código producto', 'Cantidad', 'Precio unitario', 'Importe', 'Descripción']).commit();
	for (let i = 0; i < rows; i++) {
		const quantity = 1 + (i % 20);
		const price = 10 + ((i * 37) % 9000) / 100;
		const row = ws.addRow([
			`F-${100000 + Math.floor(i / 3)}`,
			new Date(Date.UTC(2025, i % 12, 1 + (i % 28))),
			`C${i % 5000}`,
			`P${i % 800}`,
			quantity,
			price,
			{ formula: `E${i + 3}*F${i + 3}`, result: Math.round(quantity * price * 100) / 100 },
			`Artículo ${(i * 7919).toString(36)}`
		]);
		row.getCell(2).numFmt = 'dd/mm/yyyy';
		row.commit();
	}
	ws.commit();
	await wb.commit();
}
