// Periods are whole months. The default is the last 12 complete months of the data: the month of
// the latest invoice line, unless it is the current calendar month (not over yet) or the data's
// provisional month (its lines end early, docs/definitions.md "Partial and provisional months";
// queries/data_range.sql names it only when a month before it is held), back 11 months.

export interface Period {
	/** YYYY-MM, inclusive. */
	from: string;
	to: string;
	/** YYYY-MM-DD, last day of `to` unless given. */
	as_of: string;
}

import { addMonths, monthEnd } from '../../months';

export { addMonths, monthEnd, monthStart } from '../../months';

export function defaultPeriod(lastDate: string, today: Date = new Date(), months = 12, provisionalMonth: string | null = null): Period {
	const current = today.toISOString().slice(0, 7);
	let to = lastDate.slice(0, 7);
	if (to === provisionalMonth) to = addMonths(to, -1);
	if (to >= current) to = addMonths(current, -1);
	const from = addMonths(to, -(months - 1));
	return { from, to, as_of: monthEnd(to) };
}
