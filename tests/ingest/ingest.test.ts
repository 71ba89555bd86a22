// The ingest's contract on small hand-written exports: rejected rows named by line and column,
// the rest loaded; unknown kinds refused with the expected headers; errors change nothing;
// repeated keys, updates, credit notes and derived columns.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { IngestError } from '../../src/lib/server/ingest/errors';
import { readSource } from '../../src/lib/server/ingest/read-source';
import iconv from 'iconv-lite';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';
import { ingestSaid, refusal, said } from '../helpers/said';

const folder = tempFolder();
let db: Database;
let n = 0;

beforeEach(async () => {
	db?.close();
	db = await openTempDatabase(folder, `t${++n}.duckdb`);
});
afterAll(() => {
	db.close();
	folder.remove();
});

const HEADER = 'Nº factura;Línea;Fecha;Código cliente;Código producto;Cantidad;Importe;Tipo documento';
const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const total = async () => (await db.one<{ n: number; s: string | null }>(`SELECT count(*)::INTEGER AS n, sum(amount)::VARCHAR AS s FROM invoice_lines`))!;

describe('rejections', () => {
	it('reports the bad row by line and column and loads the others', async () => {
		const file = folder.write(
			'facturas.csv',
			csv(
				HEADER,
				'F-1;1;05/01/2025;C1;P1;2;1.234,50;Factura',
				'F-1;2;05/01/2025;C1;P2;1;"10,00";Factura', // quoted value
				'F-2;1;06/01/2025;C2;P1;1;12,3x;Factura', // line 4: not a number
				'F-3;1;31/02/2025;C2;P1;1;5,00;Factura', // line 5: 31 February does not exist
				'F-4;1;07/01/2025;C3;P1;1;;Factura' // line 6: no amount
			)
		);
		const report = await ingestSaid(db, [{ path: file, name: 'facturas.csv' }]);
		const f = report.files[0]!;
		expect(f).toMatchObject({ kind: 'invoices', rows_read: 5, loaded: 2, rejected: 3 });
		expect(f.rejections).toEqual([
			{ line: 4, column: 'Importe', value: '12,3x', reason: 'expected a number like 1.234,56', code: 'bad_number' },
			{ line: 5, column: 'Fecha', value: '31/02/2025', reason: 'expected a date as dd/mm/yyyy', code: 'bad_date' },
			{ line: 6, column: 'Importe', value: null, reason: 'no amount (nor quantity and unit price)', code: 'missing_amount' }
		]);
		// 1.234,50 + 10,00 = 1.244,50
		expect(await total()).toEqual({ n: 2, s: '1244.5000' });
	});

	it('counts lines as the file has them: quoted line breaks and blank lines', async () => {
		const file = folder.write(
			'clientes.csv',
			csv('Código cliente;Razón social;Fecha de alta', 'C1;"Ferretería\r\nEl Tornillo";01/02/2020', '', 'C2;Comercial Sur;2020-13-45', 'C3;Andes;03/04/2021')
		);
		const f = (await ingestSaid(db, [{ path: file, name: 'clientes.csv' }])).files[0]!;
		// The date of alta is optional: its unreadable value is emptied and warned about, by its line.
		expect(f.rejections).toEqual([]);
		expect(f.warnings).toContain(
			'1 row has a value in "Fecha de alta" that cannot be read (expected a date as dd/mm/yyyy): "2020-13-45" (line 5); the field was left empty and the row was loaded.'
		);
		expect((await db.one<{ name: string }>(`SELECT name FROM clients WHERE client_id = 'C1'`))!.name).toBe('Ferretería\r\nEl Tornillo');
	});

	it('keeps quotes with an unknown status, as written, and says so', async () => {
		const file = folder.write(
			'presupuestos.csv',
			csv('Nº presupuesto;Código cliente;Fecha presupuesto;Importe;Estado', 'PR-1;C1;01/03/2025;100,00;Aceptado', 'PR-2;C1;02/03/2025;50,00;Quizás', 'PR-3;C2;03/03/2025;70,00;draft')
		);
		const f = (await ingestSaid(db, [{ path: file }])).files[0]!;
		expect(f).toMatchObject({ loaded: 3, rejected: 0 });
		expect(f.warnings).toEqual([
			'1 quote has a status we do not know, kept as written: "Quizás" (1). They count in no status figure until a mapping says what they mean (--map, "values").'
		]);
		expect(await db.all(`SELECT quote_id, status, status_source FROM quotes ORDER BY 1`)).toEqual([
			{ quote_id: 'PR-1', status: 'accepted', status_source: 'Aceptado' },
			{ quote_id: 'PR-2', status: null, status_source: 'Quizás' },
			{ quote_id: 'PR-3', status: 'draft', status_source: 'draft' }
		]);
	});
});

describe('kinds', () => {
	it('refuses a file of unknown kind with the headers each kind expects', async () => {
		const file = folder.write('otra.csv', csv('Color;Peso', 'rojo;3'));
		const error = await ingestSaid(db, [{ path: file, name: 'otra.csv' }]).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(IngestError);
		const message = said(error);
		expect(message).toMatch(/^otra\.csv: cannot tell what this export holds/);
		// Each field by its name in the column mapping, never its identifier (issue 17).
		expect(message).toContain('invoices: "Invoice number", "Invoice date", "Client", "Amount" or "Quantity" + "Unit price" or "Total with tax"');
		expect(message).toContain('clients: "Client code", "Client name"');
	});

	it('leaves the database unchanged when any file of the call fails', async () => {
		const good = folder.write('good.csv', csv(HEADER, 'F-1;1;05/01/2025;C1;P1;2;100,00;Factura'));
		const bad = folder.write('bad.csv', csv('Color;Peso', 'rojo;3'));
		await expect(ingestSaid(db, [{ path: good }, { path: bad }])).rejects.toThrow(IngestError);
		expect(await total()).toEqual({ n: 0, s: null });
		expect((await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM upload_batches`))!.n).toBe(0);
	});

	it('refuses empty and binary files', async () => {
		expect(await refusal(ingestSaid(db, [{ path: folder.write('vacio.csv', ''), name: 'vacio.csv' }]))).toBe('vacio.csv: the file is empty.');
		const binary = folder.write('foto.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
		expect(await refusal(ingestSaid(db, [{ path: binary, name: 'foto.csv' }]))).toMatch(/not a text export/);
	});

	it('reads a Windows-1252 file whose first 256 kB happen to be plain ASCII', async () => {
		const lines = ['Código cliente;Razón social'.normalize('NFC')];
		for (let k = 0; k < 20_000; k++) lines.push(`C${k};Cliente numero ${k}`);
		lines.push('C-ES;Compañía Peñaranda');
		const path = folder.write('tardio.csv', Buffer.from(lines.join('\r\n') + '\r\n', 'latin1'));
		const f = (await ingestSaid(db, [{ path }])).files[0]!;
		expect(f).toMatchObject({ encoding: 'windows-1252', loaded: 20_001 });
		expect((await db.one<{ name: string }>(`SELECT name FROM clients WHERE client_id = 'C-ES'`))!.name).toBe('Compañía Peñaranda');
	});

	it('reads a Windows-1252 file as it is when it has none of the bytes where it differs from Latin-1, and a UTF-8 copy of one that has', async () => {
		const file = (name: string, rows: string[]) => folder.write(name, iconv.encode(['Código cliente;Razón social', ...rows].join('\r\n') + '\r\n', 'win1252'));
		const plain = file('latin.csv', ['L1;Compañía Peñaranda', 'L2;Nº 1ª Ñandú']);
		const marked = file('marcas.csv', ['M1;Ventas € “Norte” – Sur…', 'M2;Ñandú']);
		const sources = [await readSource(plain, 'latin.csv'), await readSource(marked, 'marcas.csv')];
		expect(sources.map((s) => [s.encoding, s.readAsLatin1, s.utf8Path === s.originalPath])).toEqual([
			['windows-1252', true, true],
			['windows-1252', false, false]
		]);
		for (const s of sources) s.cleanup();
		for (const path of [plain, marked]) expect((await ingestSaid(db, [{ path }])).files[0]).toMatchObject({ encoding: 'windows-1252', loaded: 2 });
		expect(await db.all(`SELECT client_id, name FROM clients WHERE client_id IN ('L1', 'L2', 'M1', 'M2') ORDER BY 1`)).toEqual([
			{ client_id: 'L1', name: 'Compañía Peñaranda' },
			{ client_id: 'L2', name: 'Nº 1ª Ñandú' },
			{ client_id: 'M1', name: 'Ventas € “Norte” – Sur…' },
			{ client_id: 'M2', name: 'Ñandú' }
		]);
	});

	it('reads English exports with a decimal point and month-first dates', async () => {
		const file = folder.write('invoices.csv', csv('Invoice Number,Invoice Date,Customer ID,Amount', 'INV-1,01/13/2025,17850.0,"1,234.56"', 'INV-2,02/01/2025,17850.0,0.5'));
		const f = (await ingestSaid(db, [{ path: file }])).files[0]!;
		expect(f.formats).toMatchObject({ amount: "decimal '.'", invoice_date: '%m/%d/%Y' });
		expect(await db.all(`SELECT invoice_id, invoice_date::VARCHAR AS d, client_id, amount::VARCHAR AS a FROM invoice_lines ORDER BY 1`)).toEqual([
			{ invoice_id: 'INV-1', d: '2025-01-13', client_id: '17850', a: '1234.5600' },
			{ invoice_id: 'INV-2', d: '2025-02-01', client_id: '17850', a: '0.5000' }
		]);
	});
});

describe('cells written with spaces around them', () => {
	it('reads padded dates and document types as the trimmed ones, deciding the date order from them', async () => {
		// The profile collects each column's distinct cells as written and trims those: the padded
		// and unpadded forms of one value must still decide one format and map to one meaning.
		const file = folder.write(
			'facturas.csv',
			csv(
				HEADER,
				// Month first, which only the padded 01/13/2025 tells; each type only padded.
				'F-1;1;01/13/2025 ;C1;P1;1;10,00; Factura',
				'F-2;1; 02/05/2025;C1;P1;1;20,00;Factura ',
				'F-3;1;\u00a003/05/2025;C1;P1;1;30,00;Nota de crédito\u00a0',
				'F-4;1;03/05/2025 ;C1;P1;1;40,00;\u00a0Nota de crédito',
				'F-5;1;03/06/2025;C1;P1;1;50,00;   '
			)
		);
		const f = (await ingestSaid(db, [{ path: file }])).files[0]!;
		expect(f).toMatchObject({ rows_read: 5, loaded: 5, rejected: 0 });
		expect(f.formats).toMatchObject({ invoice_date: '%m/%d/%Y' });
		expect(await db.all(`SELECT invoice_id, invoice_date::VARCHAR AS d, amount::VARCHAR AS a, doc_type FROM invoice_lines ORDER BY 1`)).toEqual([
			{ invoice_id: 'F-1', d: '2025-01-13', a: '10.0000', doc_type: 'invoice' },
			{ invoice_id: 'F-2', d: '2025-02-05', a: '20.0000', doc_type: 'invoice' },
			{ invoice_id: 'F-3', d: '2025-03-05', a: '-30.0000', doc_type: 'credit_note' },
			{ invoice_id: 'F-4', d: '2025-03-05', a: '-40.0000', doc_type: 'credit_note' },
			{ invoice_id: 'F-5', d: '2025-03-06', a: '50.0000', doc_type: null } // a blank type: none, as an empty cell
		]);
	});
});

describe('keys and derived values', () => {
	it('numbers lines within an invoice, computes amount from quantity × price, stores credit notes negative', async () => {
		const file = folder.write(
			'lineas.csv',
			csv('Factura;Fecha;Cliente;Cantidad;Precio unitario;Tipo documento', 'F-9;10/03/2025;C1;3;2,50;Factura', 'F-9;10/03/2025;C1;1;4,25;Factura', 'NC-1;12/03/2025;C1;1;2,50;Nota de crédito')
		);
		await ingestSaid(db, [{ path: file }]);
		expect(await db.all(`SELECT invoice_id, line_no, quantity::VARCHAR AS q, amount::VARCHAR AS a, doc_type FROM invoice_lines ORDER BY 1, 2`)).toEqual([
			{ invoice_id: 'F-9', line_no: 1, q: '3.0000', a: '7.5000', doc_type: 'invoice' }, // 3 × 2,50
			{ invoice_id: 'F-9', line_no: 2, q: '1.0000', a: '4.2500', doc_type: 'invoice' }, // 1 × 4,25
			{ invoice_id: 'NC-1', line_no: 1, q: '-1.0000', a: '-2.5000', doc_type: 'credit_note' } // credit note: negative
		]);
	});

	it('keeps the last of repeated keys, updates changed rows and keeps columns the file lacks', async () => {
		const full = folder.write('c1.csv', csv('Código cliente;Razón social;Sector;Región', 'C1;Alfa;Minería;La Paz', 'C2;Beta;Salud;Oruro'));
		await ingestSaid(db, [{ path: full }]);
		const partial = folder.write('c2.csv', csv('Código cliente;Razón social', 'C1;Alfa SRL', 'C1;Alfa S.R.L.', 'C2;Beta'));
		const f = (await ingestSaid(db, [{ path: partial }])).files[0]!;
		expect(f).toMatchObject({ rows_read: 3, loaded: 2, duplicates: 1, inserted: 0, updated: 1, unchanged: 1 });
		expect(f.warnings[0]).toMatch(/1 row repeats the key/);
		expect(await db.all(`SELECT client_id, name, sector, region, batch_id FROM clients ORDER BY 1`)).toEqual([
			{ client_id: 'C1', name: 'Alfa S.R.L.', sector: 'Minería', region: 'La Paz', batch_id: 2 },
			{ client_id: 'C2', name: 'Beta', sector: 'Salud', region: 'Oruro', batch_id: 1 }
		]);
	});

	it('warns about invoice lines whose client is not in the clients table, and keeps them', async () => {
		await ingestSaid(db, [{ path: folder.write('cl.csv', csv('Código cliente;Razón social', 'C1;Alfa')) }]);
		const file = folder.write('fx.csv', csv(HEADER, 'F-1;1;05/01/2025;C1;P1;1;10,00;Factura', 'F-2;1;05/01/2025;C9;P1;1;20,00;Factura', 'F-3;1;05/01/2025;;P1;1;5,00;Factura'));
		const f = (await ingestSaid(db, [{ path: file }])).files[0]!;
		expect(f.loaded).toBe(3);
		expect(f.warnings).toEqual([
			'1 line refers to 1 client code that is not in the clients table (C9); it counts in revenue as clients without attributes.',
			'1 line has no client; it counts in revenue under "no client".'
		]);
		expect(await total()).toEqual({ n: 3, s: '35.0000' });
	});

	it('derives the opportunity outcome from the stage when there is no outcome column', async () => {
		const file = folder.write('deals.csv', csv('opportunity_id,deal_stage,engage_date,close_value', 'A1,Won,2024-01-02,1200', 'A2,Lost,2024-01-03,0', 'A3,Engaging,2024-01-04,', 'A4,Prospecting,,'));
		const f = (await ingestSaid(db, [{ path: file }])).files[0]!;
		expect(f.rejections).toEqual([{ line: 5, column: 'engage_date', value: null, reason: 'required value is empty', code: 'missing' }]);
		expect(await db.all(`SELECT opportunity_id, outcome, kind FROM opportunities ORDER BY 1`)).toEqual([
			{ opportunity_id: 'A1', outcome: 'won', kind: 'opportunity' },
			{ opportunity_id: 'A2', outcome: 'lost', kind: 'opportunity' },
			{ opportunity_id: 'A3', outcome: 'open', kind: 'opportunity' }
		]);
	});
});

describe('a mapping for headers the detection does not know', () => {
	it('loads a file of a given kind whose columns only the mapping names; a missing required column is named', async () => {
		// Real ERP exports use codes like these (Neptuno's DW: KeyCliente…): no synonym matches them.
		const file = folder.write('dw.csv', csv('KeyFactura;KeyCliente;Dia;Monto', 'A-1;C1;05/01/2025;100,50', 'A-2;C2;06/01/2025;20,00'));
		const map = { columns: { invoice_id: 'KeyFactura', client_id: 'KeyCliente', invoice_date: 'Dia', amount: 'Monto' } };
		expect(await refusal(ingestSaid(db, [{ path: file, name: 'dw.csv' }]))).toMatch(/cannot tell what this export holds/);
		const report = await ingestSaid(db, [{ path: file, name: 'dw.csv' }], { kind: 'invoices', map });
		expect(report.files[0]).toMatchObject({ kind: 'invoices', loaded: 2, rejected: 0, mapping_source: 'given' });
		expect(await total()).toEqual({ n: 2, s: '120.5000' });
		// Without the amount, the mapping leaves a required column empty: named, nothing loaded.
		const other = folder.write('dw2.csv', csv('KeyFactura;KeyCliente;Dia', 'B-1;C1;05/01/2025'));
		expect(
			await refusal(
				ingestSaid(db, [{ path: other, name: 'dw2.csv' }], { kind: 'invoices', map: { columns: { invoice_id: 'KeyFactura', client_id: 'KeyCliente', invoice_date: 'Dia' } } })
			)
		).toMatch(/no column for amount/);
		expect(await total()).toEqual({ n: 2, s: '120.5000' });
	});
});
