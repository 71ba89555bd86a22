// What migrations and upgrades need of an open database: statements, reads and a transaction.
// An interface of its own, so that migrate.ts and upgrade.ts need not import database.ts, which
// runs them (no import loop).
import type { DuckDBValue } from '@duckdb/node-api';

export type Params = Record<string, DuckDBValue> | DuckDBValue[];
export type Row = Record<string, unknown>;

export interface SqlSession {
	all<T = Row>(sql: string, params?: Params): Promise<T[]>;
	one<T = Row>(sql: string, params?: Params): Promise<T | undefined>;
	run(sql: string, params?: Params): Promise<void>;
	transaction<T>(fn: () => Promise<T>): Promise<T>;
	close(): void;
}
