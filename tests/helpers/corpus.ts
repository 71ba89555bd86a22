// The export corpus (tests/fixtures/exports*/): each file loaded with no flags into a fresh DuckDB
// file, and what loaded read back from the database in the terms of its expected.json (worked out
// by hand, see the folder's README). Shared by the corpus test and its property tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Database } from '../../src/lib/server/db/database';
import { IngestError } from '../../src/lib/server/ingest/errors';
import { ingestFiles, type CodedFileReport } from '../../src/lib/server/ingest/ingest';
import type { Kind } from '../../src/lib/server/ingest/kinds';
import { openTempDatabase, tempFolder } from './temp-db';

export const FIXTURES = join(process.cwd(), 'tests', 'fixtures');

/** One file's entry in expected.json. */
export interface Expected {
	kind: Kind;
	rows: number;
	rejected: number;
	/** Canonical column → the source header that must fill it. */
	mapping: Record<string, string>;
	revenue?: string;
	credit_notes?: number;
	excluded_documents?: number;
	amounts_include_tax?: boolean;
	won?: number;
	lost?: number;
	open?: number;
	statuses?: Record<string, number>;
}

export function loadExpected(folder: string): Record<string, Expected> {
	return JSON.parse(readFileSync(join(FIXTURES, folder, 'expected.json'), 'utf8'));
}

/**
 * right: loaded as its kind with every expected figure; refused: an IngestError and nothing in the
 * database; wrong: anything else — `wrongKind` when it loaded as another kind.
 */
export type Outcome = 'right' | 'refused' | 'wrong';

export interface Result {
	outcome: Outcome;
	wrongKind: boolean;
	/** What loaded, in the shape of `expected` (only the fields it names); null when nothing loaded as the expected kind. */
	actual: Partial<Expected> | null;
	/** The expected figures the comparison used. */
	wanted: Partial<Expected>;
	detail: string;
}

const count = async (db: Database, sql: string): Promise<number> => Number(Object.values((await db.one<Record<string, unknown>>(sql))!)[0]);

async function hasColumn(db: Database, table: string, column: string): Promise<boolean> {
	return (await count(db, `SELECT count(*)::INTEGER FROM duckdb_columns() WHERE table_name = '${table}' AND column_name = '${column}'`)) > 0;
}

/** Rows anywhere in the entity tables or the batch log: a refusal must leave all of them empty. */
async function anythingLoaded(db: Database): Promise<number> {
	const tables = ['clients', 'products', 'invoice_lines', 'opportunities', 'quotes', 'forecasts', 'upload_batches'];
	return count(db, `SELECT (${tables.map((t) => `(SELECT count(*) FROM ${t})`).join(' + ')})::INTEGER`);
}

/** The invoice figures of expected.json, read from invoice_lines (works with or without doc_status). */
async function invoiceFigures(db: Database, expected: Expected): Promise<Partial<Expected>> {
	const status = await hasColumn(db, 'invoice_lines', 'doc_status');
	const posted = status ? `coalesce(doc_status, 'posted') = 'posted'` : 'true';
	const row = (await db.one<{ revenue: string; credit_notes: number; excluded: number }>(
		`SELECT coalesce(round(sum(amount) FILTER (WHERE ${posted}), 2), 0)::DECIMAL(18, 2)::VARCHAR AS revenue,
			count(DISTINCT invoice_id) FILTER (WHERE ${posted} AND (doc_type = 'credit_note' OR amount < 0))::INTEGER AS credit_notes,
			${status ? `count(DISTINCT invoice_id) FILTER (WHERE doc_status IN ('draft', 'cancelled'))` : '0'}::INTEGER AS excluded
		 FROM invoice_lines`
	))!;
	return {
		...(expected.revenue !== undefined ? { revenue: row.revenue } : {}),
		...(expected.credit_notes !== undefined ? { credit_notes: row.credit_notes } : {}),
		...(expected.excluded_documents !== undefined ? { excluded_documents: row.excluded } : {})
	};
}

/** The report says the amounts include tax (the export had a gross total only). */
function saysTaxIncluded(f: CodedFileReport): boolean {
	return f.warnings.some((w) => w.code === 'amounts_include_tax');
}

/**
 * The header a column was read from. The amount of an export with a gross total only is read from
 * that total (mapped as `gross_amount`, with the warning that amounts include tax).
 */
function headerOf(f: CodedFileReport, column: string): string | null {
	const direct = f.mapping[column] ?? null;
	if (column === 'amount' && direct === null && f.kind === 'invoices' && !('tax' in f.mapping)) return f.mapping.gross_amount ?? null;
	return direct;
}

async function figures(db: Database, f: CodedFileReport, expected: Expected): Promise<Partial<Expected>> {
	const actual: Partial<Expected> = {
		kind: f.kind,
		rows: f.loaded,
		rejected: f.rejected,
		mapping: Object.fromEntries(Object.keys(expected.mapping).map((column) => [column, headerOf(f, column)])) as Record<string, string>
	};
	if (expected.kind === 'invoices') Object.assign(actual, await invoiceFigures(db, expected));
	if (expected.amounts_include_tax !== undefined) actual.amounts_include_tax = saysTaxIncluded(f);
	if (expected.kind === 'opportunities') {
		const rows = await db.all<{ outcome: string | null; n: number }>(`SELECT outcome, count(*)::INTEGER AS n FROM opportunities GROUP BY ALL`);
		const n = (o: string) => rows.find((r) => r.outcome === o)?.n ?? 0;
		if (expected.won !== undefined) Object.assign(actual, { won: n('won'), lost: n('lost'), open: n('open') });
	}
	if (expected.statuses) {
		const rows = await db.all<{ status: string; n: number }>(`SELECT coalesce(status, '(none)') AS status, count(*)::INTEGER AS n FROM quotes GROUP BY ALL ORDER BY 1`);
		actual.statuses = Object.fromEntries(rows.map((r) => [r.status, r.n]));
	}
	return actual;
}

/** The fields of `expected` the comparison checks (all of them; statuses in key order). */
function wantedOf(expected: Expected): Partial<Expected> {
	const wanted: Partial<Expected> = { ...expected };
	if (wanted.statuses) wanted.statuses = Object.fromEntries(Object.entries(wanted.statuses).sort(([a], [b]) => a.localeCompare(b)));
	return wanted;
}

function differences(actual: Partial<Expected>, wanted: Partial<Expected>): string {
	const out: string[] = [];
	for (const [key, want] of Object.entries(wanted)) {
		const got = actual[key as keyof Expected];
		if (key === 'mapping') {
			for (const [column, header] of Object.entries(want as Record<string, string>)) {
				const mapped = (got as Record<string, string | null>)[column];
				if (mapped !== header) out.push(`${column}←${JSON.stringify(mapped)} (want ${JSON.stringify(header)})`);
			}
		} else if (!isDeepStrictEqual(got, want)) out.push(`${key} ${JSON.stringify(got)} (want ${JSON.stringify(want)})`);
	}
	return out.join('; ');
}

/** Loads one file with no flags into a fresh database and classifies what happened. */
export async function loadAndClassify(path: string, name: string, expected: Expected): Promise<Result> {
	const folder = tempFolder('cartera-corpus-');
	const db = await openTempDatabase(folder);
	const wanted = wantedOf(expected);
	try {
		let f: CodedFileReport;
		try {
			const report = await ingestFiles(db, [{ path, name }]);
			f = report.files.find((r) => r.file === name) ?? report.files[0]!;
		} catch (error) {
			const left = await anythingLoaded(db);
			if (error instanceof IngestError && left === 0) {
				const params = error.params as { candidates?: { kind: string; confidence: number }[] };
				const candidates = params.candidates?.map((c) => `${c.kind} ${c.confidence}`).join(', ');
				return { outcome: 'refused', wrongKind: false, actual: null, wanted, detail: `${error.code}${candidates ? ` (${candidates})` : ''}` };
			}
			const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
			return { outcome: 'wrong', wrongKind: false, actual: null, wanted, detail: `${left ? `refused but left ${left} rows: ` : 'crashed: '}${what}`.slice(0, 200) };
		}
		if (f.kind !== expected.kind)
			return { outcome: 'wrong', wrongKind: true, actual: { kind: f.kind, rows: f.loaded }, wanted, detail: `loaded as ${f.kind} (${f.loaded} rows)` };
		const actual = await figures(db, f, expected);
		const diff = differences(actual, wanted);
		return { outcome: diff ? 'wrong' : 'right', wrongKind: false, actual, wanted, detail: diff || `${f.loaded} rows${actual.revenue ? `, revenue ${actual.revenue}` : ''}` };
	} finally {
		db.close();
		folder.remove();
	}
}
