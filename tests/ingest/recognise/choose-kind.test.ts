// The kind of an export from its headers and first records: the five exports issue 12 found loaded
// as the wrong kind or refused, rebuilt from their descriptions, and the rules that keep a wrong
// guess from loading silently.
import { describe, expect, it } from 'vitest';
import { sayError } from '../../../src/lib/i18n/ingest-messages';
import { IngestError } from '../../../src/lib/server/ingest/errors';
import { detectKind } from '../../../src/lib/server/ingest/mapping';
import type { ValueEvidence } from '../../../src/lib/server/ingest/recognise/types';

const CLIENTS = ['Ferretería El Sol SRL', 'Distribuidora Andina', 'Comercial Illimani', 'Agro Oriente SA', 'Hotel Los Tajibos'];
const NIFS = ['B12345678', 'B23456789', 'A34567890', 'B45678901', 'A56789012'];

/** Headers and records → what detectKind says, with the header each column took. */
function detect(headers: string[], rows: string[][], extra: Partial<ValueEvidence> = {}, forced?: Parameters<typeof detectKind>[2]) {
	const m = detectKind(headers, 'f.csv', forced, { rows, ...extra });
	const columns = Object.fromEntries(Object.entries(m.mapping).map(([c, i]) => [c, headers[i]]));
	return { kind: m.spec.part ? 'invoices' : m.spec.kind, columns, recognition: m.recognition };
}

describe('the five exports of issue 12', () => {
	it('an Odoo invoice list is invoices, amounts net of tax, not a clients file', () => {
		const headers = ['Número', 'Cliente', 'NIF Cliente', 'Fecha de factura', 'Estado', 'Total', 'Impuestos', 'Base imponible', 'Tipo'];
		const rows = Array.from({ length: 30 }, (_, i) => [
			`FAC/2026/${String(i + 1).padStart(4, '0')}`, CLIENTS[i % 5]!, NIFS[i % 5]!, `2026-03-${String((i % 28) + 1).padStart(2, '0')}`,
			i % 10 === 9 ? 'Borrador' : 'Publicado', '121,00', '21,00', '100,00', i % 7 === 6 ? 'Factura rectificativa' : 'Factura de cliente'
		]);
		const d = detect(headers, rows);
		expect(d.kind).toBe('invoices');
		expect(d.columns).toMatchObject({ invoice_id: 'Número', invoice_date: 'Fecha de factura', amount: 'Base imponible', doc_type: 'Tipo' });
		expect(d.recognition!.evidence).toContainEqual({ code: 'dates', column: 'Fecha de factura' });
		expect(d.recognition!.evidence).toContainEqual({ code: 'parties', n: 5 });
	});

	it('with --kind invoices the Odoo list maps its only number column', () => {
		const d = detect(['Número', 'Cliente', 'Fecha de factura', 'Base imponible'], [['F1', 'A', '2026-01-02', '10']], {}, 'invoices');
		expect(d.columns.invoice_id).toBe('Número');
	});

	it('an Alegra-style sales list is invoices', () => {
		const headers = ['Número', 'Cliente', 'Identificación', 'Creación', 'Vencimiento', 'Subtotal', 'Impuestos', 'Total', 'Pagado', 'Por pagar', 'Estado'];
		const rows = Array.from({ length: 12 }, (_, i) => [
			`FV-${100 + i}`, CLIENTS[i % 4]!, NIFS[i % 4]!, `0${(i % 9) + 1}/04/2026`, `0${(i % 9) + 1}/05/2026`, '1.000,00', '190,00', '1.190,00', '0', '1.190,00', i % 3 ? 'Por cobrar' : 'Cobrada'
		]);
		const d = detect(headers, rows);
		expect(d.kind).toBe('invoices');
		// The client's tax id is a steadier key than its name; the name still names the client.
		expect(d.columns).toMatchObject({ invoice_id: 'Número', client_id: 'Identificación', client_name: 'Cliente', amount: 'Subtotal' });
	});

	it('a Salesforce opportunity report is opportunities, named by the opportunity', () => {
		const headers = ['Opportunity Name', 'Account Name', 'Stage', 'Amount', 'Probability (%)', 'Close Date', 'Created Date', 'Opportunity Owner'];
		const stages = ['Prospecting', 'Qualification', 'Closed Won', 'Closed Lost', 'Negotiation/Review'];
		const rows = Array.from({ length: 10 }, (_, i) => [`Deal ${i}`, CLIENTS[i % 3]!, stages[i % 5]!, '15000', '20', '3/31/2026', '1/15/2026', 'Ana Ruiz']);
		const d = detect(headers, rows);
		expect(d.kind).toBe('opportunities');
		expect(d.columns).toMatchObject({ opportunity_id: 'Opportunity Name', client_id: 'Account Name', stage: 'Stage', probability: 'Probability (%)', created_at: 'Created Date' });
	});

	it('a product catalogue Código;Descripción;Familia;Precio is products', () => {
		const rows = [['P-001', 'Tornillo 1/4', 'Ferretería', '0,50'], ['P-002', 'Clavo 2"', 'Ferretería', '0,10'], ['P-003', 'Pintura blanca 4L', 'Pinturas', '25,00'], ['P-004', 'Brocha 2"', 'Pinturas', '3,20']];
		const d = detect(['Código', 'Descripción', 'Familia', 'Precio'], rows);
		expect(d.kind).toBe('products');
		expect(d.columns).toMatchObject({ product_id: 'Código', name: 'Descripción', product_line: 'Familia' });
		expect(detect(['Código', 'Descripción', 'Familia', 'Precio'], rows, {}, 'products').columns.product_id).toBe('Código');
	});

	it('a Bolivian ERP report with abbreviations and a currency in the header is invoices with amounts', () => {
		const headers = ['Nro. Factura', 'Fecha Emisión', 'Cód. Cliente', 'Razón Social', 'Artículo', 'Cant.', 'Precio Unit.', 'Total Bs.'];
		const rows = Array.from({ length: 8 }, (_, i) => [`${1000 + (i >> 1)}`, '15/03/2026', `C-${i % 3}`, CLIENTS[i % 3]!, `ART-${i}`, '2', '50,00', '100,00']);
		const d = detect(headers, rows);
		expect(d.kind).toBe('invoices');
		expect(d.columns).toMatchObject({
			invoice_id: 'Nro. Factura', invoice_date: 'Fecha Emisión', client_id: 'Cód. Cliente', product_id: 'Artículo', quantity: 'Cant.', unit_price: 'Precio Unit.'
		});
		// The line's total, in bolivianos: the amount (net or gross, the ingest says which).
		expect([d.columns.amount, d.columns.gross_amount]).toContain('Total Bs.');
	});

	it('a CRM clients sheet with both Código and NIT keys its clients by the Código', () => {
		const rows = CLIENTS.map((c, i) => [`CL-${i}`, NIFS[i]!, c, 'Mayorista', 'La Paz']);
		const d = detect(['Código', 'NIT', 'Nombre', 'Tipo de cliente', 'Ciudad'], rows);
		expect(d.kind).toBe('clients');
		expect(d.columns).toMatchObject({ client_id: 'Código', name: 'Nombre' });
	});
});

/** The IngestError a call throws (fails the test when it throws none). */
function refusal(call: () => unknown): IngestError {
	try {
		call();
	} catch (e) {
		if (e instanceof IngestError) return e;
		throw e;
	}
	throw new Error('expected a refusal');
}

describe('evidence from values', () => {
	it('a client key that is already loaded beats a tax id that matches none', () => {
		const headers = ['Nº factura', 'Fecha', 'NIT', 'Cliente', 'Importe'];
		const rows = Array.from({ length: 6 }, (_, i) => [`F${i}`, '01/02/2026', NIFS[i % 5]!, `CL-${i % 3}`, '10,00']);
		const d = detect(headers, rows, { knownClients: new Set(['CL-0', 'CL-1', 'CL-2']) });
		expect(d.columns.client_id).toBe('Cliente');
	});

	it('a "register" whose keys repeat and whose rows carry a date and an amount is never clients', () => {
		const headers = ['Cliente', 'Tipo', 'Estado', 'Fecha', 'Monto'];
		const rows = Array.from({ length: 20 }, (_, i) => [CLIENTS[i % 4]!, 'Factura', 'Publicado', '02/03/2026', '1.500,00']);
		const error = refusal(() => detect(headers, rows));
		expect(error.code).toBe('unknown_kind');
		expect(error.params).toMatchObject({ ruled_out: [{ code: 'repeated_keys', column: 'Cliente', distinct: 4, rows: 20 }] });
	});

	it('a column named like a date that holds no dates rules the kind out', () => {
		const rows = Array.from({ length: 6 }, (_, i) => [`Q${i}`, 'A', 'pendiente', '100', 'Enviado']);
		expect(() => detect(['Nº presupuesto', 'Cliente', 'Fecha', 'Importe', 'Estado'], rows)).toThrow(IngestError);
	});

	it('two kinds too close to call are refused naming both, never loaded on a coin toss', () => {
		// Number, client, date, amount and a status that is both a quote's and an invoice's.
		const rows = Array.from({ length: 8 }, (_, i) => [`D-${i}`, `C${i % 3}`, '01/02/2026', '100,00', 'Pendiente']);
		const error = refusal(() => detect(['Número', 'Cliente', 'Fecha', 'Importe', 'Estado'], rows));
		expect(error.code).toBe('ambiguous_kind');
		expect((error.params as { candidates: { kind: string }[] }).candidates.map((c) => c.kind).sort()).toEqual(['invoices', 'quotes']);
		expect(sayError(error, 'en')).toMatch(/could be (invoices|quotes) \(\d+ %\) or (invoices|quotes) \(\d+ %\).*--kind/);
		expect(sayError(error, 'es')).toMatch(/podría ser .* o .*: demasiado parecidos/);
	});
});
