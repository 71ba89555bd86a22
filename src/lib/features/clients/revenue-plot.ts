// Builds the monthly revenue bar chart with Observable Plot, on the charts' shared frame
// (plot-kit.ts). Pure: the caller owns the DOM.
import * as Plot from '@observablehq/plot';
import { formatMoney, formatMonth } from '$lib/format';
import { compactAxis, monthlyFrame } from '$lib/components/plot-kit';
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

export function revenuePlot(o: RevenuePlotOptions): SVGSVGElement | HTMLElement {
	const { lang, m, currency } = o;
	const inPeriod = (d: MonthRevenue) => d.month >= o.period.from && d.month <= o.period.to;
	const domain = o.months.map((d) => d.month);
	const first = domain[0] ?? o.period.from;
	const last = domain[domain.length - 1] ?? o.period.to;
	const ariaLabel = m.chart.ariaLabel(formatMonth(first, lang), formatMonth(last, lang), currency);
	return Plot.plot({
		...monthlyFrame({ lang, width: o.width, height: o.height, ariaLabel }, domain),
		y: compactAxis(currency, lang),
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
