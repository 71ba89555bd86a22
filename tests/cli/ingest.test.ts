// `npm run ingest` as users and scripts call it: JSON on stdout and nothing else, readable text
// without --json, one clear sentence on stderr and exit 1 on errors, never a stack trace.
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
		expect(wrong.stderr).toMatch(/not a clients export: no column for "Razón social \/ Descripción" \(name\)/);
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
