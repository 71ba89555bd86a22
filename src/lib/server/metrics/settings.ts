// Definitions and KPI thresholds. Defaults come from DESIGN.md and the sources it cites; a row of
// the settings table (key → JSON value) overrides one. Every figure reads them from here.
import type { Database } from '../db/database';

export interface Bands {
	/** "higher" is better (growth, accuracy) or "lower" is better (concentration). */
	direction: 'higher' | 'lower';
	/** For higher-is-better: value ≥ approve → approved; < reject → rejected; < observe → observed; else acceptable. */
	approve: number;
	observe: number;
	reject: number;
}

export interface Settings {
	/** Activity window for "active", in days (DESIGN.md §3 Status). */
	window_days: number;
	min_invoices: number;
	min_amount: number;
	/** ABC cut-offs on the cumulative share before a client (80/15/5, R inventorize::ABC default). */
	abc_a: number;
	abc_b: number;
	currency: string;
	/** Monthly growth (MoM), the ERP procedure's rule: ≥ 10 % approved, < 5 % observed, < 0 % rejected. */
	growth: { approve_at: number; observe_below: number; reject_below: number };
}

export const DEFAULT_SETTINGS: Settings = {
	window_days: 365,
	min_invoices: 1,
	min_amount: 0,
	abc_a: 0.8,
	abc_b: 0.95,
	currency: 'Bs.',
	growth: { approve_at: 0.1, observe_below: 0.05, reject_below: 0 }
};

export async function loadSettings(db: Database): Promise<Settings> {
	const rows = await db.all<{ key: string; value: string }>(
		`SELECT key, value::VARCHAR AS value FROM settings QUALIFY row_number() OVER (PARTITION BY key ORDER BY updated_at DESC) = 1`
	);
	const settings: Settings = structuredClone(DEFAULT_SETTINGS);
	for (const { key, value } of rows) if (key in settings) (settings as unknown as Record<string, unknown>)[key] = JSON.parse(value);
	return settings;
}
