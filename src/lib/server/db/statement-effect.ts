// What a statement does to the data other connections see, judged from its text: the data
// version (Database.dataVersion) moves only when another connection could read something new.
// Reads, a connection's own macros, temporary tables and views, and COPY of a query to a file
// change nothing shared; inside a transaction, changes become visible at its COMMIT only.

/** `change`: other connections see a change once it is committed (at once outside a transaction). */
export type Effect = 'none' | 'change' | 'begin' | 'commit' | 'rollback';

const LEAD = String.raw`^(?:\s|--[^\n]*\n)*`;
const IDENT = String.raw`("(?:[^"]|"")+"|[\w$]+)`;
const END = String.raw`\s*;?\s*$`;

/** Statements that only read. */
const READ_ONLY = new RegExp(`${LEAD}(SELECT|WITH|FROM|VALUES|PRAGMA|DESCRIBE|SHOW|EXPLAIN|SUMMARIZE)\\b`, 'i');
/** A connection's own macros (queries/*.sql and the ingest register them on each connection). */
const TEMP_MACRO = new RegExp(`${LEAD}CREATE\\s+(OR\\s+REPLACE\\s+)?TEMP(ORARY)?\\s+MACRO\\b`, 'i');
/** A temporary table or view (an ingest's typing and merge steps) is seen by its connection only. */
const TEMP_OBJECT = new RegExp(`${LEAD}CREATE\\s+(?:OR\\s+REPLACE\\s+)?TEMP(?:ORARY)?\\s+(?:TABLE|VIEW)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?${IDENT}`, 'i');
const DROP_OBJECT = new RegExp(`${LEAD}DROP\\s+(?:TABLE|VIEW)\\s+(?:IF\\s+EXISTS\\s+)?${IDENT}${END}`, 'i');
/** A query's rows written to a file. */
const COPY_OUT = new RegExp(`${LEAD}COPY\\s*\\(`, 'i');
const BEGIN = new RegExp(`${LEAD}BEGIN(\\s+TRANSACTION)?${END}`, 'i');
const COMMIT = new RegExp(`${LEAD}(COMMIT|END)(\\s+TRANSACTION)?${END}`, 'i');
const ROLLBACK = new RegExp(`${LEAD}(ROLLBACK|ABORT)(\\s+TRANSACTION)?${END}`, 'i');

// DuckDB matches identifiers without regard to case, quoted or not.
const identKey = (ident: string) => (ident.startsWith('"') ? ident.slice(1, -1).replace(/""/g, '"') : ident).toLowerCase();

/**
 * One connection's view: it remembers the temporary tables and views created on it, so that
 * dropping them counts as no change (a DROP of any other name does).
 */
export class StatementEffects {
	private readonly temporary = new Set<string>();

	of(sql: string): Effect {
		if (READ_ONLY.test(sql) || TEMP_MACRO.test(sql) || COPY_OUT.test(sql)) return 'none';
		const created = TEMP_OBJECT.exec(sql);
		if (created) {
			this.temporary.add(identKey(created[1]!));
			return 'none';
		}
		const dropped = DROP_OBJECT.exec(sql);
		if (dropped && this.temporary.delete(identKey(dropped[1]!))) return 'none';
		if (BEGIN.test(sql)) return 'begin';
		if (COMMIT.test(sql)) return 'commit';
		if (ROLLBACK.test(sql)) return 'rollback';
		return 'change';
	}
}
