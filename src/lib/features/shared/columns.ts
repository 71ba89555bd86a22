// Table columns: what a cell holds (its raw value, for sorting and CSV) and how it reads on screen.
import { formatDate, formatMoney, formatMonth, formatNumber, formatPercent } from '../../format';
import type { Lang } from '../../i18n/lang';

export type CellKind = 'text' | 'money' | 'int' | 'number' | 'percent' | 'month' | 'date';

export interface Column<Row> {
	key: string;
	label: string;
	kind?: CellKind;
	value: (row: Row) => string | number | null;
	/** A link for the cell: a drill-down page or a cross-filter. */
	href?: (row: Row) => string | null;
	/** Screen text instead of the formatted value (e.g. a translated status); CSV keeps the value. */
	display?: (row: Row) => string;
	/**
	 * On a phone (app.css): 'pin' keeps the column in view while the others scroll sideways inside
	 * the table's panel; 'hide' leaves it off the screen (it stays in the CSV).
	 */
	phone?: 'pin' | 'hide';
	/** A sentence rather than a figure (a setting's description): it wraps instead of widening the table. */
	wrap?: boolean;
}

export function isNumeric(kind: CellKind | undefined): boolean {
	return kind === 'money' || kind === 'int' || kind === 'number' || kind === 'percent';
}

/** A cell as shown: numbers and dates per locale, money with the configured unit. */
export function formatCell(value: string | number | null, kind: CellKind | undefined, lang: Lang, currency: string, unknown: string): string {
	if (value === null || value === '') return kind === 'text' || kind === undefined ? unknown : '–';
	if (typeof value === 'number') {
		switch (kind) {
			case 'money':
				return formatMoney(value, lang, currency);
			case 'int':
				return formatNumber(value, lang, 0);
			case 'percent':
				return formatPercent(value, lang, 1);
			default:
				return formatNumber(value, lang, Number.isInteger(value) ? 0 : 2);
		}
	}
	if (kind === 'month') return formatMonth(value, lang);
	if (kind === 'date') return formatDate(value, lang);
	return value;
}

/** Sorts rows by a column; nulls last whatever the direction, text in the locale's order. */
export function sortRows<Row>(rows: Row[], column: Column<Row>, direction: 'asc' | 'desc', lang: Lang): Row[] {
	const collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
	const sign = direction === 'asc' ? 1 : -1;
	return [...rows].sort((a, b) => {
		const x = column.value(a);
		const y = column.value(b);
		if (x === null || x === '') return y === null || y === '' ? 0 : 1;
		if (y === null || y === '') return -1;
		if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
		return sign * collator.compare(String(x), String(y));
	});
}
