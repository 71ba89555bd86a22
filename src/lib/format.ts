// Locale-aware formatting, all on Intl so the browser and the server agree. Month keys are
// 'YYYY-MM' and dates 'YYYY-MM-DD', formatted in UTC so no time zone can shift them.
// Thousands are always grouped, Spanish too (9.767,00, not CLDR's 9767,00): in a column of amounts
// a four-digit one without its separator reads as a different kind of number (issue 17).
import type { Lang } from './i18n/lang';

const NBSP = '\u00a0';
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

// Intl formatters are costly to build and the chart formats hundreds of ticks: keep them.
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${lang}|${JSON.stringify(options)}`;
	let format = numberFormats.get(key);
	if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(lang, options)));
	return format;
}

function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${lang}|${JSON.stringify(options)}`;
	let format = dateFormats.get(key);
	if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' })));
	return format;
}

export function formatNumber(value: number, lang: Lang, fractionDigits = 0): string {
	return numberFormat(lang, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits, useGrouping: 'always' }).format(value);
}

/** Money with the configured unit label (not an ISO code): es `1234,56 Bs.`, en `Bs. 1,234.56`. */
export function formatMoney(value: number, lang: Lang, currency: string): string {
	const amount = formatNumber(Math.abs(value), lang, 2);
	const sign = value < 0 ? '-' : '';
	// A no-break space keeps the amount and its unit on one line.
	return lang === 'es' ? `${sign}${amount}${NBSP}${currency}` : `${sign}${currency}${NBSP}${amount}`;
}

/** The relative change from previous to current, or null when there is nothing to compare with. */
export function changeRatio(current: number | null, previous: number | null): number | null {
	if (current === null || previous === null || previous === 0) return null;
	return (current - previous) / previous;
}

/** A ratio as a signed percentage with one decimal: es `+16,2 %`, en `-3.5%`. */
export function formatPercentChange(ratio: number, lang: Lang): string {
	return numberFormat(lang, {
		style: 'percent',
		signDisplay: 'exceptZero',
		minimumFractionDigits: 1,
		maximumFractionDigits: 1
	}).format(ratio);
}

function monthDate(month: string): Date {
	const [year, m] = month.split('-').map(Number) as [number, number];
	return new Date(Date.UTC(year, m - 1, 1));
}

/** 'YYYY-MM' → es `ene 2025`, en `Jan 2025`. */
export function formatMonth(month: string, lang: Lang): string {
	return dateFormat(lang, { month: 'short', year: 'numeric' }).format(monthDate(month));
}

/** Two 'YYYY-MM' months → es `nov 2025 – oct 2026`. */
export function formatPeriod(from: string, to: string, lang: Lang): string {
	return `${formatMonth(from, lang)} – ${formatMonth(to, lang)}`;
}

/** 'YYYY-MM-DD' → es `31 oct 2026`, en `Oct 31, 2026`. */
export function formatDate(date: string, lang: Lang): string {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	return dateFormat(lang, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(Date.UTC(year, month - 1, day)));
}

/**
 * A stored moment 'YYYY-MM-DD HH:MM[:SS]' (or with a T) as the database wrote it → es `3 dic 2026,
 * 14:22`, en `Dec 3, 2026, 02:22 PM`: the clock time as stored (UTC, no zone shift), never ISO text.
 */
export function formatDateTime(stamp: string, lang: Lang): string {
	const m = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d)/.exec(stamp);
	if (!m) return /^\d{4}-\d\d-\d\d$/.test(stamp) ? formatDate(stamp, lang) : stamp;
	const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
	return dateFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(Date.UTC(y, mo - 1, d, h, mi)));
}

/** Short axis ticks: es `2 M`, `500 mil`; en `2M`, `500K`. */
export function formatCompact(value: number, lang: Lang): string {
	return numberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** A ratio as a percentage with one decimal: es `61,5 %`, en `61.5%`. */
export function formatPercent(ratio: number, lang: Lang, fractionDigits = 1): string {
	return numberFormat(lang, { style: 'percent', minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(ratio);
}

/** A difference of two ratios in percentage points: es `+2,3 pp`, en `-0.4 pp`. */
export function formatPointsChange(difference: number, lang: Lang): string {
	const points = numberFormat(lang, { signDisplay: 'exceptZero', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(difference * 100);
	return `${points}\u00a0pp`;
}
