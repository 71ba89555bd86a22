// Invoice lines given without their documents are refused naming what they lack, by its business
// name: a report with the date on each line but its client only on group rows lacks the client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { sayError } from '../../src/lib/i18n/ingest-messages';
import { IngestError } from '../../src/lib/server/ingest/errors';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
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

describe('invoice lines without their documents', () => {
	it('names only the client when the lines have their date', async () => {
		const e = await refusal('detalle.csv', 'Num,Date,Product,Qty,Amount\r\n1038,02/09/2025,Pump,2,4.00\r\n1039,02/10/2025,Rocks,1,22.50\r\n');
		expect(e.code).toBe('lines_without_documents');
		expect(e.params).toMatchObject({ columns: ['client_id'] });
		expect(sayError(e, 'es')).toContain('(no hay columna para "Cliente")');
		expect(sayError(e, 'en')).toContain('(no column for "Client")');
	});

	it('names the date and the client when both are missing', async () => {
		const e = await refusal('lineas.csv', 'Nº factura;Código producto;Cantidad;Importe\r\nF1;P1;2;10,00\r\nF2;P2;1;5,00\r\n');
		expect(e.params).toMatchObject({ columns: ['invoice_date', 'client_id'] });
		expect(sayError(e, 'es')).toContain('"Fecha de factura" y "Cliente"');
		// Nothing was loaded.
		expect((await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM invoice_lines'))!.n).toBe(0);
	});
});
