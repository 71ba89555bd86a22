// Judging a value against its bands: the one rule for every KPI status, used by the metrics layer
// (settings.ts re-exports it) and by the settings page to preview bands before they are saved.
// growth.sql applies the same rule to MoM growth in SQL (approve_at/observe_below/reject_below
// are approve/observe/reject of a higher-is-better band).

export interface Bands {
	/** "higher" is better (growth, accuracy) or "lower" is better (concentration). */
	direction: 'higher' | 'lower';
	/** For higher-is-better: value ≥ approve → approved; < reject → rejected; < observe → observed; else acceptable. */
	approve: number;
	observe: number;
	reject: number;
}

export interface GrowthThresholds {
	approve_at: number;
	observe_below: number;
	reject_below: number;
}

/** The segment a threshold was set for (a KPI's threshold_scope); null: the whole portfolio's. */
export type ThresholdScope = { dim: string; value: string } | null;

export type Status = 'approved' | 'acceptable' | 'observed' | 'rejected';

/** Each status's shape, so a status never rests on colour alone (StatusBadge, the ranking's cells). */
export const STATUS_ICONS: Record<Status, string> = { approved: '✓', acceptable: '●', observed: '▲', rejected: '✕' };

/**
 * A value against its bands. Higher is better: ≥ approve approved, < reject rejected, < observe
 * observed, else acceptable; lower is better: the mirror (≤ approve … > reject rejected).
 */
export function judge(value: number | null, bands: Bands): Status | null {
	if (value === null || Number.isNaN(value)) return null;
	if (bands.direction === 'higher') {
		if (value >= bands.approve) return 'approved';
		if (value < bands.reject) return 'rejected';
		if (value < bands.observe) return 'observed';
		return 'acceptable';
	}
	if (value <= bands.approve) return 'approved';
	if (value > bands.reject) return 'rejected';
	if (value > bands.observe) return 'observed';
	return 'acceptable';
}

/** Growth thresholds as the higher-is-better bands they are. */
export function growthBands(g: GrowthThresholds): Bands {
	return { direction: 'higher', approve: g.approve_at, observe: g.observe_below, reject: g.reject_below };
}
