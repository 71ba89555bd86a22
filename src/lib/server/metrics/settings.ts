// Definitions and KPI thresholds. Defaults and their meaning: docs/definitions.md; a row of
// the settings table (key → JSON value) overrides one. Every figure reads them from here.
import { judge, type Bands, type GrowthThresholds, type Status, type ThresholdScope } from '../../thresholds';
import type { Database } from '../db/database';
import { storedWindowDays } from '../db/stored-window';

export { judge, type Bands, type GrowthThresholds, type Status } from '../../thresholds';

export interface Settings {
	/** Activity window for "active", in days (docs/definitions.md "Client status"). */
	window_days: number;
	min_invoices: number;
	min_amount: number;
	/**
	 * What activates a prospect (docs/definitions.md "Activation"): its first purchase ('invoice'),
	 * or the first of a purchase, a won opportunity and an accepted quote ('formalised').
	 */
	activation_event: ActivationEvent;
	/** ABC cut-offs on the cumulative share before a client (80/15/5, R inventorize::ABC default). */
	abc_a: number;
	abc_b: number;
	currency: string;
	/** Days without a change after which an open opportunity is stale (docs/definitions.md "Open and weighted pipeline"). */
	stale_days: number;
	/** A stage's probability for records without one, by stage as written; other stages take queries/stage_probability.sql's default. */
	stage_probabilities: Record<string, number>;
	/** Monthly growth (MoM), the ERP procedure's rule: ≥ 10 % approved, < 5 % observed, < 0 % rejected. */
	growth: GrowthThresholds;
	/**
	 * The growth thresholds in force month by month (management may set a new target from a given
	 * month on): each applies from its month (null: from the start) until the next one. `growth`
	 * is the one in force at the period's last month.
	 */
	growth_rules: (GrowthThresholds & { from: string | null; scope: ThresholdScope })[];
	/** The interface language for a visitor who has not chosen one. */
	default_lang: 'es' | 'en';
	/** Bands of the other KPIs (see KPI_DEFAULTS for where each default comes from). */
	thresholds: Record<KpiId, Bands>;
	/**
	 * Where each KPI's bands (and growth's, in force at the last month) come from: a row scoped to
	 * a segment the filters select, the portfolio's (a global row) or the defaults.
	 */
	threshold_sources: Record<KpiId | 'growth', ThresholdSource>;
	/** Whether any filter is in force (a verdict then needs a threshold scoped to the segment). */
	filtered: boolean;
	/**
	 * Not a setting: whether the stored status windows at month ends (client_window_values,
	 * db/client-windows.ts) were built for window_days, so that the figures may read them.
	 */
	stored_windows: boolean;
}

export type { ThresholdScope };
export type ThresholdSource = { kind: 'segment'; dim: string; value: string } | { kind: 'portfolio' } | { kind: 'default' };

export const scopeOf = (source: ThresholdSource): ThresholdScope => (source.kind === 'segment' ? { dim: source.dim, value: source.value } : null);

/**
 * Whether a figure is judged (docs/definitions.md "KPIs and thresholds"): always without filters;
 * under filters only against a threshold set for a segment they select, never the portfolio's.
 */
export function judged(s: Pick<Settings, 'filtered' | 'threshold_sources'>, id: KpiId | 'growth'): boolean {
	return judgedBy(s.filtered, scopeOf(s.threshold_sources[id]));
}

/** The same rule for a threshold of known scope (a growth rule in force at one month). */
export function judgedBy(filtered: boolean, scope: ThresholdScope): boolean {
	return !filtered || scope !== null;
}

/** What a page needs to show a figure's verdict or say why it has none (features/shared/verdict.ts). */
export interface Verdict {
	judged: boolean;
	filtered: boolean;
	scope: ThresholdScope;
}

export function verdictOf(s: Pick<Settings, 'filtered' | 'threshold_sources'>, id: KpiId | 'growth'): Verdict {
	return { judged: judged(s, id), filtered: s.filtered, scope: scopeOf(s.threshold_sources[id]) };
}

/** A KPI's status for these settings: its bands' verdict, or null when judged() says no. */
export function judgeKpi(s: Settings, id: KpiId, value: number | null): Status | null {
	return judged(s, id) ? judge(value, s.thresholds[id]) : null;
}

export const ACTIVATION_EVENTS = ['invoice', 'formalised'] as const;
export type ActivationEvent = (typeof ACTIVATION_EVENTS)[number];

export type KpiId =
	| 'activation_rate'
	| 'top10_share'
	| 'hhi'
	| 'forecast_accuracy'
	| 'quote_hit_rate'
	| 'targets'
	| 'quotes_per_month'
	| 'prospect_size'
	| 'repeat_rate'
	| 'prospect_conversion_rate'
	| 'win_rate';

/**
 * Defaults of the KPI bands. HHI: US merger guidelines as a reference for customer concentration
 * (an analogy, docs/definitions.md "KPIs and thresholds"): ≤ 1 000 unconcentrated (DOJ), ≤ 1 500
 * the 2010 guidelines' unconcentrated limit, ≤ 1 800 moderately concentrated (2023), above highly
 * concentrated. The others have no published norm: they are starting points management is
 * expected to set (issue 7): activation ≥ 60 % of the register buying, top-10 ≤ 30 % of revenue,
 * forecast accuracy (1 − WAPE) ≥ 90 %, quote hit rate ≥ 40 %. The commercial process's indicators
 * (issue 15) likewise: about one quote a working day (≈ 20 a month), a prospect worth 10 000 a year
 * in the data's currency (a placeholder: money depends on the market), 60 % of buyers buying
 * again, 20 % of exposed prospects converting in the period, 30 % of decided bids won.
 */
export const KPI_DEFAULTS: Record<KpiId, Bands> = {
	activation_rate: { direction: 'higher', approve: 0.6, observe: 0.4, reject: 0.25 },
	top10_share: { direction: 'lower', approve: 0.3, observe: 0.4, reject: 0.5 },
	hhi: { direction: 'lower', approve: 1000, observe: 1500, reject: 1800 },
	forecast_accuracy: { direction: 'higher', approve: 0.9, observe: 0.85, reject: 0.75 },
	quote_hit_rate: { direction: 'higher', approve: 0.4, observe: 0.3, reject: 0.2 },
	// Goals' attainment (DESIGN.md §3 "Goals"): ≥ 100 % approved, < 90 % observed, < 75 % rejected.
	targets: { direction: 'higher', approve: 1, observe: 0.9, reject: 0.75 },
	quotes_per_month: { direction: 'higher', approve: 20, observe: 10, reject: 5 },
	prospect_size: { direction: 'higher', approve: 10000, observe: 5000, reject: 2000 },
	repeat_rate: { direction: 'higher', approve: 0.6, observe: 0.45, reject: 0.3 },
	prospect_conversion_rate: { direction: 'higher', approve: 0.2, observe: 0.1, reject: 0.05 },
	win_rate: { direction: 'higher', approve: 0.3, observe: 0.2, reject: 0.1 }
};

export const DEFAULT_SETTINGS: Settings = {
	window_days: 365,
	min_invoices: 1,
	min_amount: 0,
	activation_event: 'invoice',
	abc_a: 0.8,
	abc_b: 0.95,
	currency: 'Bs.',
	stale_days: 60,
	stage_probabilities: {},
	growth: { approve_at: 0.1, observe_below: 0.05, reject_below: 0 },
	growth_rules: [{ from: null, approve_at: 0.1, observe_below: 0.05, reject_below: 0, scope: null }],
	default_lang: 'es',
	thresholds: KPI_DEFAULTS,
	threshold_sources: {
		growth: { kind: 'default' },
		activation_rate: { kind: 'default' },
		top10_share: { kind: 'default' },
		hhi: { kind: 'default' },
		forecast_accuracy: { kind: 'default' },
		quote_hit_rate: { kind: 'default' },
		targets: { kind: 'default' },
		quotes_per_month: { kind: 'default' },
		prospect_size: { kind: 'default' },
		repeat_rate: { kind: 'default' },
		prospect_conversion_rate: { kind: 'default' },
		win_rate: { kind: 'default' }
	},
	filtered: false,
	stored_windows: false
};

function sourceOf(row: SettingRow | undefined): ThresholdSource {
	if (!row) return { kind: 'default' };
	return row.scope_dim !== null && row.scope_value !== null ? { kind: 'segment', dim: row.scope_dim, value: row.scope_value } : { kind: 'portfolio' };
}

/** Where the figures are computed: the filters in force and the period's last month. */
export interface SettingScope {
	filters?: Partial<Record<string, string>>;
	/** YYYY-MM. Without it, the values in force from the latest month on. */
	month?: string;
}

interface SettingRow {
	key: string;
	value: string;
	scope_dim: string | null;
	scope_value: string | null;
	effective_from: string | null;
}

/**
 * The value of a key for a scope and month: among the rows that apply (global, or for a segment
 * the filters select; effective from that month or earlier), one for a segment wins over a global
 * one, then the latest effective month. Rows are the latest per key, scope and month already.
 */
function valueAt(rows: SettingRow[], scope: SettingScope, month: string | undefined): SettingRow | undefined {
	const fits = rows.filter(
		(r) =>
			(r.scope_dim === null || (r.scope_value !== null && scope.filters?.[r.scope_dim] === r.scope_value)) &&
			(r.effective_from === null || month === undefined || r.effective_from <= month)
	);
	const rank = (r: SettingRow) => `${r.scope_dim === null ? 0 : 1}|${r.effective_from ?? ''}`;
	return fits.sort((a, b) => (rank(a) < rank(b) ? 1 : rank(a) > rank(b) ? -1 : 0))[0];
}

/** The settings in force for a scope (the defaults where no row applies). */
export async function loadSettings(db: Database, scope: SettingScope = {}): Promise<Settings> {
	// Read on every request and figure (pages, API, the language hook, the CLI): cached, with or
	// without the result cache, until any change of the data (a new row here included).
	const rows = await db.cachedAll<SettingRow>(
		'settings',
		`SELECT key, value::VARCHAR AS value, scope_dim, scope_value, effective_from FROM settings
		QUALIFY row_number() OVER (PARTITION BY key, scope_dim, scope_value, effective_from ORDER BY updated_at DESC, rowid DESC) = 1`,
		undefined,
		{ always: true }
	);
	const settings: Settings = structuredClone(DEFAULT_SETTINGS);
	settings.filtered = Object.values(scope.filters ?? {}).some((v) => v !== undefined && v !== null && v !== '');
	const byKey = new Map<string, SettingRow[]>();
	for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
	for (const [key, keyRows] of byKey) {
		const row = valueAt(keyRows, scope, scope.month);
		if (!row) continue;
		// "thresholds.hhi" overrides one KPI's bands; other keys a whole setting.
		const [head, kpi] = key.split('.');
		if (head === 'thresholds' && kpi && kpi in settings.thresholds) {
			settings.thresholds[kpi as KpiId] = JSON.parse(row.value) as Bands;
			settings.threshold_sources[kpi as KpiId] = sourceOf(row);
		} else if (key === 'growth') {
			settings.growth = JSON.parse(row.value) as GrowthThresholds;
			settings.threshold_sources.growth = sourceOf(row);
		} else if (key in settings) (settings as unknown as Record<string, unknown>)[key] = JSON.parse(row.value);
	}
	const growthRows = byKey.get('growth') ?? [];
	const starts = [...new Set(growthRows.flatMap((r) => (r.effective_from ? [r.effective_from] : [])))].sort();
	const growthAt = (month: string | undefined): GrowthThresholds & { scope: ThresholdScope } => {
		const row = valueAt(growthRows, scope, month);
		return { ...(row ? (JSON.parse(row.value) as GrowthThresholds) : DEFAULT_SETTINGS.growth), scope: scopeOf(sourceOf(row)) };
	};
	// Before the first dated row ('0000-00' excludes every dated one), then from each start on.
	settings.growth_rules = [{ from: null, ...growthAt('0000-00') }, ...starts.map((from) => ({ from, ...growthAt(from) }))];
	settings.stored_windows = (await storedWindowDays(db)) === settings.window_days;
	return settings;
}
