// Which database file a process uses: --db flag, else CARTERA_DB, else data/cartera.duckdb.
import { isAbsolute, join, resolve } from 'node:path';
import { projectRoot } from '../project-root';

export function defaultDatabasePath(): string {
	const fromEnv = process.env.CARTERA_DB;
	if (fromEnv) return isAbsolute(fromEnv) ? fromEnv : resolve(fromEnv);
	return join(projectRoot(), 'data', 'cartera.duckdb');
}
