// Builds the monthly revenue bar chart with Observable Plot. Pure: the caller owns the DOM.
import * as Plot from '@observablehq/plot';
import { formatCompact, formatMoney, formatMonth } from '$lib/format';
import type { Lang, Messages } from '$lib/i18n';

export interface MonthRevenue {
	month: string;
	revenue: number;
}

export interface RevenuePlotOptions {
	months: MonthRevenue[];
	period: { from: string; to: string };
	currency: string;
	lang: Lang;
	m: Messages;
	width: number;
	height: number;
}

// Same values as --accent and --chart-muted in app.css (Plot needs literal colours).
export const BAR_IN_PERIOD = '#1f5fa8';
export const BAR_EARLIER = '#b8c2cf';
const MARGIN = { top: 28, right: 12, bottom: 30, left: 52 };
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

export function revenuePlot(o: RevenuePlotOptions): SVGSVGElement | HTMLElement {
	const { lang, m, currency } = o;
	const inPeriod = (d: MonthRevenue) => d.month >= o.period.from && d.month <= o.period.to;
	const domain = o.months.map((d) => d.month);
	const bandWidth = (o.width - MARGIN.left - MARGIN.right) / Math.max(domain.length, 1);
	const first = domain[0] ?? o.period.from;
	const last = domain[domain.length - 1] ?? o.period.to;
	return Plot.plot({
		width: o.width,
		height: o.height,
		marginTop: MARGIN.top,
		marginRight: MARGIN.right,
		marginBottom: MARGIN.bottom,
		marginLeft: MARGIN.left,
		ariaLabel: m.chart.ariaLabel(formatMonth(first, lang), formatMonth(last, lang), currency),
		style: { fontFamily: 'inherit', fontSize: '12px', color: '#4b5563', background: 'transparent' },
		x: {
			type: 'band',
			domain,
			ticks: monthTicks(domain, bandWidth),
			tickFormat: (month: string) => formatMonth(month, lang),
			tickSize: 0,
			label: null,
			paddingInner: 0.2,
			paddingOuter: 0.1
		},
		y: {
			label: currency,
			labelArrow: 'none',
			tickFormat: (value: number) => formatCompact(value, lang),
			ticks: 5,
			tickSize: 0,
			tickPadding: 6,
			grid: true,
			nice: true
		},
		marks: [
			Plot.barY(o.months, {
				x: 'month',
				y: 'revenue',
				fill: (d: MonthRevenue) => (inPeriod(d) ? BAR_IN_PERIOD : BAR_EARLIER),
				channels: {
					[m.chart.month]: (d: MonthRevenue) => formatMonth(d.month, lang),
					[m.kpi.revenue]: (d: MonthRevenue) => formatMoney(d.revenue, lang, currency)
				},
				tip: { format: { x: false, y: false, fill: false }, fontSize: 13 }
			}),
			Plot.ruleY([0], { stroke: '#6b7280' })
		]
	});
}
