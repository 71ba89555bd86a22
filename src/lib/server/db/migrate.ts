// Versioned schema migrations: migrations/NNN_name.sql, applied in order, each in its own
// transaction, recorded in schema_migrations so a file is applied once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../project-root';
import type { Database } from './database';

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

export async function migrate(db: Database, migrations = loadMigrations()): Promise<number[]> {
	await db.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`);
	const done = new Set(
		(await db.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version)
	);
	const applied: number[] = [];
	for (const m of migrations) {
		if (done.has(m.version)) continue;
		await db.transaction(async () => {
			await db.run(m.sql);
			await db.run('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
		});
		applied.push(m.version);
	}
	return applied;
}
