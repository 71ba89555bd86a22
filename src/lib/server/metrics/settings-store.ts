// Changing settings (issue 7): every change is checked, then stored as a new row of `settings`
// with who made it, when and why, so the table is also the history. KPI bands and growth targets
// may apply to one segment (a dimension = value the filters select) and from a given month on;
// definitions (activity window, minimums, ABC cut-offs, currency, language) are global.
import { ensureWindowValues } from '../db/client-windows';
import type { Database } from '../db/database';
import { kpiUnit } from '../../kpi-units';
import { DIMENSIONS } from './params';
import { KPI_DEFAULTS, loadSettings, type Bands, type GrowthThresholds, type KpiId } from './settings';

export class SettingError extends Error {
	constructor(
		/** The field at fault, e.g. "approve" or "window_days". */
		readonly field: string,
		message: string,
		/** What is wrong with a band limit, for the page to say in its language: not a number, out of range, out of order. */
		readonly code: 'number' | 'range' | 'order' | null = null,
		/** The range a limit must fall in (code 'range'). */
		readonly limits: [number, number] | null = null
	) {
		super(message);
		this.name = 'SettingError';
	}
}

export interface SettingChange {
	key: string;
	value: unknown;
	scope?: { dimension: string; value: string } | null;
	/** YYYY-MM: in force from this month on (earlier months keep the value before). */
	effective_from?: string | null;
	by?: string | null;
	comment?: string | null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** The segment dimensions a goal can be set for (metrics/targets.ts TARGET_SCOPES but the portfolio). */
const GOAL_DIMENSIONS = ['account_manager', 'product_line', 'region', 'business_unit'];
/** The range of a KPI's bands by what it measures (lib/kpi-units.ts); attainment may pass 100 %: 0 to 1 000 %. */
function bandRange(kpi: KpiId): [number, number] {
	if (kpi === 'targets') return [0, 10];
	return { share: [0, 1], change: [-1, 10], points: [0, 10_000], count: [0, 1_000_000], money: [0, 1e13] }[kpiUnit(kpi)] as [number, number];
}

function kpiOf(key: string): KpiId | null {
	const [head, kpi] = key.split('.');
	return head === 'thresholds' && kpi && kpi in KPI_DEFAULTS ? (kpi as KpiId) : null;
}

function finite(value: unknown, field: string): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) throw new SettingError(field, `${field} must be a number.`, 'number');
	return value;
}

function integer(value: unknown, field: string, min: number, max: number): number {
	const n = finite(value, field);
	if (!Number.isInteger(n) || n < min || n > max) throw new SettingError(field, `${field} must be a whole number from ${min} to ${max}.`);
	return n;
}

/**
 * The limit out of order, if any: the one that crosses the limit before it (observe crossing
 * approve, else reject crossing observe), so the message sits on the field the user got wrong.
 */
function outOfOrder(direction: 'higher' | 'lower', approve: number, observe: number, reject: number): 'observe' | 'reject' | null {
	const sign = direction === 'higher' ? 1 : -1;
	if (sign * (approve - observe) < 0) return 'observe';
	if (sign * (observe - reject) < 0) return 'reject';
	return null;
}

function checkBands(kpi: KpiId, value: unknown): Bands {
	const b = (value ?? {}) as Partial<Bands>;
	if (b.direction !== KPI_DEFAULTS[kpi].direction)
		throw new SettingError('direction', `direction must be "${KPI_DEFAULTS[kpi].direction}" for ${kpi} (${KPI_DEFAULTS[kpi].direction} is better).`);
	const [lo, hi] = bandRange(kpi);
	const bands = { direction: b.direction, approve: finite(b.approve, 'approve'), observe: finite(b.observe, 'observe'), reject: finite(b.reject, 'reject') };
	for (const field of ['approve', 'observe', 'reject'] as const)
		if (bands[field] < lo || bands[field] > hi) throw new SettingError(field, `${field} must be between ${lo} and ${hi}.`, 'range', [lo, hi]);
	const wrong = outOfOrder(b.direction, bands.approve, bands.observe, bands.reject);
	if (wrong) throw new SettingError(wrong, b.direction === 'higher' ? 'Higher is better: approve ≥ observe ≥ reject.' : 'Lower is better: approve ≤ observe ≤ reject.', 'order');
	return bands;
}

function checkGrowth(value: unknown): GrowthThresholds {
	const g = (value ?? {}) as Partial<GrowthThresholds>;
	const t = { approve_at: finite(g.approve_at, 'approve_at'), observe_below: finite(g.observe_below, 'observe_below'), reject_below: finite(g.reject_below, 'reject_below') };
	for (const [field, v] of Object.entries(t)) if (v < -1 || v > 10) throw new SettingError(field, `${field} must be between -100 % and 1 000 %.`, 'range', [-1, 10]);
	const wrong = outOfOrder('higher', t.approve_at, t.observe_below, t.reject_below);
	if (wrong) throw new SettingError(`${wrong}_below`, 'approve_at ≥ observe_below ≥ reject_below.', 'order');
	return t;
}

/** Stage → probability (0–1), stages as the export writes them (up to 200 characters, 100 stages). */
function checkStageProbabilities(value: unknown): Record<string, number> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SettingError('stage_probabilities', 'stage_probabilities must map each stage to a probability.');
	const entries = Object.entries(value as Record<string, unknown>);
	if (entries.length > 100) throw new SettingError('stage_probabilities', 'At most 100 stages.');
	const out: Record<string, number> = {};
	for (const [stage, p] of entries) {
		if (stage.trim() === '' || stage.length > 200) throw new SettingError('stage_probabilities', 'A stage needs a name of up to 200 characters.');
		const n = finite(p, 'stage_probabilities');
		if (n < 0 || n > 1) throw new SettingError('stage_probabilities', `The probability of "${stage.slice(0, 40)}" must be between 0 and 1.`);
		out[stage.trim()] = n;
	}
	return out;
}

/** A goal (issue 16): its revenue amount and, when given, whole counts of new clients, activated clients and quotes. */
export interface GoalValue {
	revenue_target: number;
	new_clients_target?: number | null;
	activated_target?: number | null;
	quotes_target?: number | null;
}

function checkGoal(value: unknown): GoalValue {
	const g = (value ?? {}) as Partial<GoalValue>;
	const revenue = finite(g.revenue_target, 'revenue_target');
	if (revenue < 0 || revenue > 1e13) throw new SettingError('revenue_target', 'revenue_target must be 0 or more.');
	const out: GoalValue = { revenue_target: Math.round(revenue * 100) / 100 };
	for (const field of ['new_clients_target', 'activated_target', 'quotes_target'] as const)
		if (g[field] !== undefined && g[field] !== null) out[field] = integer(g[field], field, 0, 1_000_000);
	return out;
}

/** The value as it will be stored, or a SettingError naming the field at fault. */
export function checkSetting(key: string, value: unknown): unknown {
	const kpi = kpiOf(key);
	if (kpi) return checkBands(kpi, value);
	switch (key) {
		case 'growth':
			return checkGrowth(value);
		case 'goal':
			return checkGoal(value);
		case 'window_days':
			return integer(value, key, 1, 3650);
		case 'min_invoices':
			return integer(value, key, 1, 1000);
		case 'min_amount': {
			const n = finite(value, key);
			if (n < 0) throw new SettingError(key, 'min_amount must be 0 or more.');
			return n;
		}
		case 'abc_a':
		case 'abc_b': {
			const n = finite(value, key);
			if (n <= 0 || n >= 1) throw new SettingError(key, `${key} must be between 0 and 1 (a share).`);
			return n;
		}
		case 'currency':
			if (typeof value !== 'string' || !/^[^\p{Cc}]{1,12}$/u.test(value.trim()))
				throw new SettingError(key, 'currency must be 1 to 12 characters, e.g. "Bs." or "USD".');
			return value.trim();
		case 'activation_event':
			if (value !== 'invoice' && value !== 'formalised') throw new SettingError(key, 'activation_event must be "invoice" or "formalised".');
			return value;
		case 'stale_days':
			return integer(value, key, 1, 3650);
		case 'stage_probabilities':
			return checkStageProbabilities(value);
		case 'default_lang':
			if (value !== 'es' && value !== 'en') throw new SettingError(key, 'default_lang must be "es" or "en".');
			return value;
		default:
			throw new SettingError('key', `Unknown setting "${key.slice(0, 40)}".`);
	}
}

/** Checks a change (value, scope, month, the ABC pair) and stores it as a new row. */
export async function saveSetting(db: Database, change: SettingChange): Promise<void> {
	const value = checkSetting(change.key, change.value);
	const scoped = change.scope ?? null;
	const isTarget = change.key === 'growth' || change.key === 'goal' || kpiOf(change.key) !== null;
	// A goal is for one month (effective_from) and a scope: the portfolio (no scope) or a goal dimension.
	if (change.key === 'goal' && !change.effective_from) throw new SettingError('effective_from', 'A goal needs its month (YYYY-MM).');
	if (change.key === 'goal' && scoped && !GOAL_DIMENSIONS.includes(scoped.dimension))
		throw new SettingError('scope', `A goal is for the portfolio or one ${GOAL_DIMENSIONS.join(', ')}.`);
	if ((scoped || change.effective_from) && !isTarget)
		throw new SettingError('scope', `${change.key} is a definition: it applies to every segment and month.`);
	if (scoped && !(DIMENSIONS as readonly string[]).includes(scoped.dimension)) throw new SettingError('scope', `Unknown dimension "${scoped.dimension.slice(0, 40)}".`);
	if (scoped && (typeof scoped.value !== 'string' || scoped.value === '' || scoped.value.length > 200))
		throw new SettingError('scope', 'The segment needs a value (up to 200 characters).');
	if (change.effective_from && !MONTH.test(change.effective_from)) throw new SettingError('effective_from', 'effective_from must be a month as YYYY-MM.');
	if (change.key === 'abc_a' || change.key === 'abc_b') {
		const current = await loadSettings(db);
		const a = change.key === 'abc_a' ? (value as number) : current.abc_a;
		const b = change.key === 'abc_b' ? (value as number) : current.abc_b;
		if (a >= b) throw new SettingError(change.key, `The A cut-off (${a}) must be below the B cut-off (${b}).`);
	}
	const comment = change.comment?.trim().slice(0, 500) || null;
	await db.run(
		`INSERT INTO settings (key, value, scope_dim, scope_value, effective_from, updated_by, comment) VALUES ($1, $2::JSON, $3, $4, $5, $6, $7)`,
		[change.key, JSON.stringify(value), scoped?.dimension ?? null, scoped?.value ?? null, change.effective_from ?? null, change.by ?? null, comment]
	);
	// Activation's stored windows (client_window_values) are for one window: rebuilt for the new one.
	if (change.key === 'window_days') await ensureWindowValues(db);
}

export interface SettingHistoryRow {
	key: string;
	scope_dim: string | null;
	scope_value: string | null;
	effective_from: string | null;
	/** JSON text; null for the first change of a key, scope and month (the default was in force). */
	old_value: string | null;
	new_value: string;
	updated_by: string | null;
	updated_at: string;
	comment: string | null;
}

/** Every change, newest first, with the value it replaced for the same key, scope and month. */
export async function settingsHistory(db: Database): Promise<SettingHistoryRow[]> {
	return db.all<SettingHistoryRow>(`
		SELECT key, scope_dim, scope_value, effective_from,
			lag(value::VARCHAR) OVER (PARTITION BY key, scope_dim, scope_value, effective_from ORDER BY updated_at, rowid) AS old_value,
			value::VARCHAR AS new_value, updated_by, strftime(updated_at, '%Y-%m-%d %H:%M:%S') AS updated_at, comment
		FROM settings
		ORDER BY settings.updated_at DESC, rowid DESC`);
}

export interface SettingRule {
	key: string;
	scope_dim: string | null;
	scope_value: string | null;
	effective_from: string | null;
	value: string;
	updated_by: string | null;
	updated_at: string;
}

/** The value in force for each key, scope and starting month (the latest change of each). */
export async function settingRules(db: Database): Promise<SettingRule[]> {
	return db.all<SettingRule>(`
		SELECT key, scope_dim, scope_value, effective_from, value::VARCHAR AS value, updated_by,
			strftime(updated_at, '%Y-%m-%d %H:%M') AS updated_at
		FROM settings
		QUALIFY row_number() OVER (PARTITION BY key, scope_dim, scope_value, effective_from ORDER BY updated_at DESC, rowid DESC) = 1
		ORDER BY key, scope_dim NULLS FIRST, scope_value, effective_from NULLS FIRST`);
}
