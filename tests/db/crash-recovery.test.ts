// A process killed with SIGKILL at any step of open, migrate, first load or a settings change
// leaves a file that opens again, with each step's data all there or absent, never half
// (issue 13, item 4). The steps run in child processes (tests/helpers/crash-child.ts); the file is
// reopened here. Before the fix, a kill right after opening a new file left schema statements in
// DuckDB's WAL that it cannot replay: "Failure while replaying WAL file … GetDefaultDatabase".
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { loadMigrations, type Migration } from '../../src/lib/server/db/migrate';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { loadSettings } from '../../src/lib/server/metrics/settings';
import { UPGRADE_MIGRATION } from '../helpers/crash-migration';
import { tempFolder } from '../helpers/temp-db';

const ROOT = join(import.meta.dirname, '..', '..');
const CHILD = join(ROOT, 'tests', 'helpers', 'crash-child.ts');
const DEMO = join(ROOT, 'data', 'demo');
/** A small first load: master data and one year of invoices (clients first, as ingest sorts them). */
const FIRST_LOAD = ['clientes.csv', 'productos.csv', 'facturas_2023.csv'].map((f) => join(DEMO, f));
const LOADED = { batches: 3, clients: 1500, products: 40, invoice_lines: 8557 };
const EMPTY = { batches: 0, clients: 0, products: 0, invoice_lines: 0 };
const BASE = loadMigrations();

const folder = tempFolder('cartera-crash-');
afterAll(() => folder.remove());

/** Runs a step of crash-child.ts and kills it with SIGKILL as soon as it prints `marker`. */
function killAt(marker: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
		let stdout = '';
		let stderr = '';
		let killed = false;
		child.stdout.on('data', (d) => {
			stdout += d;
			if (!killed && stdout.split('\n').includes(marker)) {
				killed = true;
				child.kill('SIGKILL');
			}
		});
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code, signal) =>
			killed && signal === 'SIGKILL' ? resolve() : reject(new Error(`the child ended (${code ?? signal}) before "${marker}": ${stdout}${stderr}`))
		);
	});
}

async function versions(db: Database): Promise<number[]> {
	return (await db.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version);
}

async function counts(db: Database) {
	const n = async (table: string) => (await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))!.n;
	return { batches: await n('upload_batches'), clients: await n('clients'), products: await n('products'), invoice_lines: await n('invoice_lines') };
}

/** Reopens the file here (the test fails if DuckDB cannot) and hands it to `check`. */
async function reopen<T>(path: string, check: (db: Database) => Promise<T>, migrations: Migration[] = BASE): Promise<T> {
	const db = await Database.open(path, migrations);
	try {
		return await check(db);
	} finally {
		db.close();
	}
}

/** Files the migrations left next to the database besides the database itself and its WAL. */
const leftovers = (path: string) => readdirSync(folder.dir).filter((f) => f.startsWith(`${basename(path)}.`) && f !== `${basename(path)}.wal`);

describe('a new database killed while opening', () => {
	it('right after open and migrate: it opens again, with every migration', async () => {
		const path = folder.path('fresh.duckdb');
		await killAt('opened', ['open', path]);
		expect(await reopen(path, versions)).toEqual(BASE.map((m) => m.version));
	});

	it.each([1, 4, BASE.at(-1)!.version])('between migrations (after migration %i): it opens again, with every migration and nothing left over', async (n) => {
		const path = folder.path(`between-${n}.duckdb`);
		await killAt(`paused after migration ${n}`, ['open', path], { CARTERA_TEST_PAUSE_AFTER_MIGRATION: String(n) });
		expect(await reopen(path, versions)).toEqual(BASE.map((m) => m.version));
		expect(leftovers(path)).toEqual([]);
	});
});

describe('the first load killed', () => {
	it('while it merges (its transaction open): the file opens, with none of it', async () => {
		const path = folder.path('during-load.duckdb');
		await killAt('merging', ['ingest-pause', path, ...FIRST_LOAD]);
		expect(await reopen(path, counts)).toEqual(EMPTY);
	});

	it('right after it resolved: the file opens, with all of it', async () => {
		const path = folder.path('after-load.duckdb');
		await killAt('loaded', ['ingest', path, ...FIRST_LOAD]);
		expect(await reopen(path, counts)).toEqual(LOADED);
	});
});

describe('a settings change killed', () => {
	it('right after it was saved: the file opens, with the change', async () => {
		const path = folder.path('setting.duckdb');
		await killAt('saved', ['setting', path]);
		expect(await reopen(path, async (db) => (await loadSettings(db)).window_days)).toBe(120);
	});
});

describe('an upgrade (a release with a new migration) killed', () => {
	async function loadedDatabase(name: string): Promise<string> {
		const path = folder.path(name);
		const db = await Database.open(path);
		await ingestFiles(db, FIRST_LOAD.map((p) => ({ path: p })), { loadedBy: 'crash-test' });
		db.close();
		return path;
	}

	it('half-way: the file opens as it was before the upgrade, data and all', async () => {
		const path = await loadedDatabase('upgrade-half.duckdb');
		await killAt(`paused after migration ${UPGRADE_MIGRATION.version}`, ['upgrade', path], { CARTERA_TEST_PAUSE_AFTER_MIGRATION: String(UPGRADE_MIGRATION.version) });
		// Opened by the old release: its schema and data, untouched.
		const before = await reopen(path, async (db) => ({ versions: await versions(db), counts: await counts(db) }), BASE);
		expect(before).toEqual({ versions: BASE.map((m) => m.version), counts: LOADED });
	});

	it('right after it: the file opens upgraded, data and all, and a copy from before the upgrade sits next to it', async () => {
		const path = await loadedDatabase('upgrade-done.duckdb');
		await killAt('opened', ['upgrade', path]);
		const upgraded = [...BASE, UPGRADE_MIGRATION];
		expect(await reopen(path, async (db) => ({ last: (await versions(db)).at(-1), counts: await counts(db) }), upgraded)).toEqual({ last: 999, counts: LOADED });
		const copy = `${path}.before-999.duckdb`;
		expect(existsSync(copy)).toBe(true);
		expect(await reopen(copy, async (db) => ({ last: (await versions(db)).at(-1), counts: await counts(db) }), BASE)).toEqual({ last: BASE.at(-1)!.version, counts: LOADED });
	});
});
