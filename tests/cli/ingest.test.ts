// `npm run ingest` as users and scripts call it: JSON on stdout and nothing else, readable text
// without --json, one clear sentence on stderr and exit 1 on errors, never a stack trace.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { holdDatabase, runCli } from '../helpers/run-cli';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
afterAll(() => folder.remove());

const invoices = folder.write(
	'facturas.csv',
	'Nº factura;Fecha;Código cliente;Importe\r\nF-1;05/01/2025;C1;1.000,00\r\nF-2;06/01/2025;C1;abc\r\nF-3;07/01/2025;C2;250,50\r\n'
);
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe('npm run ingest', () => {
	it('prints the contract JSON with --json', async () => {
		const db = folder.path('json.duckdb');
		const r = await runCli('ingest', [invoices, '--db', db, '--json']);
		expect(r.code).toBe(0);
		const doc = JSON.parse(r.stdout);
		expect(doc.files).toHaveLength(1);
		expect(doc.files[0]).toMatchObject({
			file: invoices,
			kind: 'invoices',
			rows_read: 3,
			loaded: 2,
			rejected: 1,
			rejections: [{ line: 3, column: 'Importe', value: 'abc', reason: 'expected a number like 1.234,56' }]
		});
	});

	it('prints a readable summary without --json', async () => {
		const r = await runCli('ingest', [invoices, '--db', folder.path('text.duckdb')]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('facturas.csv → invoices: 3 rows read, 2 loaded (2 new, 0 updated, 0 unchanged), 1 rejected');
		expect(r.stdout).toContain('line 3, column "Importe": expected a number like 1.234,56 (found "abc")');
	});

	it('honours --kind and CARTERA_DB', async () => {
		const db = folder.path('env.duckdb');
		const r = await runCli('ingest', [invoices, '--kind', 'invoices', '--json'], { CARTERA_DB: db });
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout).files[0].loaded).toBe(2);
		const wrong = await runCli('ingest', [invoices, '--kind', 'clients', '--json'], { CARTERA_DB: db });
		expect(wrong.code).toBe(1);
		expect(wrong.stdout).toBe('');
		expect(wrong.stderr).toMatch(/not a clients export: no column for "Client name"\./);
	});

	it('fails with one message and exit 1 on an unknown file kind or a missing file', async () => {
		const other = folder.write('otra.csv', 'Color;Peso\nrojo;3\n');
		const r = await runCli('ingest', [other, '--db', folder.path('err.duckdb'), '--json']);
		expect(r.code).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toMatch(/otra\.csv: cannot tell what this export holds/);
		noStack(r.stderr);
		const missing = await runCli('ingest', [folder.path('nada.csv'), '--db', folder.path('err.duckdb')]);
		expect(missing.code).toBe(1);
		expect(missing.stderr.trim()).toBe(`${folder.path('nada.csv')}: file not found or not readable.`);
	});

	it('says in one sentence that the server holds the database, naming the file', async () => {
		const db = folder.path('locked.duckdb');
		const holder = await holdDatabase(db);
		try {
			const r = await runCli('ingest', [invoices, '--db', db, '--json']);
			expect(r.code).toBe(1);
			expect(r.stdout).toBe('');
			expect(r.stderr.trim()).toBe(
				`The database ${db} is in use by another process (PID ${holder.pid}), most likely the running Cartera server: ` +
					'stop it and run this command again, or send the files through it with --server (npm run ingest -- --server http://localhost:3000 FILE…).'
			);
		} finally {
			holder.kill();
		}
	});
});

describe('npm run ingest -- --map and --rejects', () => {
	it('applies a given mapping, remembers it for the same headers, and writes the rejected rows', async () => {
		const db = folder.path('map.duckdb');
		const file = folder.write(
			'erp.csv',
			'Nº factura;Fecha;Código cliente;Importe;Total neto;Tipo\nF1;01/02/2025;C1;121,00;100,00;Factura\nF2;02/02/2025;C1;60,50;50,00;Devolución parcial\nF3;xx;C2;1,00;1,00;Factura\n'
		);
		// The export's "Importe" includes VAT: the net amount is "Total neto"; "Devolución parcial" is a credit note.
		const map = folder.write('map.json', JSON.stringify({ columns: { amount: 'Total neto' }, values: { doc_type: { 'Devolución parcial': 'credit_note' } } }));
		const rejects = folder.path('rechazos.csv');
		const r = await runCli('ingest', [file, '--db', db, '--map', map, '--rejects', rejects, '--json']);
		expect(r.code).toBe(0);
		const f = JSON.parse(r.stdout).files[0];
		expect(f).toMatchObject({ loaded: 2, rejected: 1, mapping_source: 'given' });
		expect(f.mapping.amount).toBe('Total neto');
		expect(readFileSync(rejects, 'utf8')).toBe(
			'Archivo;Línea;Columnas;Motivo;Registro\n' +
				`${file};4;Fecha;"Fecha: expected a date as dd/mm/yyyy (""xx"")";"F3;xx;C2;1,00;1,00;Factura"\n`
		);
		// Same headers again, no --map: the mapping is remembered; nothing changes (100,00 and −50,00 stay).
		const again = await runCli('ingest', [file, '--db', db, '--json']);
		expect(JSON.parse(again.stdout).files[0]).toMatchObject({ mapping_source: 'remembered', unchanged: 2, updated: 0 });
	});

	it('names what is wrong in a mapping file', async () => {
		const bad = folder.write('bad-map.json', JSON.stringify({ columns: { importe: 'Total' } }));
		const r = await runCli('ingest', [invoices, '--db', folder.path('badmap.duckdb'), '--map', bad]);
		expect(r.code).toBe(1);
		expect(r.stderr.trim()).toBe(`${bad}: "columns": unknown column "importe".`);
	});
});

describe('npm run ingest -- --decimal and --date-order', () => {
	it('reads "1.234" as 1.234 and 01/02 as January 2 when told so', async () => {
		// Every amount and date is ambiguous: detection alone would read 1234 and 1 February.
		const file = folder.write('us.csv', 'Invoice Number;Invoice Date;Customer ID;Amount\nA-1;01/02/2025;C1;1.234\nA-2;03/04/2025;C1;5.678\n');
		const detected = await runCli('ingest', [file, '--db', folder.path('us0.duckdb'), '--json']);
		expect(JSON.parse(detected.stdout).files[0].formats).toMatchObject({ amount: "decimal ','", invoice_date: '%d/%m/%Y' });
		const r = await runCli('ingest', [file, '--db', folder.path('us.duckdb'), '--decimal', '.', '--date-order', 'mdy', '--json']);
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout).files[0].formats).toMatchObject({ amount: "decimal '.'", invoice_date: '%m/%d/%Y' });
		const wrong = await runCli('ingest', [file, '--db', folder.path('us.duckdb'), '--date-order', 'dym']);
		expect(wrong.code).toBe(1);
		expect(wrong.stderr.trim()).toBe('--date-order: the date order must be dmy (31/12/2025), mdy (12/31/2025) or ymd (2025-12-31).');
	});
});

describe('npm run ingest in Spanish', () => {
	it('says the summary, the reasons and the refusals in Spanish with CARTERA_LANG=es', async () => {
		const es = { CARTERA_LANG: 'es' };
		const r = await runCli('ingest', [invoices, '--db', folder.path('es.duckdb')], es);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('facturas.csv → facturas: 3 filas leídas, 2 cargadas (2 nuevas, 0 actualizadas, 0 sin cambios), 1 rechazada');
		expect(r.stdout).toContain('línea 3, columna "Importe": se esperaba un número como 1.234,56 (se encontró "abc")');
		expect(r.stdout).toContain(
			'aviso: 2 líneas se refieren a 2 códigos de cliente que no están en la tabla de clientes (C1, C2); cuentan en los ingresos como clientes sin atributos.'
		);

		const json = await runCli('ingest', [invoices, '--db', folder.path('es-json.duckdb'), '--json'], es);
		expect(JSON.parse(json.stdout).files[0].rejections).toEqual([
			{ line: 3, column: 'Importe', value: 'abc', reason: 'se esperaba un número como 1.234,56', code: 'bad_number' }
		]);

		const missing = await runCli('ingest', [folder.path('nada.csv'), '--db', folder.path('es.duckdb')], es);
		expect(missing.code).toBe(1);
		expect(missing.stderr.trim()).toBe(`${folder.path('nada.csv')}: el archivo no existe o no se puede leer.`);
		const order = await runCli('ingest', [invoices, '--db', folder.path('es.duckdb'), '--date-order', 'dym'], es);
		expect(order.stderr.trim()).toBe('--date-order: el orden de las fechas debe ser dmy (31/12/2025), mdy (12/31/2025) o ymd (2025-12-31).');
		const none = await runCli('ingest', [], es);
		expect(none.code).toBe(1);
		expect(none.stderr).toMatch(/^No se indicó ningún archivo\.\nUso: npm run ingest -- ARCHIVO\.\.\./);
		noStack(none.stderr);
	});

	it('writes the rejected rows with Spanish reasons, and follows a Spanish locale (LANG=es_BO.UTF-8)', async () => {
		const rejects = folder.path('rechazos-es.csv');
		const r = await runCli('ingest', [invoices, '--db', folder.path('es-rejects.duckdb'), '--rejects', rejects], { LANG: 'es_BO.UTF-8', LC_ALL: '' });
		expect(r.code).toBe(0);
		expect(r.stdout).toContain(`Filas rechazadas escritas en ${rejects}.`);
		expect(readFileSync(rejects, 'utf8')).toBe(
			'Archivo;Línea;Columnas;Motivo;Registro\n' + `${invoices};3;Importe;"Importe: se esperaba un número como 1.234,56 (""abc"")";"F-2;06/01/2025;C1;abc"\n`
		);
	});

	it('says in Spanish that the server holds the database', async () => {
		const db = folder.path('locked-es.duckdb');
		const holder = await holdDatabase(db);
		try {
			const r = await runCli('ingest', [invoices, '--db', db], { CARTERA_LANG: 'es' });
			expect(r.code).toBe(1);
			expect(r.stderr.trim()).toBe(
				`La base de datos ${db} está en uso por otro proceso (PID ${holder.pid}), seguramente el servidor de Cartera en marcha: ` +
					'detenlo y vuelve a ejecutar este comando, o envía los archivos a través de él con --server (npm run ingest -- --server http://localhost:3000 ARCHIVO…).'
			);
		} finally {
			holder.kill();
		}
	});
});
