// Header matching is case-, accent- and punctuation-insensitive; kinds come from the headers.
import { describe, expect, it } from 'vitest';
import { detectKind } from '../../src/lib/server/ingest/mapping';
import { normalizeKey } from '../../src/lib/server/ingest/text';

describe('normalizeKey', () => {
	it('ignores case, accents, punctuation and spacing', () => {
		expect(normalizeKey('  Nº Factura ')).toBe('no factura');
		expect(normalizeKey('Razón_Social')).toBe('razon social');
		expect(normalizeKey('Importe (sin IVA)')).toBe('importe sin iva');
		expect(normalizeKey('TAMAÑO')).toBe('tamano');
	});
});

describe('detectKind', () => {
	const kind = (headers: string[]) => detectKind(headers, 'f.csv').spec.kind;

	it('recognises Spanish ERP and CRM exports', () => {
		expect(kind(['Nº factura', 'Fecha', 'Código cliente', 'Importe'])).toBe('invoices');
		expect(kind(['CÓDIGO CLIENTE', 'RAZÓN SOCIAL', 'Región'])).toBe('clients');
		expect(kind(['Ref. presupuesto', 'Cliente', 'Fecha presupuesto', 'Importe (sin IVA)', 'Estado'])).toBe('quotes');
		expect(kind(['Mes', 'Pronóstico'])).toBe('forecasts');
		expect(kind(['ID oportunidad', 'Fecha de creación', 'Etapa', 'Importe'])).toBe('opportunities');
	});

	it('recognises English and API field names', () => {
		expect(kind(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'])).toBe('invoices');
		expect(kind(['opportunity_id', 'sales_agent', 'product', 'account', 'deal_stage', 'engage_date', 'close_date', 'close_value'])).toBe('opportunities');
		expect(kind(['Product ID', 'Product Name', 'Category'])).toBe('products');
	});

	it('reports the source header chosen for each column', () => {
		const m = detectKind(['Nº factura', 'Línea', 'Fecha', 'Código cliente', 'Importe', 'Tipo documento'], 'f.csv');
		expect(m.mapping).toEqual({ invoice_id: 0, line_no: 1, invoice_date: 2, client_id: 3, amount: 4, doc_type: 5 });
	});
});
