// Amounts are net of tax (DESIGN.md §2, issue 12 item 3): with net and gross columns the net one;
// with gross and tax only, gross − tax; with a gross total only, the total, and the report says
// plainly that it includes tax. Credit notes are known by their type, else by their number, else
// by a negative total. Every expected value is worked out by hand in the comments.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { ingestFiles, type CodedFileReport } from '../../src/lib/server/ingest/ingest';
import type { SegmentationDocument } from '../../src/lib/server/metrics/documents';
import { computeMetric } from '../../src/lib/server/metrics/index';
import { ingestSaid } from '../helpers/said';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;
let n = 0;

beforeEach(async () => {
	db?.close();
	db = await openTempDatabase(folder, `tax${++n}.duckdb`);
});
afterAll(() => {
	db.close();
	folder.remove();
});

const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const load = async (name: string, content: string): Promise<CodedFileReport> =>
	(await ingestFiles(db, [{ path: folder.write(name, content), name }])).files[0]!;
const lines = () =>
	db.all<{ invoice_id: string; amount: string; tax: string | null; doc_type: string | null; doc_status: string }>(
		`SELECT invoice_id, amount::VARCHAR AS amount, tax::VARCHAR AS tax, doc_type, doc_status FROM invoice_lines ORDER BY invoice_id, line_no`
	);
const revenue = async (from: string, to: string) =>
	((await computeMetric(db, 'segmentation', { from, to, dim: 'client_type' })) as SegmentationDocument).total_revenue;

// The Odoo invoice list of the issue: Total (gross), Impuestos (tax) and Base imponible (net).
const ODOO = csv(
	'Número;Cliente;NIF Cliente;Fecha de factura;Estado;Total;Impuestos;Base imponible;Tipo',
	'INV/2025/0001;C1;B11111111;05/01/2025;Publicado;121,00;21,00;100,00;Factura de cliente',
	'INV/2025/0002;C2;B22222222;10/01/2025;Publicado;605,00;105,00;500,00;Factura de cliente',
	'INV/2025/0003;C1;B11111111;15/01/2025;Borrador;242,00;42,00;200,00;Factura de cliente',
	'INV/2025/0004;C2;B22222222;20/01/2025;Cancelado;60,50;10,50;50,00;Factura de cliente',
	'RINV/2025/0001;C1;B11111111;25/01/2025;Publicado;36,30;6,30;30,00;Factura rectificativa'
);

describe('net and gross columns: the net one', () => {
	it('reads Base imponible as the amount, Impuestos as the tax, Total only as a column it does not need', async () => {
		const f = await load('odoo.csv', ODOO);
		expect(f.kind).toBe('invoices');
		expect(f.loaded).toBe(5);
		expect(f.rejected).toBe(0);
		expect(f.mapping).toMatchObject({ amount: 'Base imponible', gross_amount: 'Total', tax: 'Impuestos', doc_status: 'Estado', doc_type: 'Tipo' });
		expect(f.warnings.map((w) => w.code)).not.toContain('amounts_include_tax');
		expect(await lines()).toEqual([
			{ invoice_id: 'INV/2025/0001', amount: '100.0000', tax: '21.0000', doc_type: 'invoice', doc_status: 'posted' },
			{ invoice_id: 'INV/2025/0002', amount: '500.0000', tax: '105.0000', doc_type: 'invoice', doc_status: 'posted' },
			{ invoice_id: 'INV/2025/0003', amount: '200.0000', tax: '42.0000', doc_type: 'invoice', doc_status: 'draft' },
			{ invoice_id: 'INV/2025/0004', amount: '50.0000', tax: '10.5000', doc_type: 'invoice', doc_status: 'cancelled' },
			// Factura rectificativa: a credit note, stored negative (amount and tax) whatever sign the export wrote.
			{ invoice_id: 'RINV/2025/0001', amount: '-30.0000', tax: '-6.3000', doc_type: 'credit_note', doc_status: 'posted' }
		]);
		// Revenue, posted only: 100 + 500 − 30 = 570 (not 121 + 605 − 36,30 = 689,70 with tax; the draft 200 and the cancelled 50 left out).
		expect(await revenue('2025-01', '2025-01')).toBe(570);
	});

	it('without a tax column, the tax is what the gross total holds above the net amount', async () => {
		await load(
			'neto-total.csv',
			csv(
				'Nº factura;Fecha;Código cliente;Importe neto;Total con IVA',
				// 1.210,00 − 1.000,00 = 210,00 of tax; 12,10 − 10,00 = 2,10
				'F-1;03/02/2025;C1;1.000,00;1.210,00',
				'F-2;04/02/2025;C1;10,00;12,10'
			)
		);
		expect((await lines()).map((l) => [l.invoice_id, l.amount, l.tax])).toEqual([
			['F-1', '1000.0000', '210.0000'],
			['F-2', '10.0000', '2.1000']
		]);
		// 1.000 + 10 = 1.010
		expect(await revenue('2025-02', '2025-02')).toBe(1010);
	});
});

describe('gross and tax only: gross − tax', () => {
	it('reads a Xero invoice export (Total, TaxTotal) net of tax, to the cent', async () => {
		const f = await load(
			'xero.csv',
			csv(
				'InvoiceNumber,ContactName,InvoiceDate,Total,TaxTotal,Status',
				'INV-0001,Acme,2025-02-03,1150.00,150.00,AUTHORISED', // 1150 − 150 = 1000
				'INV-0002,Acme,2025-02-10,57.55,7.51,PAID', // 57,55 − 7,51 = 50,04
				'INV-0003,Beta,2025-02-12,230.00,,PAID', // no tax written: 230
				'INV-0004,Beta,2025-02-15,115.00,15.00,DRAFT', // 100, a draft
				'INV-0005,Beta,2025-02-17,11.50,1.50,SUBMITTED', // 10, awaiting approval: a draft
				'INV-0006,Beta,2025-02-20,345.00,45.00,VOIDED', // 300, cancelled
				'CN-0001,Acme,2025-02-25,-23.00,-3.00,PAID' // −23 − (−3) = −20: a negative document, a credit note
			)
		);
		expect(f.kind).toBe('invoices');
		expect(f.mapping).toMatchObject({ gross_amount: 'Total', tax: 'TaxTotal', doc_status: 'Status' });
		expect(f.mapping).not.toHaveProperty('amount');
		expect(f.warnings.map((w) => w.code)).not.toContain('amounts_include_tax');
		expect(f.warnings).toContainEqual({ code: 'not_posted', params: { draft_lines: 2, draft_documents: 2, cancelled_lines: 1, cancelled_documents: 1 } });
		expect((await lines()).map((l) => [l.invoice_id, l.amount, l.tax, l.doc_type, l.doc_status])).toEqual([
			['CN-0001', '-20.0000', '-3.0000', 'credit_note', 'posted'],
			['INV-0001', '1000.0000', '150.0000', null, 'posted'],
			['INV-0002', '50.0400', '7.5100', null, 'posted'],
			['INV-0003', '230.0000', null, null, 'posted'],
			['INV-0004', '100.0000', '15.0000', null, 'draft'],
			['INV-0005', '10.0000', '1.5000', null, 'draft'],
			['INV-0006', '300.0000', '45.0000', null, 'cancelled']
		]);
		// Posted: 1000 + 50,04 + 230 − 20 = 1260,04
		expect(await revenue('2025-02', '2025-02')).toBe(1260.04);
	});
});

describe('a gross total only: loaded, and said to include tax', () => {
	it("reads SAP Business One's DocTotal with CANCELED Y/N/C, and warns in plain words", async () => {
		const name = 'sap.csv';
		const report = await ingestSaid(
			db,
			[
				{
					path: folder.write(
						name,
						csv(
							'DocNum;CardCode;DocDate;DocTotal;CANCELED',
							'1001;C1;03/03/2025;1.190,00;N', // posted: 1.190,00
							'1002;C1;04/03/2025;595,00;Y', // cancelled
							'1003;C2;05/03/2025;595,00;C', // the cancellation document of 1002: cancelled too (they would net to 0)
							'1004;C2;06/03/2025;238,00;N' // posted: 238,00
						)
					),
					name
				}
			],
			{},
			'es'
		);
		const f = report.files[0]!;
		expect(f.kind).toBe('invoices');
		expect(f.mapping).toMatchObject({ gross_amount: 'DocTotal', cancelled_flag: 'CANCELED' });
		expect(f.warnings).toContain(
			'Los importes se leyeron de "DocTotal", un total con impuestos incluidos: el archivo no tiene importe neto (antes de impuestos) ni columna de impuestos. ' +
				'Los ingresos de este archivo incluyen impuestos; exporta el importe neto (base imponible, subtotal) para tenerlos sin ellos.'
		);
		expect(f.warnings).toContain('2 documentos anulados (2 líneas) se guardaron; no cuentan en ninguna cifra salvo que un archivo posterior los contabilice.');
		expect((await lines()).map((l) => [l.invoice_id, l.amount, l.tax, l.doc_status])).toEqual([
			['1001', '1190.0000', null, 'posted'],
			['1002', '595.0000', null, 'cancelled'],
			['1003', '595.0000', null, 'cancelled'],
			['1004', '238.0000', null, 'posted']
		]);
		// 1.190 + 238 = 1.428 (with tax, as the warning says)
		expect(await revenue('2025-03', '2025-03')).toBe(1428);
	});

	it('says the same in English', async () => {
		const name = 'total.csv';
		const report = await ingestSaid(db, [{ path: folder.write(name, csv('Nº factura;Fecha;Código cliente;Importe total', 'F-1;03/03/2025;C1;121,00')), name }]);
		expect(report.files[0]!.warnings).toContain(
			'The amounts were read from "Importe total", a total that includes tax: the file has no net amount (before tax) nor a tax column. ' +
				'Revenue from this file includes tax; export the net amount (subtotal, base imponible) to have it without.'
		);
	});

	it('prefers a net amount over quantity × price and over the total; with quantity × price and no net, the total still gives the amount', async () => {
		await load(
			'tres.csv',
			csv('Nº factura;Fecha;Código cliente;Cantidad;Precio unitario;Subtotal;Total', 'F-1;03/03/2025;C1;2;60,00;100,00;121,00')
		);
		// Subtotal (net) wins: 100, not 2 × 60 = 120 nor 121.
		expect((await lines()).map((l) => l.amount)).toEqual(['100.0000']);
		const f = await load('sin-neto.csv', csv('Nº factura;Fecha;Código cliente;Cantidad;Precio unitario;Total', 'F-2;04/03/2025;C1;2;60,00;145,20'));
		// No net column: the total the file states, 145,20 (2 × 60 = 120 plus 21 % tax), said to include tax.
		expect((await lines()).map((l) => l.amount)).toEqual(['100.0000', '145.2000']);
		expect(f.warnings).toContainEqual({ code: 'amounts_include_tax', params: { column: 'Total' } });
	});
});

describe('credit notes', () => {
	it('by the number when the export has no type column: RINV/, NC-, NC0…, R-, ABN-; others keep their sign', async () => {
		const f = await load(
			'prefijos.csv',
			csv(
				'Nº factura;Fecha;Código cliente;Importe',
				'F-001;01/04/2025;C1;100,00', // an invoice: +100
				'NC-001;02/04/2025;C1;40,00', // nota de crédito: −40
				'NC002;03/04/2025;C1;-10,00', // already negative: −10
				'R-2025-01;04/04/2025;C2;5,00', // rectificativa series: −5
				'ABN-7;05/04/2025;C2;2,50', // abono: −2,50
				'RINV/2025/0003;06/04/2025;C2;1,00', // Odoo refund: −1
				'NCR-1;07/04/2025;C2;3,00', // NC followed by a letter: not a credit note, +3
				'RX-9;08/04/2025;C2;7,00' // R followed by a letter: +7
			)
		);
		expect(f.rejected).toBe(0);
		expect((await lines()).map((l) => [l.invoice_id, l.amount, l.doc_type])).toEqual([
			['ABN-7', '-2.5000', 'credit_note'],
			['F-001', '100.0000', null],
			['NC-001', '-40.0000', 'credit_note'],
			['NC002', '-10.0000', 'credit_note'],
			['NCR-1', '3.0000', null],
			['R-2025-01', '-5.0000', 'credit_note'],
			['RINV/2025/0003', '-1.0000', 'credit_note'],
			['RX-9', '7.0000', null]
		]);
		// 100 − 40 − 10 − 5 − 2,50 − 1 + 3 + 7 = 51,50
		expect(await revenue('2025-04', '2025-04')).toBe(51.5);
	});

	it('by a negative document total when nothing else says: a discount line inside an invoice is no credit note', async () => {
		await load(
			'negativos.csv',
			csv(
				'Nº factura;Línea;Fecha;Código cliente;Importe',
				'D-1;1;01/05/2025;C1;-50,00', // D-1 sums −50 − 25 = −75 < 0: a credit note, both lines
				'D-1;2;01/05/2025;C1;-25,00',
				'D-2;1;02/05/2025;C1;100,00', // D-2 sums 100 − 10 = 90 > 0: an invoice with a discount line
				'D-2;2;02/05/2025;C1;-10,00'
			)
		);
		expect((await lines()).map((l) => [l.invoice_id, l.amount, l.doc_type])).toEqual([
			['D-1', '-50.0000', 'credit_note'],
			['D-1', '-25.0000', 'credit_note'],
			['D-2', '100.0000', null],
			['D-2', '-10.0000', null]
		]);
		// −75 + 90 = 15
		expect(await revenue('2025-05', '2025-05')).toBe(15);
	});

	it('by the type when the export has one: the number then says nothing, and the sign is the type’s', async () => {
		await load(
			'tipos.csv',
			csv(
				'Nº factura;Fecha;Código cliente;Importe;Tipo documento',
				'NC-9;01/06/2025;C1;20,00;Factura', // an invoice whatever its number: +20
				'A-1;02/06/2025;C1;8,00;Nota de crédito', // a credit note written positive: −8
				'A-2;03/06/2025;C1;-4,00;Factura' // an invoice written negative keeps its sign, and its type
			)
		);
		expect((await lines()).map((l) => [l.invoice_id, l.amount, l.doc_type])).toEqual([
			['A-1', '-8.0000', 'credit_note'],
			['A-2', '-4.0000', 'invoice'],
			['NC-9', '20.0000', 'invoice']
		]);
		// 20 − 8 − 4 = 8
		expect(await revenue('2025-06', '2025-06')).toBe(8);
	});
});
