// The activation document (docs/contract.md), from queries/activation.sql (the figure's one home):
// its first row is the document's period, the others each month of it as its own period.
import type { Database } from '../db/database';
import { runQuery } from '../queries';
import { lineParams } from './bind';
import type { MetricParams } from './params';
import type { Settings } from './settings';

export interface ActivationMonth {
	month: string;
	activation_rate: number | null;
	prospect_conversion_rate: number | null;
	activated: number;
	/**
	 * The month's activation variants (as the document's `variants`, at the month's last day): clients
	 * active by minimum amount only and by minimum number of invoices only, and their rates over
	 * clients_total; by both is activation_rate.
	 */
	active_by_amount: number;
	active_by_frequency: number;
	rate_by_amount: number | null;
	rate_by_frequency: number | null;
	/** After as_of, or the data's provisional month: shown, never judged. */
	partial: boolean;
}

export interface ActivationDocument {
	as_of: string;
	/** Clients of the clients table (after the client filters). */
	clients_total: number;
	active: number;
	inactive: number;
	potential: number;
	activation_rate: number | null;
	prospects_exposed: number;
	activated_in_period: number;
	prospect_conversion_rate: number | null;
	median_days_to_activation: number | null;
	months: ActivationMonth[];
	/**
	 * The rate by minimum amount only, by minimum number of invoices only, and by both (the status
	 * rule, = activation_rate), each with the setting it applies (docs/definitions.md "Activation").
	 */
	variants: ActivationVariants;
}

export interface ActivationVariant {
	active: number;
	rate: number | null;
	min_amount: number | null;
	min_invoices: number | null;
}

export interface ActivationVariants {
	amount: ActivationVariant;
	frequency: ActivationVariant;
	both: ActivationVariant;
}

/** A row of queries/activation.sql: ord 0 is the document's period, ord 1…n its months. */
type Row = Omit<ActivationDocument, 'as_of' | 'activated_in_period' | 'months' | 'variants'> & {
	ord: number;
	month: string | null;
	activated: number;
	partial: boolean;
	active_by_amount: number;
	active_by_frequency: number;
	rate_by_amount: number | null;
	rate_by_frequency: number | null;
};

export async function activation(db: Database, p: MetricParams, s: Settings): Promise<ActivationDocument> {
	return documentOf(await activationRows(db, p, s), p, s);
}

/** activation.sql's rows, bound with every figure's parameters and what activates a prospect (only it and its list read that). */
function activationRows(db: Database, p: MetricParams, s: Settings): Promise<Row[]> {
	return runQuery<Row>(db, 'activation', { ...lineParams(p, s), activation_event: s.activation_event });
}

function variantsOf(r: Row, s: Settings): ActivationVariants {
	return {
		amount: { active: r.active_by_amount, rate: r.rate_by_amount, min_amount: s.min_amount, min_invoices: null },
		frequency: { active: r.active_by_frequency, rate: r.rate_by_frequency, min_amount: null, min_invoices: s.min_invoices },
		both: { active: r.active, rate: r.activation_rate, min_amount: s.min_amount, min_invoices: s.min_invoices }
	};
}

function monthOf(m: Row): ActivationMonth {
	return {
		month: m.month!,
		activation_rate: m.activation_rate,
		prospect_conversion_rate: m.prospect_conversion_rate,
		activated: m.activated,
		active_by_amount: m.active_by_amount,
		active_by_frequency: m.active_by_frequency,
		rate_by_amount: m.rate_by_amount,
		rate_by_frequency: m.rate_by_frequency,
		partial: m.partial
	};
}

function documentOf(rows: Row[], p: MetricParams, s: Settings): ActivationDocument {
	const [period, ...months] = rows;
	const r = period!;
	return {
		as_of: p.as_of,
		clients_total: r.clients_total,
		active: r.active,
		inactive: r.inactive,
		potential: r.potential,
		activation_rate: r.activation_rate,
		prospects_exposed: r.prospects_exposed,
		activated_in_period: r.activated,
		prospect_conversion_rate: r.prospect_conversion_rate,
		median_days_to_activation: r.median_days_to_activation,
		months: months.map(monthOf),
		variants: variantsOf(r, s)
	};
}

/**
 * A month of the period as its own period (as_of = its last day), with the status counts the
 * document's months leave out: active + inactive + potential = clients_total.
 */
export type ActivationSeriesRow = ActivationMonth & Pick<ActivationDocument, 'clients_total' | 'active' | 'inactive' | 'potential'>;

function seriesOf(rows: Row[]): ActivationSeriesRow[] {
	return rows
		.filter((r) => r.ord > 0)
		.map((r) => ({ ...monthOf(r), clients_total: r.clients_total, active: r.active, inactive: r.inactive, potential: r.potential }));
}

/** The monthly rows of queries/activation.sql (ord 1…n), status counts included. */
export async function activationSeries(db: Database, p: MetricParams, s: Settings): Promise<ActivationSeriesRow[]> {
	return seriesOf(await activationRows(db, p, s));
}

/** The document and its monthly rows from one run of the query (the dashboard needs both). */
export async function activationWithSeries(
	db: Database,
	p: MetricParams,
	s: Settings
): Promise<{ document: ActivationDocument; series: ActivationSeriesRow[] }> {
	const rows = await activationRows(db, p, s);
	return { document: documentOf(rows, p, s), series: seriesOf(rows) };
}
