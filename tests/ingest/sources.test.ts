// Invoice lines given without their documents are refused naming what they lack, by its business
// name: a report with the date on each line but its client only on group rows lacks the client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { sayError } from '../../src/lib/i18n/ingest-messages';
import { IngestError } from '../../src/lib/server/ingest/errors';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { sayReport } from '../../src/lib/i18n/ingest-report';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;
beforeAll(async () => {
	db = await openTempDatabase(folder);
});
afterAll(() => {
	db.close();
	folder.remove();
});

async function refusal(name: string, text: string): Promise<IngestError> {
	const path = folder.write(name, text);
	const error = await ingestFiles(db, [{ path, name }]).then(() => undefined, (e: unknown) => e);
	if (!(error instanceof IngestError)) throw new Error(`expected a refusal, got ${String(error)}`);
	return error;
}

describe('a report grouped by client', () => {
	it('gives each line the client of the group heading above it, and skips the headings and group totals', async () => {
		// QuickBooks' "Sales by Customer Detail": the client is written only on its group's heading row.
		const text = [
			'Sales by Customer Detail',
			'',
			',Date,Transaction Type,Num,Product/Service,Qty,Amount',
			"Amy's Bird Sanctuary,,,,,,",
			',02/09/2025,Invoice,1038,Sprinkler Heads,2.00,4.00',
			',02/11/2025,Invoice,1040,Rocks,1.00,12.75',
			"Total for Amy's Bird Sanctuary,,,,,,16.75",
			'Cool Cars,,,,,,',
			',03/01/2025,Invoice,1050,Pump,1.00,15.00',
			',03/04/2025,Credit Memo,1051,Pump,-1.00,-15.00',
			',03/05/2025,Invoice,1052,Design,2.00,150.00',
			'Total for Cool Cars,,,,,,150.00',
			'TOTAL,,,,,,166.75',
			''
		].join('\r\n');
		const path = folder.write('ventas-por-cliente.csv', text);
		const report = await ingestFiles(db, [{ path, name: 'ventas-por-cliente.csv' }]);
		const f = report.files[0]!;
		expect([f.kind, f.loaded, f.rejected]).toEqual(['invoices', 5, 0]);
		// 4.00 + 12.75 + 15.00 − 15.00 + 150.00
		expect(f.amount_total).toBe(166.75);
		expect(f.skipped.map((s) => [s.reason, s.rows, s.lines])).toEqual([
			['title', 1, [1]],
			['group', 2, [4, 8]],
			['subtotal', 2, [7, 12]],
			['total', 1, [13]]
		]);
		const lines = await db.all<{ invoice_id: string; client_id: string }>(`SELECT invoice_id, client_id FROM invoice_lines ORDER BY invoice_id`);
		expect(lines.map((l) => `${l.invoice_id}:${l.client_id}`)).toEqual([
			"1038:Amy's Bird Sanctuary", "1040:Amy's Bird Sanctuary", '1050:Cool Cars', '1051:Cool Cars', '1052:Cool Cars'
		]);
		const said = sayReport(report, 'es').files[0]!.warnings.join('\n');
		expect(said).toContain('Se omitieron 2 encabezados de grupo (el cliente de las líneas de debajo, que se asignó a cada línea) (líneas 4 y 8).');
		await db.run('DELETE FROM invoice_lines');
	});
});

describe('invoice lines without their documents', () => {
	it('names only the client when the lines have their date', async () => {
		const e = await refusal('detalle.csv', 'Num,Date,Product,Qty,Amount\r\n1038,02/09/2025,Pump,2,4.00\r\n1039,02/10/2025,Rocks,1,22.50\r\n');
		expect(e.code).toBe('lines_without_documents');
		expect(e.params).toMatchObject({ columns: ['client_id'] });
		expect(sayError(e, 'es')).toContain('(no hay columna para "Cliente")');
		expect(sayError(e, 'en')).toContain('(no column for "Client")');
	});

	it('names the date and the client when both are missing', async () => {
		const before = (await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM invoice_lines'))!.n;
		const e = await refusal('lineas.csv', 'Nº factura;Código producto;Cantidad;Importe\r\nF1;P1;2;10,00\r\nF2;P2;1;5,00\r\n');
		expect(e.params).toMatchObject({ columns: ['invoice_date', 'client_id'] });
		expect(sayError(e, 'es')).toContain('"Fecha de factura" y "Cliente"');
		// Nothing was loaded.
		expect((await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM invoice_lines'))!.n).toBe(before);
	});
});
