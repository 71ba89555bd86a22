// What surrounds the data in report-style exports — title blocks, blank and delimiter-only lines,
// subtotal and total footers — is skipped and reported with its lines, never rejected nor loaded;
// a row with a real key stays data whatever its text says. Dates an ERP writes ISO in a day-first
// column, or as SAP's yyyymmdd, are read; an unreadable optional value is emptied with a warning,
// an unreadable required one still rejects its row. Real DuckDB files, the real CLI.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { decideDateFormat } from '../../src/lib/server/ingest/formats';
import { prepareIngestSql } from '../../src/lib/server/ingest/sql-setup';
import { runCli } from '../helpers/run-cli';
import { ingestSaid } from '../helpers/said';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

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

const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const revenue = async () =>
	(await db.one<{ n: number; s: string | null }>(`SELECT count(*)::INTEGER AS n, sum(amount)::VARCHAR AS s FROM invoice_lines`))!;

/** A Spanish ERP sales report: a title block, a delimiter-only line above the header and another among the rows, a subtotal and a grand total. */
const ERP_REPORT = csv(
	'INFORME DE VENTAS POR FACTURA;;;;;;', // 1
	'Empresa: Comercial Andina S.R.L.;;;;;;', // 2
	'Periodo: 01/03/2026 - 31/03/2026;;;;;;', // 3
	';;;;;;', // 4
	'Nº factura;Fecha;Código cliente;Código producto;Cantidad;Importe;Descripción', // 5
	'F-1;05/03/2026;C1;P1;2;1.000,50;Tornillos', // 6
	'F-2;06/03/2026;C1;P2;1;200,00;Tuercas', // 7
	';;;;;;', // 8
	'F-3;07/03/2026;C2;P1;3;300,25;Arandelas', // 9
	'Subtotal;;;;6;1.500,75;', // 10: the three rows above
	'F-4;08/03/2026;C3;P1;1;99,25;Total del pedido', // 11: a real invoice whose text says "Total"
	'   ;  ;;;;;', // 12: only spaces
	'TOTAL GENERAL;;;;7;1.600,00;' // 13
);

describe('what surrounds the data', () => {
	it('skips a Spanish ERP report’s title, blank lines, subtotal and total, and loads every invoice to the cent', async () => {
		const file = folder.write('informe.csv', ERP_REPORT);
		const f = (await ingestSaid(db, [{ path: file, name: 'informe.csv' }], { kind: 'invoices' }, 'es')).files[0]!;
		expect(f).toMatchObject({ kind: 'invoices', rows_read: 4, loaded: 4, rejected: 0, rejections: [] });
		expect(f.skipped).toEqual([
			{ reason: 'title', rows: 3, lines: [1, 2, 3] },
			{ reason: 'blank', rows: 3, lines: [4, 8, 12] },
			{ reason: 'subtotal', rows: 1, lines: [10] },
			{ reason: 'total', rows: 1, lines: [13] }
		]);
		expect(f.warnings).toEqual(
			expect.arrayContaining([
				'Se omitieron 3 líneas de título sobre los encabezados (líneas 1, 2 y 3).',
				'Se omitieron 3 líneas vacías o solo con separadores (líneas 4, 8 y 12).',
				'Se omitió 1 fila de subtotal, que no es un dato (línea 10).',
				'Se omitió 1 fila de total, que no es un dato (línea 13).'
			])
		);
		// 1.000,50 + 200,00 + 300,25 + 99,25 = 1.600,00, the report's own grand total
		expect(await revenue()).toEqual({ n: 4, s: '1600.0000' });
		expect(f.amount_total).toBe(1600);
		expect((await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM upload_rejections`))!.n).toBe(0);
	});

	it('skips a QuickBooks-style English report’s TOTAL row', async () => {
		const file = folder.write(
			'sales.csv',
			[
				'Sales by Customer Detail', // 1
				'Acme Corp', // 2
				'"January 1 - March 31, 2026"', // 3
				'', // 4: empty, nothing to report
				'Invoice No,Date,Customer,Product,Qty,Amount', // 5
				'1001,03/05/2026,Alpha LLC,Widget,2,"1,000.50"',
				'1002,03/06/2026,Beta Inc,Gadget,1,250.00',
				'1003,03/14/2026,Alpha LLC,Widget,1,49.50',
				'TOTAL,,,,4,"1,300.00"' // 9
			].join('\n') + '\n'
		);
		const f = (await ingestSaid(db, [{ path: file, name: 'sales.csv' }], { kind: 'invoices' })).files[0]!;
		expect(f).toMatchObject({ rows_read: 3, loaded: 3, rejected: 0 });
		expect(f.skipped).toEqual([
			{ reason: 'title', rows: 3, lines: [1, 2, 3] },
			{ reason: 'total', rows: 1, lines: [9] }
		]);
		expect(f.warnings).toContain('1 total row was skipped, not loaded as data (line 9).');
		expect(await revenue()).toEqual({ n: 3, s: '1300.0000' });
	});

	it('skips an unlabelled footer whose amount is the sum of the rows above, and rejects a keyless row that is not one', async () => {
		const file = folder.write(
			'sin-etiqueta.csv',
			csv(
				'Nº factura;Fecha;Código cliente;Importe',
				'F-1;05/03/2026;C1;100,00',
				'F-2;06/03/2026;C2;50,50',
				';;C9;12,00', // line 4: no number nor date, and 12,00 is no sum: a broken row, rejected as before
				';;;150,50' // line 5: 100,00 + 50,50
			)
		);
		const f = (await ingestSaid(db, [{ path: file, name: 'sin-etiqueta.csv' }], { kind: 'invoices' })).files[0]!;
		expect(f).toMatchObject({ rows_read: 3, loaded: 2, rejected: 1 });
		expect(f.rejections.map((r) => [r.line, r.code])).toEqual([
			[4, 'missing'],
			[4, 'missing']
		]);
		expect(f.skipped).toEqual([{ reason: 'total', rows: 1, lines: [5] }]);
		expect(await revenue()).toEqual({ n: 2, s: '150.5000' });
	});

	it('skips the totals of a report grouped by client ("Total cliente X", "Totales") and its grand total', async () => {
		const file = folder.write(
			'por-cliente.csv',
			csv(
				'Nº factura;Fecha;Cliente;Importe', // 1
				'F-1;05/03/2026;C1;100,00',
				'F-2;06/03/2026;C1;20,00',
				';;Total cliente C1;120,00', // 4: no number, no date, a total word
				'F-3;07/03/2026;C2;30,00',
				'Totales C2;;;30,00', // 6
				'F-4;08/03/2026;C3;5,25',
				';;;5,25', // 8: no word, but the sum of its group
				'Grand Total;;;155,25' // 9
			)
		);
		const f = (await ingestSaid(db, [{ path: file, name: 'por-cliente.csv' }], { kind: 'invoices' })).files[0]!;
		expect(f).toMatchObject({ rows_read: 4, loaded: 4, rejected: 0 });
		expect(f.skipped).toEqual([
			{ reason: 'subtotal', rows: 3, lines: [4, 6, 8] },
			{ reason: 'total', rows: 1, lines: [9] }
		]);
		expect(await revenue()).toEqual({ n: 4, s: '155.2500' });
	});

	it('skips the notes a CRM report writes below its data, and keeps a one-cell data row above them', async () => {
		const file = folder.write(
			'accounts.csv',
			[
				'"Account Name","Type","Industry","Account ID"',
				'"Edge Communications","Prospect","Construction","001A"',
				'"Pyramid Construction Inc.","Customer","Education","001B"',
				'"Dickenson plc"', // line 4: a client with nothing but its name, above the data's end: data
				'"Grand Hotels","Customer","Hospitality","001C"',
				'',
				'"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."', // 7
				'"Confidential Information - Do Not Distribute"', // 8
				'"Generated By:  Laura Méndez  4/2/2025 10:14 AM"' // 9
			].join('\r\n') + '\r\n'
		);
		const f = (await ingestSaid(db, [{ path: file, name: 'accounts.csv' }], { kind: 'clients' })).files[0]!;
		expect(f).toMatchObject({ rows_read: 4, rejected: 1, skipped: [{ reason: 'note', rows: 3, lines: [7, 8, 9] }] });
		expect(f.rejections.map((r) => r.line)).toEqual([4]); // no Account ID: rejected as before, not skipped
		expect(f.warnings).toContain('3 notes below the data (the report\'s footer) were skipped (lines 7, 8 and 9).');
	});

	it('never skips a row with a real key: a client called "Total" in a register loads', async () => {
		const file = folder.write('clientes.csv', csv('Código cliente;Razón social', 'C1;Total Energies S.A.', 'C2;Totales y Cía'));
		const f = (await ingestSaid(db, [{ path: file, name: 'clientes.csv' }], { kind: 'clients' })).files[0]!;
		expect(f).toMatchObject({ rows_read: 2, loaded: 2, rejected: 0, skipped: [] });
	});

	it('says what was skipped on the command line', async () => {
		const file = folder.write('informe-cli.csv', ERP_REPORT);
		const r = await runCli('ingest', [file, '--kind', 'invoices', '--db', folder.path('cli.duckdb')], { CARTERA_LANG: 'en' });
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('4 rows read, 4 loaded');
		expect(r.stdout).toContain('3 title lines above the header were skipped (lines 1, 2 and 3).');
		expect(r.stdout).toContain('1 subtotal row was skipped, not loaded as data (line 10).');
		expect(r.stdout).toContain('1 total row was skipped, not loaded as data (line 13).');
	});
});

describe('dates as ERPs write them', () => {
	it('reads ISO dates among day-first ones', async () => {
		const file = folder.write(
			'mixtas.csv',
			csv(
				'Nº factura;Fecha;Código cliente;Importe',
				'F-1;05/03/2026;C1;10,00',
				'F-2;13/03/2026;C1;10,00',
				'F-3;2026-03-20;C1;10,00',
				'F-4;2026-03-21 10:22:00;C1;10,00',
				'F-5;2026-03-22T10:22:00Z;C1;10,00',
				'F-6;23/03/2026 08:15;C1;10,00'
			)
		);
		const f = (await ingestSaid(db, [{ path: file, name: 'mixtas.csv' }], { kind: 'invoices' })).files[0]!;
		expect(f).toMatchObject({ loaded: 6, rejected: 0, formats: { invoice_date: '%d/%m/%Y' } });
		const dates = await db.all<{ id: string; d: string }>(`SELECT invoice_id AS id, invoice_date::VARCHAR AS d FROM invoice_lines ORDER BY 1`);
		expect(dates.map((r) => r.d)).toEqual(['2026-03-05', '2026-03-13', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23']);
	});

	it('reads SAP’s yyyymmdd dates', async () => {
		const file = folder.write(
			'sap.csv',
			csv('DocNum;DocDate;CardCode;ItemCode;Quantity;LineTotal', '5001;20260305;C1;I1;2;100.50', '5002;20260306;C2;I2;1;20.00', '5003;20251231;C2;I1;1;1.25')
		);
		const f = (await ingestSaid(db, [{ path: file, name: 'sap.csv' }], { kind: 'invoices' })).files[0]!;
		expect(f).toMatchObject({ loaded: 3, rejected: 0, formats: { invoice_date: '%Y%m%d' }, date_range: { from: '2025-12-31', to: '2026-03-06' } });
		expect(await revenue()).toEqual({ n: 3, s: '121.7500' });
	});

	it('takes 8-digit numbers for yyyymmdd dates only when all of them are plausible dates', async () => {
		await prepareIngestSql(db);
		const format = async (values: string[]) => {
			await db.run(`CREATE OR REPLACE TEMP TABLE lk AS SELECT unnest($1::JSON::VARCHAR[]) AS raw`, [JSON.stringify(values)]);
			return (await decideDateFormat(db, 'lk', false)).format;
		};
		expect(await format(['20260305', '19991231'])).toBe('%Y%m%d');
		expect(await format(['20260305', '12345678'])).toBeNull(); // a code, not a date
		expect(await format(['20260305', '19850101'])).toBeNull(); // 1985: before any plausible export
		expect(await format(['20260305', '21500101'])).toBeNull();
	});
});

describe('unreadable values', () => {
	it('empties an unreadable optional field with a warning and loads the row', async () => {
		const file = folder.write(
			'oportunidades.csv',
			csv(
				'ID oportunidad;Código cliente;Etapa;Fecha de creación;Fecha estimada de cierre;Importe;Probabilidad;Resultado',
				'O-1;C1;Propuesta;05/03/2026;30/04/2026;1.000,00;50 %;Abierta',
				'O-2;C1;Propuesta;06/03/2026;pendiente;2.000,00;n/a;Abierta', // line 3
				'O-3;C2;Cierre;07/03/2026;pendiente;n/a;80 %;Abierta', // line 4
				'O-4;C2;Cierre;08/03/2026;a definir;500,00;90 %;Abierta' // line 5
			)
		);
		const f = (await ingestSaid(db, [{ path: file, name: 'oportunidades.csv' }], { kind: 'opportunities' })).files[0]!;
		expect(f).toMatchObject({ rows_read: 4, loaded: 4, rejected: 0 });
		expect(f.warnings).toEqual(
			expect.arrayContaining([
				'3 rows have a value in "Fecha estimada de cierre" that cannot be read (expected a date as dd/mm/yyyy): ' +
					'"pendiente" (line 3), "pendiente" (line 4), "a definir" (line 5); the field was left empty and the rows were loaded.',
				'1 row has a value in "Importe" that cannot be read (expected a number like 1.234,56): "n/a" (line 4); the field was left empty and the row was loaded.',
				'1 row has a value in "Probabilidad" that cannot be read (expected a number like 1.234,56): "n/a" (line 3); the field was left empty and the row was loaded.'
			])
		);
		const rows = await db.all<{ id: string; close: string | null; amount: string | null; p: number | null }>(
			`SELECT opportunity_id AS id, expected_close_at::VARCHAR AS close, amount::VARCHAR AS amount, probability AS p FROM opportunities ORDER BY 1`
		);
		expect(rows).toEqual([
			{ id: 'O-1', close: '2026-04-30', amount: '1000.0000', p: 0.5 },
			{ id: 'O-2', close: null, amount: '2000.0000', p: null },
			{ id: 'O-3', close: null, amount: null, p: 0.8 },
			{ id: 'O-4', close: null, amount: '500.0000', p: 0.9 }
		]);
	});

	it('says it in Spanish with the right number: "1 fila", "2 filas"', async () => {
		const file = folder.write(
			'clientes-alta.csv',
			csv('Código cliente;Razón social;Fecha de alta', 'C1;Andes;01/02/2020', 'C2;Sur;pendiente', 'C3;Norte;s/f')
		);
		const f = (await ingestSaid(db, [{ path: file, name: 'clientes-alta.csv' }], { kind: 'clients' }, 'es')).files[0]!;
		expect(f).toMatchObject({ loaded: 3, rejected: 0 });
		expect(f.warnings).toContain(
			'2 filas tienen en "Fecha de alta" un valor que no se puede leer (se esperaba una fecha como dd/mm/aaaa): "pendiente" (línea 3), "s/f" (línea 4); el campo quedó vacío y las filas se cargaron.'
		);
	});

	it('empties an unreadable optional quantity but still rejects an unreadable required date, with its line', async () => {
		const file = folder.write(
			'facturas.csv',
			csv(
				'Nº factura;Fecha;Código cliente;Cantidad;Importe',
				'F-1;05/03/2026;C1;2;100,00',
				'F-2;pendiente;C1;1;50,00', // line 3: the date every invoice needs
				'F-3;07/03/2026;C2;n/a;25,00' // line 4: the quantity is optional
			)
		);
		const f = (await ingestSaid(db, [{ path: file, name: 'facturas.csv' }], { kind: 'invoices' })).files[0]!;
		expect(f).toMatchObject({ rows_read: 3, loaded: 2, rejected: 1 });
		expect(f.rejections).toEqual([{ line: 3, column: 'Fecha', value: 'pendiente', reason: 'expected a date as dd/mm/yyyy', code: 'bad_date' }]);
		expect(f.warnings).toContain(
			'1 row has a value in "Cantidad" that cannot be read (expected a number like 1.234,56): "n/a" (line 4); the field was left empty and the row was loaded.'
		);
		expect(await revenue()).toEqual({ n: 2, s: '125.0000' });
	});
});
