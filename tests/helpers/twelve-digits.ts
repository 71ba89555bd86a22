// Comparing a figure's document computed from two sources of the same data (a database and its
// Parquet export, tests/db/parquet-export.test.ts).

/**
 * Every number to 12 significant digits: amounts up to 10 000 000 000 stay exact to the cent (the
 * demo's largest is under 100 000 000). What it hides is a DOUBLE average's last bit: DuckDB adds
 * the months of a ratio (forecast's mape) in the order its threads read them, and 36 files are
 * read in another order than one table (0.049431611138049426 or …942, on the same files).
 */
export function toTwelveDigits(value: unknown): unknown {
	if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toPrecision(12));
	if (Array.isArray(value)) return value.map(toTwelveDigits);
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toTwelveDigits(v)]));
	return value;
}
