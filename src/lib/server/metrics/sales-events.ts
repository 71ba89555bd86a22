// The four sales events (docs/definitions.md "The four sales events", docs/contract.md sales_events):
// all four from queries/sales_events.sql, one pass over the lines. Higher volume is retention's
// expansion (its clients and bridge bar) against the same comparison months as the retention
// document (p.compare): both documents read cartera_retention_figures (retention_figures.sql), so
// the two pages cannot disagree.
import type { Database } from '../db/database';
import { runQuery } from '../queries';
import { lineParams } from './bind';
import type { MetricParams } from './params';
import { comparisonDates, previousPeriod } from './retention';
import type { Settings } from './settings';

export interface SalesEvent {
	clients: number;
	/** Money, cents: the event's revenue in the period (expansion: the increase over P0). */
	amount: number;
}

export interface SalesEventsDocument {
	from: string;
	to: string;
	/** The comparison months higher volume is measured against. */
	previous: { from: string; to: string };
	/** Clients with a positive line in the period. */
	buyers: number;
	repeat: SalesEvent;
	expansion: SalesEvent;
	cross_sell: SalesEvent & { product_lines: number };
	first_purchase: SalesEvent;
}

interface Row {
	buyers: number;
	repeat_clients: number;
	repeat_amount: number;
	first_clients: number;
	first_amount: number;
	cross_sell_clients: number;
	cross_sell_amount: number;
	cross_sell_lines: number;
	expanded: number;
	bridge_expansion: number;
}

export async function salesEvents(db: Database, p: MetricParams, s: Settings): Promise<SalesEventsDocument> {
	const previous = previousPeriod(p.from, p.to, p.compare);
	const [row] = await runQuery<Row>(db, 'sales_events', { ...lineParams(p, s), ...comparisonDates(p) });
	const x = row!;
	return {
		from: p.from,
		to: p.to,
		previous,
		buyers: x.buyers,
		repeat: { clients: x.repeat_clients, amount: x.repeat_amount },
		expansion: { clients: x.expanded, amount: x.bridge_expansion },
		cross_sell: { clients: x.cross_sell_clients, amount: x.cross_sell_amount, product_lines: x.cross_sell_lines },
		first_purchase: { clients: x.first_clients, amount: x.first_amount }
	};
}
