// The demo database exported as Parquet (npm run export -- --parquet DIR) and read back as the
// server reads CARTERA_SOURCE=parquet:DIR (an in-memory DuckDB whose tables are views over the
// files): every table keeps its columns and types (money stays DECIMAL(18,4)), the lines are one
// folder per month, and every figure of the metrics registry, over four periods and filters, is
// the same document as the database's, deep-equal to twelve significant digits (every amount to
// the cent; see helpers/twelve-digits.ts). The export refuses, writing nothing, a folder that is
// not empty and a database another process holds.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, openExport } from '../../src/lib/server/db/database';
import { exportParquetFile } from '../../src/lib/server/db/parquet-export';
import { ParquetError } from '../../src/lib/server/db/parquet-messages';
import { servingSource } from '../../src/lib/server/db/parquet-source';
import { computeMetric, METRIC_NAMES } from '../../src/lib/server/metrics/index';
import { copyDemoDatabase } from '../helpers/demo-database';
import { holdDatabase, runCli } from '../helpers/run-cli';
import { tempFolder } from '../helpers/temp-db';
import { toTwelveDigits } from '../helpers/twelve-digits';

const folder = tempFolder('cartera-parquet-');
const path = folder.path('demo.duckdb');
const dir = folder.path('export');
let database: Database;
let parquet: Database;

beforeAll(async () => {
	await copyDemoDatabase(path);
	const summary = await exportParquetFile(path, dir);
	// The demo: 142 908 lines from November 2023 to October 2026, 36 months.
	expect(summary).toMatchObject({ schema_version: 26, tables: 36, invoice_lines: 142_908, months: 36 });
	database = await Database.open(path);
	parquet = await openExport(dir);
}, 120_000);

afterAll(async () => {
	await parquet?.close();
	await database?.close();
	folder.remove();
});

describe('the export folder', () => {
	it('holds the lines one folder per month of invoice_date, every other table in one file, and the manifest', () => {
		const months = readdirSync(join(dir, 'invoice_lines')).sort();
		expect(months.length).toBe(36);
		expect(months[0]).toBe('month=2023-11');
		expect(months.at(-1)).toBe('month=2026-10');
		expect(readdirSync(join(dir, 'invoice_lines', 'month=2024-02'))).toEqual(['data_0.parquet']);
		const files = readdirSync(dir).sort();
		expect(files).toContain('cartera-export.json');
		expect(files).toContain('clients.parquet');
		expect(files).toContain('invoice_totals.parquet');
		expect(files).not.toContain('invoice_lines.parquet');
		const manifest = JSON.parse(readFileSync(join(dir, 'cartera-export.json'), 'utf8'));
		const lines = manifest.tables.find((t: { name: string }) => t.name === 'invoice_lines');
		expect(lines).toMatchObject({ files: 'invoice_lines/month=*/*.parquet', rows: 142_908, by_month: 'invoice_date' });
		expect(lines.columns.find((c: { name: string }) => c.name === 'amount')).toEqual({ name: 'amount', type: 'DECIMAL(18,4)', default: null, nullable: false });
	});

	it('reads back every table with the same columns, in the same order, of the same types', async () => {
		const columns = (db: Database) =>
			db.all(`SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main'
				AND table_name NOT LIKE '%_source' ORDER BY table_name, column_index`);
		const own = await columns(database);
		expect(own.length).toBeGreaterThan(150);
		expect(await columns(parquet)).toEqual(own);
		// Money read from Parquet is still DECIMAL(18,4), through the view, not cast back.
		const sql = `SELECT typeof(sum(amount)) AS t, sum(amount)::VARCHAR AS total, count(*)::INTEGER AS n FROM invoice_lines`;
		const fromFiles = await parquet.one(sql);
		expect(fromFiles).toEqual(await database.one(sql));
		expect(fromFiles).toMatchObject({ t: 'DECIMAL(38,4)', n: 142_908 });
		expect(await parquet.one(`SELECT typeof(amount) AS t FROM invoice_lines LIMIT 1`)).toEqual({ t: 'DECIMAL(18,4)' });
		expect(await parquet.one(`SELECT typeof(amount) AS t FROM read_parquet('${dir}/invoice_lines/month=2024-02/data_0.parquet') LIMIT 1`)).toEqual({ t: 'DECIMAL(18,4)' });
	});

	it('keeps the sessions out: their columns only, no rows', async () => {
		expect(await parquet.one(`SELECT count(*)::INTEGER AS n FROM sessions`)).toEqual({ n: 0 });
	});
});

/**
 * Periods and filters each figure is computed over: the default, half a year of one region, a year
 * of one product line among the active clients by product (targets: by region) and compared with
 * the year before, and the last month up to its 15th.
 */
const casesFor = (name: string): Record<string, string>[] => [
	{},
	{ from: '2025-01', to: '2025-06', region: 'La Paz' },
	{ from: '2024-04', to: '2025-03', product_line: 'Papelería', status: 'active', dim: 'client_type', by: name === 'targets' ? 'region' : 'product', compare: 'year' },
	{ from: '2026-10', to: '2026-10', as_of: '2026-10-15' }
];

describe('every figure from the Parquet export equals the database’s', () => {
	it('to the cent: twelve digits still tell 67.832.218,30 from 67.832.218,31', () => {
		expect(toTwelveDigits({ a: [67_832_218.3, 0.049431611138049426] })).toEqual({ a: [67_832_218.3, 0.0494316111380] });
		expect(toTwelveDigits(67_832_218.31)).not.toEqual(toTwelveDigits(67_832_218.3));
	});
	it('names the figures of the registry', () => {
		expect(METRIC_NAMES.length).toBeGreaterThanOrEqual(17);
	});
	for (const name of METRIC_NAMES) {
		it(`${name}: the same document, deep-equal, for four periods and filters`, async () => {
			for (const raw of casesFor(name)) {
				const own = toTwelveDigits(JSON.parse(JSON.stringify(await computeMetric(database, name, raw))));
				const fromFiles = toTwelveDigits(JSON.parse(JSON.stringify(await computeMetric(parquet, name, raw))));
				expect(fromFiles, `${name} ${JSON.stringify(raw)}`).toEqual(own);
			}
		}, 120_000);
	}
});

describe('the export refuses, writing nothing', () => {
	it('a folder that is not empty, in one line, exit code 1 (Spanish with CARTERA_LANG=es)', async () => {
		const target = folder.path('full');
		mkdirSync(target);
		writeFileSync(join(target, 'notes.txt'), 'kept');
		const en = await runCli('export', ['--parquet', target, '--db', path]);
		expect(en).toMatchObject({ code: 1, stdout: '' });
		expect(en.stderr).toBe(`The folder ${target} is not empty: export into a new or empty folder (nothing was written).\n`);
		const es = await runCli('export', ['--parquet', target, '--db', path], { CARTERA_LANG: 'es' });
		expect(es).toMatchObject({ code: 1, stdout: '' });
		expect(es.stderr).toBe(`La carpeta ${target} no está vacía: exporta a una carpeta nueva o vacía (no se escribió nada).\n`);
		expect(readdirSync(target)).toEqual(['notes.txt']);
	});

	it('a database that does not exist, creating none', async () => {
		const missing = folder.path('none.duckdb');
		const result = await runCli('export', ['--parquet', folder.path('from-nothing'), '--db', missing]);
		expect(result).toMatchObject({ code: 1, stdout: '', stderr: `There is no database at ${missing} (nothing was written).\n` });
		expect(existsSync(missing)).toBe(false);
		expect(existsSync(folder.path('from-nothing'))).toBe(false);
	});

	it('a database the server holds, naming its PID and the way through a backup', async () => {
		const held = folder.path('held.duckdb');
		await copyDemoDatabase(held);
		const holder = await holdDatabase(held);
		try {
			const result = await runCli('export', ['--parquet', folder.path('held-export'), '--db', held]);
			expect(result.code).toBe(1);
			expect(result.stdout).toBe('');
			expect(result.stderr).toBe(
				`The database ${held} is in use by another process (PID ${holder.pid}), most likely the running Cartera server: ` +
					'stop it and run this command again, or export a backup made through it (npm run backup -- --server http://localhost:3000 FILE, then npm run export -- --db FILE --parquet DIR).\n'
			);
			expect(existsSync(folder.path('held-export'))).toBe(false);
		} finally {
			holder.kill();
		}
	});

	it('through the CLI into a new folder: what it wrote, in one line, then how to serve it', async () => {
		// A copy of its own: this process holds the first one open.
		const free = folder.path('free.duckdb');
		await copyDemoDatabase(free);
		const result = await runCli('export', ['--parquet', folder.path('cli-export'), '--db', free]);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(
			new RegExp(`^Exported to ${folder.path('cli-export')}: schema 26, 36 tables, 142\\.908 invoice lines in 36 monthly folders \\([\\d,]+ MB in [\\d.]+ ms\\)\\.\\nServe it read-only with CARTERA_SOURCE=parquet:${folder.path('cli-export')} npm start\\n$`)
		);
	});
});

describe('npm run metrics -- NAME --parquet DIR', () => {
	it('computes a figure from the export, the same document as from the database', async () => {
		const result = await runCli('metrics', ['growth', '--parquet', dir, '--from', '2025-01', '--to', '2025-06', '--filter', 'region=La Paz', '--json']);
		expect(result.stderr).toBe('');
		const own = await computeMetric(database, 'growth', { from: '2025-01', to: '2025-06', region: 'La Paz' });
		expect(toTwelveDigits(JSON.parse(result.stdout))).toEqual(toTwelveDigits(JSON.parse(JSON.stringify(own))));
	});

	it('refuses --db with --parquet, and a folder with no export, in one line', async () => {
		const both = await runCli('metrics', ['growth', '--parquet', dir, '--db', path]);
		expect(both).toMatchObject({ code: 1, stdout: '', stderr: '--db and --parquet exclude each other: give the database or an export of it.\n' });
		const none = await runCli('metrics', ['growth', '--parquet', folder.path('nothing-here')]);
		expect(none).toMatchObject({ code: 1, stdout: '' });
		expect(none.stderr).toBe(`${folder.path('nothing-here')} holds no Cartera export (no cartera-export.json): write one with npm run export -- --parquet ${folder.path('nothing-here')}.\n`);
	});
});

describe('CARTERA_SOURCE', () => {
	it('unset or empty is the database; parquet:DIR an export (relative to the working folder); anything else is refused', () => {
		expect(servingSource({})).toEqual({ kind: 'database' });
		expect(servingSource({ CARTERA_SOURCE: '' })).toEqual({ kind: 'database' });
		expect(servingSource({ CARTERA_SOURCE: 'parquet:/srv/export' })).toEqual({ kind: 'parquet', dir: '/srv/export' });
		expect(servingSource({ CARTERA_SOURCE: 'parquet:export' })).toEqual({ kind: 'parquet', dir: join(process.cwd(), 'export') });
		expect(() => servingSource({ CARTERA_SOURCE: 's3://bucket' })).toThrow(ParquetError);
	});

	it('npm start refuses, in one line per language and before building, a value it does not understand and a folder with no export', async () => {
		const bad = await runCli('start', [], { CARTERA_SOURCE: 'duckdb:otra' });
		expect(bad).toMatchObject({ code: 1, stdout: '' });
		expect(bad.stderr).toBe(
			'CARTERA_SOURCE=duckdb:otra no se entiende: déjala sin poner para servir la base de datos, o escribe parquet:CARPETA.\n' +
				'CARTERA_SOURCE=duckdb:otra is not understood: leave it unset to serve the database, or write parquet:DIR.\n'
		);
		const empty = folder.path('no-export-start');
		const none = await runCli('start', [], { CARTERA_SOURCE: `parquet:${empty}` });
		expect(none).toMatchObject({ code: 1, stdout: '' });
		expect(none.stderr).toBe(
			`${empty} no contiene ninguna exportación de Cartera (falta cartera-export.json): créala con npm run export -- --parquet ${empty}.\n` +
				`${empty} holds no Cartera export (no cartera-export.json): write one with npm run export -- --parquet ${empty}.\n`
		);
	});

	it('refuses a folder with no export, and one exported with another schema', async () => {
		await expect(openExport(folder.path('no-export'))).rejects.toThrow(`${folder.path('no-export')} holds no Cartera export (no cartera-export.json)`);
		const old = folder.path('old-export');
		await exportParquetFile(path, old);
		const manifest = JSON.parse(readFileSync(join(old, 'cartera-export.json'), 'utf8'));
		writeFileSync(join(old, 'cartera-export.json'), JSON.stringify({ ...manifest, schema_version: 24 }));
		await expect(openExport(old)).rejects.toThrow(`${old} was exported with schema 24 and this Cartera reads schema 26`);
	});
});
