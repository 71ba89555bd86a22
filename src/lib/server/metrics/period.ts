// Periods are whole months. The default is the last 12 complete months of the data: the month of
// the latest invoice line, unless it is the current calendar month (not over yet), back 11 months.

export interface Period {
	/** YYYY-MM, inclusive. */
	from: string;
	to: string;
	/** YYYY-MM-DD, last day of `to` unless given. */
	as_of: string;
}

import { addMonths, monthEnd } from '../../months';

export { addMonths, monthEnd, monthStart } from '../../months';

export function defaultPeriod(lastDate: string, today: Date = new Date(), months = 12): Period {
	const current = today.toISOString().slice(0, 7);
	let to = lastDate.slice(0, 7);
	if (to >= current) to = addMonths(current, -1);
	const from = addMonths(to, -(months - 1));
	return { from, to, as_of: monthEnd(to) };
}
