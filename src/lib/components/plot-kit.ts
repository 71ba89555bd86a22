// What the monthly charts share (revenue, activation, forecast, pipeline…): the look, month axes
// labelled per locale without overlaps, compact and percent y axes. Pure: no DOM here.
import * as Plot from '@observablehq/plot';
import { formatCompact, formatMonth, formatPercent } from '$lib/format';
import type { Lang } from '$lib/i18n';

// Plot needs literal colours: --accent, --up, --down and a muted grey of app.css.
export const COLORS = {
	accent: '#1f5fa8',
	accentSoft: '#8fb3dc',
	up: '#1a7f45',
	down: '#b42318',
	muted: '#9aa5b1',
	amber: '#c98a00',
	axis: '#6b7280'
};

// Plot's own option names: spread into Plot.plot they set the margins.
export const MARGIN = { marginTop: 24, marginRight: 16, marginBottom: 30, marginLeft: 56 };
export const STYLE = { fontFamily: 'inherit', fontSize: '12px', color: '#4b5563', background: 'transparent' };
export const TIP = { fontSize: 13, lineWidth: 32 };

// Room one month label needs ("sept 2025" at 12 px), so labels never overlap.
const LABEL_WIDTH = 70;

/** Months to label: every `step` months on calendar boundaries (quarters, January…), as wide as labels need. */
export function monthTicks(months: string[], bandWidth: number): string[] {
	const steps = [1, 2, 3, 4, 6, 12, 24, 36, 60, 120];
	const step = steps.find((s) => s * bandWidth >= LABEL_WIDTH) ?? steps[steps.length - 1]!;
	const ticks = months.filter((month) => {
		const [year, m] = month.split('-').map(Number) as [number, number];
		const index = year * 12 + (m - 1);
		return index % step === 0;
	});
	return ticks.length > 0 ? ticks : months.slice(0, 1);
}

/** A rate as a percentage with one decimal, as the tables show it: es `61,5 %`, en `61.5%`. */
export function formatRate(value: number | null, lang: Lang, digits = 1): string {
	return value === null ? '–' : formatPercent(value, lang, digits);
}

/** A band x axis of months, labelled every few months so labels never overlap. */
export function monthAxis(months: string[], width: number, lang: Lang) {
	const bandWidth = (width - MARGIN.marginLeft - MARGIN.marginRight) / Math.max(months.length, 1);
	return {
		type: 'band' as const,
		domain: months,
		ticks: monthTicks(months, bandWidth),
		tickFormat: (month: string) => formatMonth(month, lang),
		tickSize: 0,
		label: null,
		paddingInner: 0.2,
		paddingOuter: 0.1
	};
}

/** A y axis of counts or money with compact ticks (es `2 M`, en `2M`). */
export function compactAxis(label: string, lang: Lang) {
	return {
		label,
		labelArrow: 'none' as const,
		tickFormat: (value: number) => formatCompact(value, lang),
		ticks: 5,
		tickSize: 0,
		tickPadding: 6,
		grid: true,
		nice: true
	};
}

/** A y axis of rates in percent. */
export function percentAxis(label: string, lang: Lang) {
	return { ...compactAxis(label, lang), tickFormat: (value: number) => formatRate(value, lang, 0) };
}

/** What every chart builder takes besides its rows. */
export interface PlotCommon {
	lang: Lang;
	width: number;
	height: number;
	/** Accessible description of the whole figure. */
	ariaLabel: string;
}

/** The options every monthly chart opens with: size, margins, look and the month x axis. */
export function monthlyFrame(o: PlotCommon, months: string[]) {
	return {
		width: o.width,
		height: o.height,
		...MARGIN,
		ariaLabel: o.ariaLabel,
		style: STYLE,
		x: monthAxis(months, o.width, o.lang)
	};
}

/** A dashed horizontal reference line (a target, a band) labelled at its right end. */
export function referenceMarks(ref: { value: number; label: string }, stroke: string) {
	return [
		Plot.ruleY([ref.value], { stroke, strokeDasharray: '4 3' }),
		Plot.text([ref], { y: 'value', text: 'label', frameAnchor: 'right', textAnchor: 'end', dy: -7, dx: -4, fill: COLORS.axis, stroke: 'white', strokeWidth: 3, fontSize: 11 })
	];
}
