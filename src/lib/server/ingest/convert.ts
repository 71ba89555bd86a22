// Staging text → typed canonical rows, in one SQL statement. Every cell that cannot be read
// becomes a problem {col, code, value} on its row; rows with problems are rejected, not loaded.
// Dates and vocabularies are read once per distinct value (lookup tables), numbers by shape:
// a million-line export costs a few hash joins, not a million strptime calls.
import type { Database } from '../db/database';
import { derivation } from './derive';
import { decideDateFormat, inferNumberFormats, numberSql, type DateFormat, type NumberFormat } from './formats';
import { storedColumns, type ColumnSpec, type KindSpec } from './kinds';
import type { ColumnMapping } from './mapping';
import { sqlIdent, sqlString } from './text';

export type ProblemCode = 'missing' | 'bad_number' | 'bad_integer' | 'bad_date' | 'bad_month' | 'out_of_range' | 'unknown_value';

export interface ConversionPlan {
	numbers: Record<string, NumberFormat>;
	dates: Record<string, DateFormat>;
}

const SQL_TYPE: Record<ColumnSpec['type'], string> = {
	id: 'VARCHAR', text: 'VARCHAR', money: 'DECIMAL(18,4)', decimal: 'DECIMAL(18,4)', integer: 'INTEGER', rate: 'DOUBLE',
	date: 'DATE', month: 'DATE', outcome: 'VARCHAR', quote_status: 'VARCHAR', doc_type: 'VARCHAR', opportunity_kind: 'VARCHAR'
};
const VOCABULARY_TYPES = new Set<ColumnSpec['type']>(['outcome', 'quote_status', 'doc_type', 'opportunity_kind']);
const BAD_CODE: Partial<Record<ColumnSpec['type'], ProblemCode>> = {
	money: 'bad_number', decimal: 'bad_number', rate: 'bad_number', integer: 'bad_integer', date: 'bad_date', month: 'bad_month',
	// Outcomes and quote statuses drive figures: an unknown one is reported, never guessed.
	outcome: 'unknown_value', quote_status: 'unknown_value'
};

export function stageColumn(index: number): string {
	return `c${index}`;
}

/**
 * Creates `target` from `stage` (columns c0…cN of text; rowid = record index): rid, one
 * typed column per stored column of the kind (NULL when the file lacks it), and `problems`,
 * the list of unreadable cells (NULL on rows that load).
 */
export async function convertStage(db: Database, stage: string, target: string, spec: KindSpec, mapping: ColumnMapping): Promise<ConversionPlan> {
	const mapped = spec.columns.filter((c) => c.name in mapping);
	const has = (name: string) => name in mapping;
	const rawSql = (c: ColumnSpec) => `nullif(trim(${stageColumn(mapping[c.name]!)}), '')`;
	const raw = (c: ColumnSpec) => `r_${c.name}`;
	const lookup = (c: ColumnSpec) => `${target}_lookup_${c.name}`;

	const numeric = mapped.filter((c) => c.type === 'money' || c.type === 'decimal' || c.type === 'rate');
	const numbers: Record<string, NumberFormat> = await inferNumberFormats(
		db,
		sqlIdent(stage),
		numeric.map((c) => ({ name: c.name, sql: rawSql(c), rate: c.type === 'rate' }))
	);
	const dates: Record<string, DateFormat> = {};
	for (const c of mapped) {
		if (c.type === 'date' || c.type === 'month') {
			await createLookup(db, stage, lookup(c), rawSql(c), 'DATE');
			dates[c.name] = await decideDateFormat(db, lookup(c), c.type === 'month');
		} else if (VOCABULARY_TYPES.has(c.type)) {
			await createLookup(db, stage, lookup(c), rawSql(c), 'VARCHAR');
			await fillVocabulary(db, lookup(c), c.type);
		}
	}
	// Without an outcome column (or with it empty) the stage tells the outcome: Closed Won, Ganada…
	const stageOutcome = spec.kind === 'opportunities' && has('stage');
	const stageColumnSpec = spec.columns.find((c) => c.name === 'stage');
	if (stageOutcome && stageColumnSpec) {
		await createLookup(db, stage, `${target}_lookup_stage_outcome`, rawSql(stageColumnSpec), 'VARCHAR');
		await fillVocabulary(db, `${target}_lookup_stage_outcome`, 'outcome');
	}

	const joins: string[] = [];
	const typed = (c: ColumnSpec): string => {
		const x = raw(c);
		if (!has(c.name)) return `NULL::${SQL_TYPE[c.type]}`;
		switch (c.type) {
			case 'id':
				return `cartera_id(${x})`;
			case 'text':
				return x;
			case 'money':
			case 'decimal':
				return numberSql(x, numbers[c.name]!);
			case 'rate': {
				const value = `${numberSql(x, numbers[c.name]!)}::DOUBLE`;
				return numbers[c.name]!.percent ? `(${value} / 100)` : value;
			}
			case 'integer':
				return `TRY_CAST(cartera_id(${x}) AS INTEGER)`;
			default:
				joins.push(`LEFT JOIN ${sqlIdent(lookup(c))} l_${c.name} ON l_${c.name}.raw = ${x}`);
				return `l_${c.name}.value`;
		}
	};
	const typedColumns = spec.columns.map((c) => `(${typed(c)})::${SQL_TYPE[c.type]} AS v_${c.name}`);
	if (stageOutcome) {
		joins.push(`LEFT JOIN ${sqlIdent(`${target}_lookup_stage_outcome`)} l_stage_outcome ON l_stage_outcome.raw = r_stage`);
		typedColumns.push('l_stage_outcome.value AS stage_outcome');
	}

	// Problems: a condition per check, and the list built only on rows where one holds.
	const checks: { condition: string; struct: string }[] = [];
	const check = (c: ColumnSpec, condition: string, code: ProblemCode, withValue = true) =>
		checks.push({ condition, struct: `{'col': ${sqlString(c.name)}, 'code': '${code}', 'value': ${withValue ? raw(c) : 'NULL::VARCHAR'}}` });
	for (const c of mapped) {
		if (c.notNull) check(c, `${raw(c)} IS NULL`, 'missing', false);
		const code = BAD_CODE[c.type];
		if (code) check(c, `${raw(c)} IS NOT NULL AND v_${c.name} IS NULL`, code);
		if (c.type === 'rate') check(c, `v_${c.name} NOT BETWEEN 0 AND 1`, 'out_of_range');
	}
	const derived = derivation(spec.kind, mapping);
	checks.push(...derived.problems);

	const rawColumns = spec.columns.map((c) => `${has(c.name) ? rawSql(c) : 'NULL::VARCHAR'} AS ${raw(c)}`);
	const finalColumns = storedColumns(spec).map((c) => `(${derived.columns[c.name] ?? `v_${c.name}`})::${SQL_TYPE[c.type]} AS ${c.name}`);
	const anyProblem = checks.length ? checks.map((k) => `(${k.condition})`).join(' OR ') : 'false';
	const problemList = checks.map((k) => `CASE WHEN ${k.condition} THEN ${k.struct} END`).join(', ');

	await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(target)} AS
		WITH raw AS (
			SELECT rowid::INTEGER AS rid, ${rawColumns.join(', ')} FROM ${sqlIdent(stage)}
		), typed AS (
			SELECT raw.*, ${typedColumns.join(', ')} FROM raw ${joins.join(' ')}
		)
		SELECT rid, ${finalColumns.join(', ')},
			CASE WHEN coalesce(${anyProblem}, false) THEN list_filter([${problemList}], p -> p IS NOT NULL) END AS problems
		FROM typed`);
	return { numbers, dates };
}

/** A table of a column's distinct non-empty raw values (`raw`) and what they read as (`value`). */
async function createLookup(db: Database, stage: string, name: string, rawExpression: string, type: string): Promise<void> {
	await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(name)} AS
		SELECT DISTINCT ${rawExpression} AS raw, NULL::${type} AS value FROM ${sqlIdent(stage)} WHERE ${rawExpression} IS NOT NULL`);
}

async function fillVocabulary(db: Database, lookup: string, domain: string): Promise<void> {
	await db.run(
		`UPDATE ${sqlIdent(lookup)} SET value = v.canonical FROM cartera_vocab v WHERE v.domain = $1 AND v.term = cartera_norm(raw)`,
		[domain]
	);
}
