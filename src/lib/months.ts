// Month arithmetic on 'YYYY-MM' keys, in UTC so no time zone can shift a month. Shared by the
// server core (period.ts) and the browser (filter bar presets).

export function monthStart(month: string): string {
	return `${month}-01`;
}

export function monthEnd(month: string): string {
	const [y, m] = month.split('-').map(Number) as [number, number];
	const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return `${month}-${String(last).padStart(2, '0')}`;
}

export function addMonths(month: string, n: number): string {
	const [y, m] = month.split('-').map(Number) as [number, number];
	const d = new Date(Date.UTC(y, m - 1 + n, 1));
	return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to`, both included (0 when `to` is before `from`). */
export function monthCount(from: string, to: string): number {
	const [fy, fm] = from.split('-').map(Number) as [number, number];
	const [ty, tm] = to.split('-').map(Number) as [number, number];
	return Math.max(0, (ty - fy) * 12 + (tm - fm) + 1);
}

/** Every month from `from` to `to`, oldest first. */
export function monthRange(from: string, to: string): string[] {
	return Array.from({ length: monthCount(from, to) }, (_, i) => addMonths(from, i));
}

/** What a period is compared with: the same number of months just before it, or the same months a year earlier. */
export type Compare = 'previous' | 'year';

/** The comparison months (docs/definitions.md "Comparison periods"), one rule for the pages and the figures. */
export function comparisonPeriod(from: string, to: string, compare: Compare): { from: string; to: string } {
	if (compare === 'year') return { from: addMonths(from, -12), to: addMonths(to, -12) };
	const n = monthCount(from, to);
	return { from: addMonths(from, -n), to: addMonths(from, -1) };
}
