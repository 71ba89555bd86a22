// Goals and attainment (docs/definitions.md "Goals", docs/contract.md targets), per scope: the
// revenue goal, the actual revenue and their ratio for each month and for the year to date, judged
// by the `targets` bands; with the new-clients, activated and quotes goals, their actuals from the
// figures that define them (activation's activated, quotes' issued; new clients: clients of the
// register created in the month). Revenue rows come from queries/targets.sql.
import type { Database } from '../db/database';
import { runQuery } from '../queries';
import { activation } from './activation';
import { lineParams } from './bind';
import { ParamError, type MetricParams } from './params';
import { monthEnd } from './period';
import { quotes } from './quotes';
import { judged, judge, type Settings, type Status } from './settings';

/** The scopes a goal can have: the whole portfolio or one value of a segment dimension. */
export const TARGET_SCOPES = ['total', 'account_manager', 'product_line', 'region', 'business_unit'] as const;
export type TargetScope = (typeof TARGET_SCOPES)[number];

export function targetScope(by: string | undefined): TargetScope {
	const scope = by ?? 'total';
	if (!(TARGET_SCOPES as readonly string[]).includes(scope)) throw new ParamError('by', 'param_choice', { name: 'by', expected: [...TARGET_SCOPES] });
	return scope as TargetScope;
}

/** A goal in counts (clients, quotes) and what was reached; null actual where the scope has no such figure. */
export interface CountGoal {
	goal: number;
	actual: number | null;
	attainment: number | null;
}

export interface TargetRow {
	month: string;
	/** The scope's value as the goal names it; null for the portfolio. */
	value: string | null;
	goal: number;
	actual: number;
	attainment: number | null;
	status: Status | null;
	goal_ytd: number;
	actual_ytd: number;
	attainment_ytd: number | null;
	status_ytd: Status | null;
	/** After as_of or the data's provisional month: shown, never judged. */
	partial: boolean;
	new_clients: CountGoal | null;
	activated: CountGoal | null;
	quotes: CountGoal | null;
}

/** A scope value's standing at the period's last month with a goal: the scorecard's row (a month's row without its count goals). */
export type TargetStanding = Omit<TargetRow, 'new_clients' | 'activated' | 'quotes'>;

export interface TargetsDocument {
	from: string;
	to: string;
	as_of: string;
	by: TargetScope;
	rows: TargetRow[];
	/** Each scope value at its latest month with a goal, best attainment first (then value). */
	ranking: TargetStanding[];
}

type Row = Omit<TargetRow, 'status' | 'status_ytd' | 'partial' | 'new_clients' | 'activated' | 'quotes'> & {
	new_clients_target: number | null;
	activated_target: number | null;
	quotes_target: number | null;
};

/** Dimensions whose value is a client attribute (the counts' scopes); product scopes have no client count. */
const CLIENT_SCOPES: TargetScope[] = ['total', 'account_manager', 'region'];

/** `target_counts: false`: the count goals' actuals are left null (alerts judge the revenue goal only). */
export async function targets(db: Database, p: MetricParams & { target_by?: TargetScope; target_counts?: false }, s: Settings): Promise<TargetsDocument> {
	const by = p.target_by ?? 'total';
	const rows = await runQuery<Row>(db, 'targets', { ...lineParams(p, s), target_dim: by });
	const [range] = await runQuery<{ provisional_month: string | null }>(db, 'data_range', {}, { always: true });
	const provisional = range?.provisional_month ?? null;
	const canJudge = judged(s, 'targets');
	const verdict = (x: number | null, partial: boolean) => (partial || !canJudge ? null : judge(x, s.thresholds.targets));
	const counts = await countActuals(db, p, s, by, p.target_counts === false ? [] : rows);
	const out: TargetRow[] = rows.map((r) => {
		const partial = monthEnd(r.month) > p.as_of || r.month === provisional;
		const c = counts.get(`${r.value ?? ''}|${r.month}`);
		const count = (goal: number | null, actual: number | null | undefined): CountGoal | null =>
			goal === null ? null : { goal, actual: actual ?? null, attainment: actual !== null && actual !== undefined && goal > 0 ? actual / goal : null };
		return {
			month: r.month,
			value: r.value,
			goal: r.goal,
			actual: r.actual,
			attainment: r.attainment,
			status: verdict(r.attainment, partial),
			goal_ytd: r.goal_ytd,
			actual_ytd: r.actual_ytd,
			attainment_ytd: r.attainment_ytd,
			status_ytd: verdict(r.attainment_ytd, partial),
			partial,
			new_clients: count(r.new_clients_target, c?.new_clients),
			activated: count(r.activated_target, c?.activated),
			quotes: count(r.quotes_target, c?.quotes)
		};
	});
	return { from: p.from, to: p.to, as_of: p.as_of, by, rows: out, ranking: standings(out) };
}

function standings(rows: TargetRow[]): TargetStanding[] {
	const latest = new Map<string, TargetRow>();
	// Rows are in month order: the last one stays; a value is the same scope whatever its case and spaces.
	for (const r of rows) latest.set((r.value ?? '').trim().toLowerCase(), r);
	return [...latest.values()]
		.map(({ value, month, goal, actual, attainment, status, goal_ytd, actual_ytd, attainment_ytd, status_ytd, partial }) => ({
			value, month, goal, actual, attainment, status, goal_ytd, actual_ytd, attainment_ytd, status_ytd, partial
		}))
		.sort((a, b) => (b.attainment ?? -1) - (a.attainment ?? -1) || (a.value ?? '').localeCompare(b.value ?? ''));
}

/**
 * The count actuals of the goals that set counts, per scope value and month, from the figures
 * that define them filtered to the scope value (one truth: the same numbers as Activación and
 * Embudo show for that filter). New clients and activated only for client scopes.
 */
async function countActuals(db: Database, p: MetricParams, s: Settings, by: TargetScope, rows: Row[]) {
	const out = new Map<string, { new_clients: number | null; activated: number | null; quotes: number | null }>();
	const wanted = rows.filter((r) => r.new_clients_target !== null || r.activated_target !== null || r.quotes_target !== null);
	const values = [...new Set(wanted.map((r) => r.value ?? ''))];
	for (const value of values) {
		const filters = by === 'total' ? p.filters : { ...p.filters, [by]: value };
		const params: MetricParams = { ...p, filters };
		const clientScope = CLIENT_SCOPES.includes(by);
		const [act, quo, created] = await db.readEach([
			() => (clientScope ? activation(db, params, s) : Promise.resolve(null)),
			() => quotes(db, params, s),
			() => (clientScope ? runQuery<{ month: string; n: number }>(db, 'target_new_clients', { ...lineParams(params, s) }) : Promise.resolve(null))
		] as const);
		for (const r of wanted.filter((w) => (w.value ?? '') === value))
			out.set(`${value}|${r.month}`, {
				activated: act?.months.find((m) => m.month === r.month)?.activated ?? (act ? 0 : null),
				quotes: quo.months.find((m) => m.month === r.month)?.issued ?? 0,
				new_clients: created ? (created.find((m) => m.month === r.month)?.n ?? 0) : null
			});
	}
	return out;
}

/** A goal in force, as Ajustes lists it (queries/target_list.sql). */
export interface GoalRow {
	month: string;
	dimension: TargetScope;
	value: string | null;
	revenue_target: number;
	new_clients_target: number | null;
	activated_target: number | null;
	quotes_target: number | null;
	/** Where it was last set: a loaded metas file or Ajustes. */
	source: 'file' | 'ajustes';
	changed_by: string | null;
	changed_at: string;
}

/** The goals in force, newest month first (at most 500). */
export async function goalList(db: Database): Promise<GoalRow[]> {
	return runQuery<GoalRow>(db, 'target_list', {});
}
