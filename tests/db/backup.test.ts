// Backups with the file free (npm run backup -- DEST) and restores (npm run backup -- restore SRC):
// a backup is one DuckDB file with every figure of the database; a restore puts it in place and
// keeps the database it replaces; both refuse, changing nothing, while another process holds the
// database, and a restore refuses a file that is not a Cartera database.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, backupFile, readBackup, restoreDatabase } from '../../src/lib/server/db/backup';
import { BackupError } from '../../src/lib/server/db/backup-messages';
import { Database } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { computeMetric } from '../../src/lib/server/metrics/index';
import { saveSetting } from '../../src/lib/server/metrics/settings-store';
import { holdDatabase, runCli } from '../helpers/run-cli';
import { tempFolder } from '../helpers/temp-db';

const DEMO = join(import.meta.dirname, '..', '..', 'data', 'demo');
const FIRST_LOAD = ['clientes.csv', 'productos.csv', 'facturas_2023.csv'].map((f) => join(DEMO, f));
const PERIOD = { from: '2023-01', to: '2023-12' };

const folder = tempFolder('cartera-backup-');
const source = folder.path('cartera.duckdb');
afterAll(() => folder.remove());

/** Every KPI of 2023 with its thresholds, as the dashboard computes them. */
async function kpis(path: string): Promise<unknown> {
	const db = await Database.open(path);
	try {
		return JSON.parse(JSON.stringify(await computeMetric(db, 'kpis', PERIOD)));
	} finally {
		db.close();
	}
}

beforeAll(async () => {
	const db = await Database.open(source);
	await ingestFiles(db, FIRST_LOAD.map((p) => ({ path: p })), { loadedBy: 'test' });
	await saveSetting(db, { key: 'window_days', value: 200, by: 'test' });
	db.close();
});

describe('a backup with the file free', () => {
	it('is one file that opens with the same figures, and a restore into a new path gives them back', async () => {
		const copy = folder.path('copias/una.duckdb');
		const report = await backupFile(source, copy);
		expect(report).toMatchObject({ batches: 3, clients: 1500, invoice_lines: 8557 });
		expect(report.bytes).toBeGreaterThan(0);
		expect(readdirSync(folder.path('copias'))).toEqual(['una.duckdb']); // no WAL, no partial file
		const restored = folder.path('restaurada/cartera.duckdb');
		const result = await restoreDatabase(copy, restored);
		expect(result).toMatchObject({ batches: 3, clients: 1500, invoice_lines: 8557, previous: null });
		expect(await kpis(restored)).toEqual(await kpis(source));
	});

	it('through the CLI: npm run backup -- DEST, then restore over a database, which is kept', async () => {
		const copy = folder.path('cli.duckdb');
		const made = await runCli('backup', [copy, '--db', source]);
		expect(made.stderr).toBe('');
		expect(made.stdout).toMatch(/^Backup written to .*cli\.duckdb .*3 loads, 1500 clients, 8557 invoice lines\.\n$/);
		const other = folder.path('otra.duckdb');
		(await Database.open(other)).close(); // an empty database, to be replaced
		const restored = await runCli('backup', ['restore', copy, '--db', other], { CARTERA_LANG: 'es' });
		expect(restored.stderr).toBe('');
		expect(restored.stdout).toMatch(/restaurada desde .*: esquema \d+, 3 cargas, 1500 clientes/);
		expect(restored.stdout).toMatch(/se guarda como .*otra\.duckdb\.before-restore\.duckdb/);
		expect(await kpis(other)).toEqual(await kpis(source));
		expect((await readBackup(`${other}.before-restore.duckdb`)).batches).toBe(0);
	});

	it('refuses a destination that exists, and the database itself', async () => {
		const copy = folder.path('existe.duckdb');
		await backupFile(source, copy);
		await expect(backupFile(source, copy)).rejects.toMatchObject({ code: 'backup_exists' });
		const db = await Database.open(source);
		try {
			await expect(backupDatabase(db, source)).rejects.toBeInstanceOf(BackupError);
		} finally {
			db.close();
		}
		expect(await kpis(source)).toEqual(await kpis(copy));
	});
});

describe('a backup while another connection writes', () => {
	it('waits until the other write transaction ends (CHECKPOINT refuses meanwhile), then holds what it committed', async () => {
		const db = await Database.open(source);
		const other = await db.fork();
		try {
			await other.run('BEGIN TRANSACTION');
			await other.run(`UPDATE settings SET value = '201' WHERE key = 'window_days'`);
			const copy = folder.path('copias/mientras-escribe.duckdb');
			const taking = backupDatabase(db, copy);
			await new Promise((r) => setTimeout(r, 150));
			await other.run('COMMIT');
			const report = await taking;
			expect(report).toMatchObject({ batches: 3, clients: 1500, invoice_lines: 8557 });
			const opened = await Database.open(copy);
			try {
				expect((await opened.one<{ value: string }>(`SELECT value FROM settings WHERE key = 'window_days'`))?.value).toBe('201');
			} finally {
				opened.close();
			}
		} finally {
			other.close();
			db.close();
		}
	});
});

describe('while another process holds the database', () => {
	it('a direct backup and a restore refuse, saying so, and change nothing', async () => {
		const copy = folder.path('antes.duckdb');
		await backupFile(source, copy);
		const before = await kpis(source);
		const holder = await holdDatabase(source);
		try {
			const backup = await runCli('backup', [folder.path('no.duckdb'), '--db', source]);
			expect(backup.code).toBe(1);
			expect(backup.stderr).toMatch(/in use by another process \(PID \d+\).*--server/);
			expect(existsSync(folder.path('no.duckdb'))).toBe(false);
			const restore = await runCli('backup', ['restore', copy, '--db', source], { CARTERA_LANG: 'es' });
			expect(restore.code).toBe(1);
			expect(restore.stderr).toMatch(/está en uso por otro proceso \(PID \d+\).*detenlo/);
		} finally {
			holder.kill('SIGKILL');
			await new Promise((resolve) => holder.once('close', resolve));
		}
		expect(await kpis(source)).toEqual(before);
	});
});

describe('a restore of something else', () => {
	it('refuses a file that is not a Cartera database, and a missing one, changing nothing', async () => {
		const before = await kpis(source);
		const text = folder.write('notas.duckdb', 'esto no es una base de datos\n');
		await expect(restoreDatabase(text, source)).rejects.toMatchObject({ code: 'restore_not_cartera' });
		const bare = folder.path('ajena.duckdb');
		const other = await Database.openFile(bare);
		await other.run('CREATE TABLE t (x INTEGER)');
		other.close();
		await expect(restoreDatabase(bare, source)).rejects.toMatchObject({ code: 'restore_not_cartera' });
		await expect(restoreDatabase(folder.path('falta.duckdb'), source)).rejects.toMatchObject({ code: 'restore_missing' });
		expect(existsSync(`${source}.before-restore.duckdb`)).toBe(false);
		expect(await kpis(source)).toEqual(before);
	});
});
