// The single door to queries/*.sql: each figure's SQL lives in one file there. Files that define
// table macros (CREATE … MACRO) are registered once per database; the others are run with bound,
// named parameters only: no value is ever spliced into SQL text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database, Params, Row } from './db/database';
import { projectRoot } from './project-root';
import { expandFragments } from './query-fragments';
import { classifyingMacros, plainDefinitions, plainText, runsPlain } from './plain-queries';
import { usedParams } from './used-params';
import { CREATE_LINE_STATUSES, keepLineStatuses, wantsLineStatuses } from './metrics/line-statuses';

const texts = new Map<string, string>();
const prepared = new WeakSet<Database>();

function queriesFolder(): string {
	return join(projectRoot(), 'queries');
}

export function queryText(name: string): string {
	let text = texts.get(name);
	if (text === undefined) {
		if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Bad query name: ${name}`);
		// {{fragments}}: the SQL naming every dimension, from the registry (query-fragments.ts).
		text = expandFragments(readFileSync(join(queriesFolder(), `${name}.sql`), 'utf8'), name);
		texts.set(name, text);
	}
	return text;
}

function isMacro(text: string): boolean {
	return /^\s*CREATE\s+(OR\s+REPLACE\s+)?(TEMP\s+)?MACRO/im.test(text.replace(/^\s*--.*$/gm, ''));
}

let macroFiles: { texts: string[]; classifying: Set<string>; twins: string[] } | null = null;

/** Every macro file's text, the macros that reach the classification and their plain twins (plain-queries.ts). */
function macros(): { texts: string[]; classifying: Set<string>; twins: string[] } {
	if (!macroFiles) {
		const texts = readdirSync(queriesFolder())
			.filter((f) => f.endsWith('.sql'))
			.sort()
			.map((f) => queryText(f.replace(/\.sql$/, '')))
			.filter(isMacro);
		const classifying = classifyingMacros(texts);
		macroFiles = { texts, classifying, twins: plainDefinitions(texts, classifying) };
	}
	return macroFiles;
}

/** The text query `name` runs: its plain twin's when the parameters allow (plain-queries.ts). */
function runText(name: string, params: Params): string {
	if (!runsPlain(name, params)) return queryText(name);
	const key = `${name}__plain`;
	let text = texts.get(key);
	if (text === undefined) {
		text = plainText(queryText(name), macros().classifying);
		texts.set(key, text);
	}
	return text;
}

/** Runs the texts; one that uses a macro not yet defined waits for the next round. */
async function defineInRounds(db: Database, texts: string[]): Promise<void> {
	let pending = texts;
	while (pending.length) {
		const failed: string[] = [];
		let lastError: unknown;
		for (const text of pending) {
			try {
				await db.run(text);
			} catch (error) {
				failed.push(text);
				lastError = error;
			}
		}
		if (failed.length === pending.length) throw lastError;
		pending = failed;
	}
}

/** Registers every macro file, then the plain twins (plain-queries.ts). */
export async function registerMacros(db: Database): Promise<void> {
	if (prepared.has(db)) return;
	// A table of the connection's own that sales.sql reads (metrics/line-statuses.ts).
	await db.runBookkeeping(CREATE_LINE_STATUSES);
	const { texts: files, twins } = macros();
	await defineInRounds(db, files);
	for (const twin of twins) await db.run(twin);
	prepared.add(db);
}

/**
 * Whether the query reads the statuses within a product line, and the connection running it should
 * keep them first (metrics/line-statuses.ts): then it runs with line_statuses = true, and `prepare`
 * keeps them on that connection.
 */
function linePrepared(name: string, allParams: Params): { params: Params; prepare: (db: Database) => Promise<void> } {
	const text = runText(name, allParams);
	if (Array.isArray(allParams) || !/\$line_statuses\b/.test(text) || !wantsLineStatuses(allParams)) return { params: usedParams(text, allParams), prepare: registerMacros };
	return {
		params: usedParams(text, { ...allParams, line_statuses: true }),
		prepare: async (db) => {
			await registerMacros(db);
			await keepLineStatuses(db, allParams);
		}
	};
}

/** `always`: a small result worth caching even when the result cache is off (Database.cachedAll). */
export async function runQuery<T = Row>(db: Database, name: string, allParams: Params = {}, options: { always?: boolean } = {}): Promise<T[]> {
	const { params, prepare } = linePrepared(name, allParams);
	await registerMacros(db);
	// queries/*.sql only read: their results may come from the database's result cache.
	const key = `${name}|${JSON.stringify(params, (_, v) => (typeof v === 'bigint' ? `${v}n` : v))}`;
	return db.cachedAll<T>(key, runText(name, allParams), params, { ...options, prepare });
}

/**
 * A query's rows a chunk at a time (DuckDB's vectors, about 2 048 rows), for results too large to
 * hold at once (CSV of every client). It runs on a connection of its own, so the dashboard's other
 * queries on the shared one neither wait for it nor cut it short; the connection closes when the
 * rows run out or the reader stops early.
 */
export async function* streamQuery<T = Row>(db: Database, name: string, params: Params = {}): AsyncGenerator<T[]> {
	const own = await db.fork();
	try {
		const prepared = linePrepared(name, params);
		await prepared.prepare(own);
		const result = await own.connection.stream(runText(name, params), prepared.params);
		for await (const rows of result.yieldRowObjectJson()) if (rows.length > 0) yield rows as T[];
	} finally {
		own.close();
	}
}
