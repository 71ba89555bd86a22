// The export's text → typed canonical rows. Two reads of the CSV, no staging table:
//   1. a profile: per numeric column, how many values read under the decimal mark its first
//      values suggest (when not all do, under a comma and under a point); per date and
//      vocabulary column, its distinct values (to decide the date format, and to map each
//      distinct status once: the mapping becomes a CASE, not a join);
//   2. the conversion: every row typed in SQL, every unreadable cell a problem {col, code, value}.
// Rows with problems are rejected, not loaded. The conversion is a plain projection of the CSV
// scan (no join, which would reorder rows) into a table created outside any transaction, so
// its rowids are the records' indexes in file order (line numbers, last-wins).
import type { Database } from '../db/database';
import { derivation } from './derive';
import {
	decideDateFormat,
	dateSql,
	guessDecimals,
	guessedNumberProfileSql,
	numberSql,
	settleNumberFormats,
	type DateFormat,
	type DateOrder,
	type NumberColumn,
	type NumberFormat,
	type ProfileRow
} from './formats';
import { storedColumns, type ColumnSpec, type KindSpec } from './kinds';
import type { ColumnMapping } from './mapping';
import { candidateCellsSql, candidateSql, edgeSql, identifyingColumns, noSkips, skipSurroundings } from './surroundings';
import { normalizeKey, sqlIdent, sqlString } from './text';

export type ProblemCode =
	| 'missing'
	| 'bad_number'
	| 'bad_integer'
	| 'bad_date'
	| 'bad_month'
	| 'out_of_range'
	| 'negative'
	| 'unknown_value'
	| 'no_document'
	| 'extra_fields';

/** Problems of a whole row (not of one column) carry this column name. */
export const ROW = '*row*';

export interface SourceShape {
	/** The relation already numbers its records (`rid`): a join of two files reorders rows. */
	hasRecordIndex?: boolean;
	/** Formats the user fixed instead of detecting them. */
	decimal?: ',' | '.';
	dateOrder?: DateOrder;
	/** The user's meaning for texts of a vocabulary, over the built-in one: {quote_status: {"Pendiente": "sent"}}. */
	values?: Partial<Record<string, Record<string, string>>>;
	/** Invoice lines joined to their documents: `cartera_doc_found` says whether each line found one. */
	joinedDocuments?: boolean;
	/** A report grouped by client (sources.ts groupedRelation): its group heading rows are skipped as such. */
	groupHeadings?: boolean;
}

export interface ConversionPlan {
	numbers: Record<string, NumberFormat>;
	dates: Record<string, DateFormat>;
	/** SQL giving a typed row's record index: its rowid, or a `rid` column where a window reordered rows or skipped rows were removed. */
	recordIndex: 'rowid' | 'rid';
}

const SQL_TYPE: Record<ColumnSpec['type'], string> = {
	id: 'VARCHAR', text: 'VARCHAR', money: 'DECIMAL(18,4)', decimal: 'DECIMAL(18,4)', integer: 'INTEGER', rate: 'DOUBLE',
	date: 'DATE', month: 'DATE', outcome: 'VARCHAR', quote_status: 'VARCHAR', doc_type: 'VARCHAR', doc_status: 'VARCHAR', flag: 'VARCHAR',
	opportunity_kind: 'VARCHAR',
	decision: 'VARCHAR',
	target_scope: 'VARCHAR'
};
const PROFILED = new Set<ColumnSpec['type']>(['date', 'month', 'outcome', 'quote_status', 'doc_type', 'doc_status', 'flag', 'opportunity_kind', 'decision', 'target_scope']);
const BAD_CODE: Partial<Record<ColumnSpec['type'], ProblemCode>> = {
	money: 'bad_number', decimal: 'bad_number', rate: 'bad_number', integer: 'bad_integer', date: 'bad_date', month: 'bad_month',
	target_scope: 'unknown_value' // a goal's scope must be one the figures know
};

export function sourceColumn(index: number): string {
	return `c${index}`;
}

/**
 * The columns whose unreadable value rejects the row: those every row needs or the kind requires,
 * the key, and the inputs of a required column the file computes (amount ← quantity × unit price
 * less the discount, or gross less tax). Any other unreadable value is emptied, with a warning,
 * and the row loads.
 */
function neededColumns(spec: KindSpec, mapping: ColumnMapping): Set<string> {
	const needed = new Set<string>(spec.columns.filter((c) => c.notNull || c.required || spec.key.includes(c.name)).map((c) => c.name));
	for (const c of spec.columns)
		if (c.requiredUnless && !(c.name in mapping)) {
			for (const input of c.requiredUnless.flat()) needed.add(input);
			if (c.name === 'amount') for (const input of ['discount', 'tax']) needed.add(input);
		}
	return needed;
}

/**
 * Creates `target` from `source` (a relation with text columns c0…cN in file order): one typed
 * column per stored column of the kind (NULL when the file lacks it) and `problems`, the list of
 * unreadable cells (NULL on rows that load).
 */
export async function convertSource(
	db: Database,
	source: string,
	target: string,
	spec: KindSpec,
	mapping: ColumnMapping,
	shape: SourceShape = {}
): Promise<ConversionPlan> {
	const mapped = spec.columns.filter((c) => c.name in mapping);
	const has = (name: string) => name in mapping;
	const rawSql = (c: ColumnSpec) => `cartera_text(${sourceColumn(mapping[c.name]!)})`;
	const raw = (c: ColumnSpec) => `r_${c.name}`;
	const lookup = (name: string) => sqlIdent(`${target}_lookup_${name}`);

	// The stage also tells an opportunity's outcome (Closed Won, Ganada…) when the outcome column is absent or empty.
	const stageOutcome = spec.kind === 'opportunities' && has('stage');
	const distinctOf: [string, ColumnSpec][] = mapped.filter((c) => PROFILED.has(c.type)).map((c) => [c.name, c]);
	if (stageOutcome) distinctOf.push(['stage_outcome', spec.columns.find((c) => c.name === 'stage')!]);
	// Rows that may surround the data (footers, blank lines, notes): their identifying fields are empty
	// or say "Total", or only their first cell is written. Every cell of the relation (the file's
	// columns and the extra-fields one) is looked at for these rows only.
	const cells = (await db.all<{ column_name: string }>(`DESCRIBE SELECT * FROM ${source}`)).map((r) => r.column_name).filter((n) => /^[cx]\d+$/.test(n));
	const candidate = candidateSql(
		identifyingColumns(spec, mapping).map((c) => sourceColumn(mapping[c.name]!)),
		cells.filter((n) => n.startsWith('c'))
	);
	const numeric: NumberColumn[] = mapped
		.filter((c) => c.type === 'money' || c.type === 'decimal' || c.type === 'rate')
		.map((c) => ({ name: c.name, sql: rawSql(c), rate: c.type === 'rate' }));

	// 1. Profile. Numbers are first counted under the mark their first values suggest; a column that
	// does not read whole under it is counted again in full (formats.ts settleNumberFormats).
	const guesses = await guessDecimals(db, source, numeric, shape.decimal);
	const profileTable = sqlIdent(`${target}_profile`);
	const profile = [
		'count(*) AS rows_read',
		`count(*) FILTER (WHERE ${candidate})::INTEGER AS edge_rows`,
		...guessedNumberProfileSql(numeric, guesses),
		// Distinct cells as the file writes them, trimmed below: a column of 10M dates has a few
		// thousand distinct cells, so trimming those instead of every cell saves about 0.3 s.
		...distinctOf.map(([name, c]) => `list(DISTINCT ${sourceColumn(mapping[c.name]!)}) AS distinct_${name}`)
	];
	await db.run(`CREATE OR REPLACE TEMP TABLE ${profileTable} AS SELECT ${profile.join(', ')} FROM ${source}`);
	const lists = distinctOf.map(([n]) => `distinct_${n}`);
	const profiled = (await db.one<ProfileRow>(`SELECT * ${lists.length ? `EXCLUDE (${lists.join(', ')})` : ''} FROM ${profileTable}`))!;
	const { formats: numbers } = await settleNumberFormats(db, source, numeric, profiled, guesses, shape.decimal);
	const edges = Number(profiled.edge_rows) > 0;

	const dates: Record<string, DateFormat> = {};
	const vocabularies: Record<string, [string, string][]> = {};
	for (const [name, c] of distinctOf) {
		await db.run(
			`CREATE OR REPLACE TEMP TABLE ${lookup(name)} AS SELECT DISTINCT cartera_text(cell) AS raw
			 FROM (SELECT unnest(coalesce(distinct_${name}, [])) AS cell FROM ${profileTable}) WHERE cartera_text(cell) IS NOT NULL`
		);
		if (c.type === 'date' || c.type === 'month') dates[name] = await decideDateFormat(db, lookup(name), c.type === 'month', shape.dateOrder);
		else {
			const domain = name === 'stage_outcome' ? 'outcome' : c.type;
			vocabularies[name] = await readVocabulary(db, lookup(name), domain, shape.values?.[domain] ?? {});
		}
		await db.run(`DROP TABLE ${lookup(name)}`);
	}
	await db.run(`DROP TABLE ${profileTable}`);

	// 2. Conversion.
	const needed = neededColumns(spec, mapping);
	const typed = (c: ColumnSpec): string => {
		const x = raw(c);
		if (!has(c.name)) return `NULL::${SQL_TYPE[c.type]}`;
		switch (c.type) {
			case 'id':
				return `cartera_id(${x})`;
			case 'money':
			case 'decimal':
				return numberSql(x, numbers[c.name]!);
			case 'rate': {
				let value = `${numberSql(x, numbers[c.name]!)}::DOUBLE`;
				if (numbers[c.name]!.percent) value = `(${value} / 100)`;
				// An optional rate out of 0–1 is emptied (and warned about), like any unreadable optional value.
				return needed.has(c.name) ? value : `CASE WHEN ${value} BETWEEN 0 AND 1 THEN ${value} END`;
			}
			case 'integer':
				return `TRY_CAST(cartera_id(${x}) AS INTEGER)`;
			case 'date':
			case 'month':
				return dateSql(x, dates[c.name]!, c.type === 'month');
			case 'text':
				return x;
			default:
				return vocabularySql(x, vocabularies[c.name]!);
		}
	};
	const typedColumns = spec.columns.map((c) => `(${typed(c)})::${SQL_TYPE[c.type]} AS v_${c.name}`);
	if (stageOutcome) typedColumns.push(`${vocabularySql('r_stage', vocabularies['stage_outcome']!)} AS stage_outcome`);

	// Problems: a condition per check; the list is built only on rows where one holds.
	const checks: { condition: string; struct: string }[] = [];
	const check = (c: ColumnSpec, condition: string, code: ProblemCode, withValue = true) =>
		checks.push({ condition, struct: `{'col': ${sqlString(c.name)}, 'code': '${code}', 'value': ${withValue ? raw(c) : 'NULL::VARCHAR'}}` });
	// Notes: unreadable optional values, emptied; the row loads and the file's report warns about them.
	const notes: { condition: string; struct: string }[] = [];
	const note = (c: ColumnSpec, code: string) =>
		notes.push({ condition: `${raw(c)} IS NOT NULL AND v_${c.name} IS NULL`, struct: `{'col': ${sqlString(c.name)}, 'code': ${code}, 'value': ${raw(c)}}` });
	for (const c of mapped) {
		if (c.notNull) check(c, `${raw(c)} IS NULL`, 'missing', false);
		const code = BAD_CODE[c.type];
		// Money and quantities whose every value reads (formats.ts alwaysReads) need no check: on a
		// column of 10M values, reading it for nothing costs about 0.4 s.
		if ((c.type === 'money' || c.type === 'decimal') && numbers[c.name]!.alwaysReads) continue;
		if (code && needed.has(c.name)) {
			check(c, `${raw(c)} IS NOT NULL AND v_${c.name} IS NULL`, code);
			if (c.type === 'rate') check(c, `v_${c.name} NOT BETWEEN 0 AND 1`, 'out_of_range');
		} else if (code)
			note(c, c.type === 'rate' ? `CASE WHEN ${numberSql(raw(c), numbers[c.name]!)} IS NULL THEN '${code}' ELSE 'out_of_range' END` : `'${code}'`);
	}
	const derived = derivation(spec.kind, mapping);
	checks.push(...derived.problems);
	if (shape.joinedDocuments)
		checks.push({ condition: 'NOT cartera_doc_found', struct: `{'col': 'invoice_id', 'code': 'no_document', 'value': r_invoice_id}` });
	checks.push({ condition: 'r_extra_fields IS NOT NULL', struct: `{'col': '${ROW}', 'code': 'extra_fields', 'value': r_extra_fields}` });

	// The record index as a column where the source has one, or where a derivation orders by it:
	// its window reorders rows, so rowid no longer follows the file (row_number() OVER () is a
	// streaming window: scan order).
	const withRecordIndex = shape.hasRecordIndex || derived.usesRecordIndex;
	const rid = shape.hasRecordIndex ? 'rid, ' : derived.usesRecordIndex ? 'row_number() OVER () - 1 AS rid, ' : '';
	const rawColumns = spec.columns.map((c) => `${has(c.name) ? rawSql(c) : 'NULL::VARCHAR'} AS ${raw(c)}`);
	if (shape.joinedDocuments) rawColumns.push('cartera_doc_found');
	rawColumns.push(`cartera_text(x0) AS r_extra_fields`);
	if (edges) rawColumns.push(`${candidateCellsSql(candidate, cells)} AS cartera_cells`);
	const finalColumns = storedColumns(spec).map((c) => `(${derived.columns[c.name] ?? `v_${c.name}`})::${SQL_TYPE[c.type]} AS ${c.name}`);
	// Attributes fed to clients and products travel along as feed_<column>.
	for (const c of spec.columns) if (c.feeds && has(c.name)) finalColumns.push(`v_${c.name} AS feed_${c.name}`);
	const anyProblem = checks.length ? checks.map((k) => `(${k.condition})`).join(' OR ') : 'false';
	const problemList = checks.map((k) => `CASE WHEN ${k.condition} THEN ${k.struct} END`).join(', ');
	const noteList = notes.length
		? `CASE WHEN coalesce(${notes.map((k) => `(${k.condition})`).join(' OR ')}, false) THEN list_filter([${notes.map((k) => `CASE WHEN ${k.condition} THEN ${k.struct} END`).join(', ')}], p -> p IS NOT NULL) END`
		: 'NULL::STRUCT(col VARCHAR, code VARCHAR, value VARCHAR)[]';

	await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(target)} AS
		WITH raw AS (
			SELECT ${rid}${rawColumns.join(', ')} FROM ${source}
		), typed AS (
			SELECT raw.*, ${typedColumns.join(', ')} FROM raw
		)
		SELECT ${withRecordIndex ? 'rid, ' : ''}${finalColumns.join(', ')},
			CASE WHEN coalesce(${anyProblem}, false) THEN list_filter([${problemList}], p -> p IS NOT NULL) END AS problems,
			${noteList} AS cartera_notes${edges ? `, ${edgeSql('cartera_cells')} AS cartera_edge` : ''}
		FROM typed`);
	let recordIndex: ConversionPlan['recordIndex'] = withRecordIndex ? 'rid' : 'rowid';
	if (edges) {
		// The amounts a footer may sum: stored money and quantity columns the file gives.
		const amounts = storedColumns(spec).filter((c) => (c.type === 'money' || c.type === 'decimal') && (has(c.name) || c.name in derived.columns));
		recordIndex = await skipSurroundings(db, target, amounts.map((c) => c.name), recordIndex, shape.groupHeadings ?? false);
	} else await noSkips(db, target);
	return { numbers, dates, recordIndex };
}

/** Each distinct raw value of a vocabulary column with its canonical value (unknown values left out). */
async function readVocabulary(db: Database, distinct: string, domain: string, user: Record<string, string>): Promise<[string, string][]> {
	const rows = await db.all<{ raw: string; canonical: string | null }>(
		`SELECT d.raw, v.canonical FROM ${distinct} d LEFT JOIN cartera_vocab v ON v.domain = $1 AND v.term = cartera_norm(d.raw) ORDER BY d.raw`,
		[domain]
	);
	const given = new Map(Object.entries(user).map(([text, value]) => [normalizeKey(text), value]));
	return rows.flatMap((r): [string, string][] => {
		const canonical = given.get(normalizeKey(r.raw)) ?? r.canonical;
		return canonical ? [[r.raw, canonical]] : [];
	});
}

/** A CASE mapping the column's raw values (few, by nature) to canonical ones; NULL when unknown. */
function vocabularySql(x: string, pairs: [string, string][]): string {
	if (pairs.length === 0) return 'NULL::VARCHAR';
	return `CASE ${x} ${pairs.map(([raw, canonical]) => `WHEN ${sqlString(raw)} THEN ${sqlString(canonical)}`).join(' ')} END`;
}
