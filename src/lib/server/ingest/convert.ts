// Staging text → typed canonical rows, in one SQL statement. Every cell that cannot be read
// becomes a problem {col, code, value} on its row; rows with problems are rejected, not loaded.
import type { Database } from '../db/database';
import { dateSql, inferDateFormat, inferNumberFormats, numberSql, type DateFormat, type NumberFormat } from './formats';
import { derivation } from './derive';
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
const VOCABULARY_TYPES = new Set(['outcome', 'quote_status', 'doc_type', 'opportunity_kind']);

export function stageColumn(index: number): string {
	return `c${index}`;
}

/**
 * Creates `target` from `stage` (rid, the record index, and columns c0…cN of text): one typed column per column
 * of the kind (NULL when the file lacks it) and `problems`, the list of unreadable cells.
 */
export async function convertStage(db: Database, stage: string, target: string, spec: KindSpec, mapping: ColumnMapping): Promise<ConversionPlan> {
	const mapped = spec.columns.filter((c) => c.name in mapping);
	const raw = (c: ColumnSpec) => `r_${c.name}`;
	const rawSql = (c: ColumnSpec) => `nullif(trim(${stageColumn(mapping[c.name]!)}), '')`;

	const numeric = mapped.filter((c) => c.type === 'money' || c.type === 'decimal' || c.type === 'rate');
	const numbers = await inferNumberFormats(db, stage, Object.fromEntries(numeric.map((c) => [c.name, rawSql(c)])));
	const dates: Record<string, DateFormat> = {};
	for (const c of mapped.filter((c) => c.type === 'date' || c.type === 'month'))
		dates[c.name] = await inferDateFormat(db, stage, rawSql(c), c.type === 'month');

	const typed = (c: ColumnSpec): string => {
		const x = raw(c);
		switch (c.type) {
			case 'id':
				return `cartera_id(${x})`;
			case 'text':
				return x;
			case 'money':
			case 'decimal':
				return numberSql(x, numbers[c.name]!);
			case 'rate': {
				const f = numbers[c.name]!;
				const value = numberSql(`replace(${x}, '%', '')`, { ...f, decorated: true });
				return f.percent ? `(${value} / 100)::DOUBLE` : `${value}::DOUBLE`;
			}
			case 'integer':
				return `TRY_CAST(cartera_id(${x}) AS INTEGER)`;
			case 'date':
				return dateSql(x, dates[c.name]!);
			case 'month':
				return dateSql(x, dates[c.name]!, true);
			default:
				return `vocab_${c.name}.canonical`;
		}
	};

	const problems: string[] = [];
	const problem = (c: ColumnSpec, condition: string, code: ProblemCode, withValue = true) =>
		problems.push(`CASE WHEN ${condition} THEN {'col': ${sqlString(c.name)}, 'code': '${code}', 'value': ${withValue ? raw(c) : 'NULL::VARCHAR'}} END`);
	const badCode: Partial<Record<ColumnSpec['type'], ProblemCode>> = {
		money: 'bad_number', decimal: 'bad_number', rate: 'bad_number', integer: 'bad_integer', date: 'bad_date', month: 'bad_month'
	};
	for (const c of mapped) {
		if (c.notNull) problem(c, `${raw(c)} IS NULL`, 'missing', false);
		const code = badCode[c.type];
		if (code) problem(c, `${raw(c)} IS NOT NULL AND v_${c.name} IS NULL`, code);
		if (c.type === 'rate') problem(c, `v_${c.name} NOT BETWEEN 0 AND 1`, 'out_of_range');
		// Outcomes and quote statuses drive figures: an unknown one is reported, never guessed.
		if (c.type === 'outcome' || c.type === 'quote_status') problem(c, `${raw(c)} IS NOT NULL AND v_${c.name} IS NULL`, 'unknown_value');
	}

	const derived = derivation(spec.kind, mapping);
	problems.push(...derived.problems);
	const stageOutcome = spec.kind === 'opportunities' && 'stage' in mapping;
	const vocabularyJoins = mapped
		.filter((c) => VOCABULARY_TYPES.has(c.type))
		.map((c) => `LEFT JOIN cartera_vocab vocab_${c.name} ON vocab_${c.name}.domain = '${c.type}' AND vocab_${c.name}.term = cartera_norm(${raw(c)})`);
	// The stage also tells the outcome (Closed Won, Ganada…) when the outcome column is absent or empty.
	if (stageOutcome)
		vocabularyJoins.push(`LEFT JOIN cartera_vocab vocab_stage_outcome ON vocab_stage_outcome.domain = 'outcome' AND vocab_stage_outcome.term = cartera_norm(r_stage)`);

	const typedColumns = spec.columns.map((c) => `${c.name in mapping ? `(${typed(c)})` : 'NULL'}::${SQL_TYPE[c.type]} AS v_${c.name}`);
	if (stageOutcome) typedColumns.push('vocab_stage_outcome.canonical AS stage_outcome');
	// Raw text of absent columns is NULL too, so derivations may refer to any r_*.
	const rawColumns = spec.columns.map((c) => `${c.name in mapping ? rawSql(c) : 'NULL::VARCHAR'} AS ${raw(c)}`);
	const finalColumns = storedColumns(spec).map((c) => `(${derived.columns[c.name] ?? `v_${c.name}`})::${SQL_TYPE[c.type]} AS ${c.name}`);

	await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(target)} AS
		WITH raw AS (
			SELECT rid, ${rawColumns.join(', ')} FROM ${sqlIdent(stage)}
		), typed AS (
			SELECT raw.*, ${typedColumns.join(', ')}
			FROM raw ${vocabularyJoins.join(' ')}
		)
		SELECT rid, ${spec.columns.map(raw).join(', ')}, ${finalColumns.join(', ')},
			list_filter([${problems.join(', ')}]::STRUCT(col VARCHAR, code VARCHAR, value VARCHAR)[], p -> p IS NOT NULL) AS problems
		FROM typed`);
	return { numbers, dates };
}
