// Versioned schema migrations: migrations/NNN_name.sql, applied in order, each in its own
// transaction, recorded in schema_migrations so a file is applied once. Database.open runs them on
// a copy of the file (upgrade.ts); migrate() itself works on whatever database it is given.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../project-root';
import type { SqlSession } from './session';

export interface Migration {
	version: number;
	name: string;
	sql: string;
}

export function migrationsFolder(): string {
	return join(projectRoot(), 'src', 'lib', 'server', 'db', 'migrations');
}

export function loadMigrations(folder = migrationsFolder()): Migration[] {
	return readdirSync(folder)
		.filter((f) => /^\d+_.+\.sql$/.test(f))
		.map((f) => ({
			version: Number(f.split('_')[0]),
			name: f.replace(/\.sql$/, ''),
			sql: readFileSync(join(folder, f), 'utf8')
		}))
		.sort((a, b) => a.version - b.version);
}

/** The versions recorded in schema_migrations; none on a new file. */
export async function appliedVersions(db: SqlSession): Promise<Set<number>> {
	const table = await db.one<{ n: number }>(
		`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = 'schema_migrations'`
	);
	if (!table?.n) return new Set();
	return new Set((await db.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
}

/**
 * Applies the pending migrations in place and then checkpoints: DuckDB (1.5) cannot replay some
 * schema changes from its WAL (ALTER TABLE fails with "GetDefaultDatabase with no default
 * database set"), so they must reach the file itself before anything can kill the process.
 */
export async function migrate(db: SqlSession, migrations = loadMigrations()): Promise<number[]> {
	await db.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`);
	const done = await appliedVersions(db);
	const applied: number[] = [];
	for (const m of migrations) {
		if (done.has(m.version)) continue;
		await db.transaction(async () => {
			await db.run(m.sql);
			await db.run('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
		});
		applied.push(m.version);
		await pauseForTest(m.version);
	}
	if (applied.length > 0) await db.run('CHECKPOINT');
	return applied;
}

/**
 * Test hook (tests/db/crash-recovery.test.ts): with CARTERA_TEST_PAUSE_AFTER_MIGRATION=N the
 * process stops for good once migration N is committed (before the checkpoint), after printing
 * "paused after migration N", so a test can kill it there. Unset, it does nothing.
 */
async function pauseForTest(version: number): Promise<void> {
	if (process.env.CARTERA_TEST_PAUSE_AFTER_MIGRATION !== String(version)) return;
	process.stdout.write(`paused after migration ${version}\n`);
	await new Promise(() => setInterval(() => undefined, 1000));
}
