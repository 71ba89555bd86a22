// Definition settings with the defaults of DESIGN.md §3 (management may change them in a later
// issue; until then these are the values every figure uses).
export interface Definitions {
	/** Activity window for "active", in days. */
	window_days: number;
	min_invoices: number;
	min_amount: number;
	/** Currency shown in the UI. */
	currency: string;
}

export const DEFAULT_DEFINITIONS: Definitions = {
	window_days: 365,
	min_invoices: 1,
	min_amount: 0,
	currency: 'Bs.'
};
