// Headers → one kind's columns: the choices made when several columns could fill a field, or
// when no header names it but the values do.
import { describe, expect, it } from 'vitest';
import { KIND_SPECS } from '../../../src/lib/server/ingest/kinds';
import { mapHeaders } from '../../../src/lib/server/ingest/recognise/map-headers';

const mapped = (headers: string[], kind: keyof typeof KIND_SPECS, rows?: string[][]) => {
	const m = mapHeaders(headers, KIND_SPECS[kind], rows ? { rows } : undefined);
	return { columns: Object.fromEntries(Object.entries(m.mapping).map(([c, i]) => [c, headers[i]])), by: m.matchedBy, missing: m.missing };
};

describe('mapHeaders', () => {
	it("takes a line's own amount and quantity before the document's totals repeated on each line", () => {
		const { columns } = mapped(
			['Ref. factura', 'Fecha factura', 'Código cliente', 'Importe base imponible', 'Importe total', 'Cantidad línea', 'Precio unitario línea', 'Base imponible línea', 'Total línea'],
			'invoices'
		);
		expect(columns).toMatchObject({ amount: 'Base imponible línea', quantity: 'Cantidad línea', unit_price: 'Precio unitario línea' });
	});

	it('prefers the number people use to a system id that names the same key', () => {
		expect(mapped(['Invoice ID', 'Invoice Number', 'Invoice Date', 'Customer ID', 'Item Total'], 'invoices').columns.invoice_id).toBe('Invoice Number');
	});

	it('fills a status or type field from a column whose values speak its vocabulary', () => {
		const rows = [['06/01/2025', 'Factura', 'A1', 'C1', '10,00'], ['07/01/2025', 'Nota de crédito', 'A2', 'C2', '5,00'], ['08/01/2025', 'Factura', 'A3', 'C1', '1,00'], ['09/01/2025', 'Factura', 'A4', 'C3', '2,00']];
		const m = mapped(['Fecha', 'Documento', 'Folio', 'Código cliente', 'Subtotal'], 'invoices', rows);
		expect(m.columns).toMatchObject({ invoice_id: 'Folio', doc_type: 'Documento' });
		expect(m.by.doc_type).toBe('values');
	});

	it('leaves out a key column that is empty in the first records (the name then identifies)', () => {
		const rows = ['Amy', 'Bill', 'Cool Cars', 'Diego'].map((n) => [n, 'x@y.com', '']);
		const m = mapped(['Customer', 'Email', 'Account #'], 'clients', rows);
		expect(m.columns).toMatchObject({ client_id: 'Customer', name: 'Customer' });
		expect(m.by.client_id).toBe('key-name');
	});

	it('keys clients by an internal code before a tax id, and by a tax id before a column of names', () => {
		expect(mapped(['NIT', 'Código', 'Nombre'], 'clients').columns.client_id).toBe('Código');
		const rows = [['F1', '01/01/2025', 'Ferretería El Sol SRL', '1028627025', '10'], ['F2', '02/01/2025', 'Hotel Los Tajibos', '1020569023', '10'], ['F3', '02/01/2025', 'Agro Oriente SA', '1020569024', '10'], ['F4', '02/01/2025', 'Hotel Los Tajibos', '1020569023', '10']];
		const m = mapped(['Número', 'Fecha', 'Cliente', 'NIT', 'Subtotal'], 'invoices', rows);
		expect(m.columns).toMatchObject({ client_id: 'NIT', client_name: 'Cliente' });
	});
});
