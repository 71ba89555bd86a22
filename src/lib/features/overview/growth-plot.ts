// The overview's two monthly charts, built with Observable Plot (pure: the caller owns the DOM):
// revenue bars coloured by each month's growth status, and MoM growth against the threshold bands.
import * as Plot from '@observablehq/plot';
import { formatMoney, formatMonth, formatPercent, formatPercentChange } from '$lib/format';
import type { Lang, Messages } from '$lib/i18n';
import type { GrowthMonth } from '$lib/server/metrics/documents';
import { compactAxis, MARGIN, monthlyFrame } from '$lib/components/plot-kit';
import type { overviewMessages } from './messages';

type OverviewTexts = (typeof overviewMessages)[Lang];

/** A month of the growth document (types only: nothing of the server runs here), and whether it is in the period. */
export type ChartMonth = GrowthMonth & { in_period: boolean };

// The status colours of app.css (.status--*), darker for bars; grey for months outside the period.
export const STATUS_COLOURS = { approved: '#2e8b57', acceptable: '#1f5fa8', observed: '#d49a00', rejected: '#c0392b', none: '#8896a8', earlier: '#c5cdd8' };

type Key = keyof typeof STATUS_COLOURS;

export function barKey(d: ChartMonth): Key {
	if (!d.in_period) return 'earlier';
	return d.status ?? 'none';
}

function statusWord(d: ChartMonth, m: Messages, t?: OverviewTexts): string {
	if (d.provisional && t) return t.provisional;
	if (d.partial) return m.overview.growthChart.partial;
	if (!d.in_period) return m.overview.growthChart.earlier;
	return m.kpiStatus[d.status ?? 'none'];
}

export function revenueStatusPlot(months: ChartMonth[], o: { width: number; height: number; lang: Lang; m: Messages; currency: string; t: OverviewTexts }) {
	const { lang, m, currency, t } = o;
	const change = (v: number | null) => (v === null ? null : formatPercentChange(v, lang));
	return Plot.plot({
		...monthlyFrame({ lang, width: o.width, height: o.height, ariaLabel: m.overview.growthChart.title }, months.map((d) => d.month)),
		y: compactAxis(currency, lang),
		marks: [
			Plot.ruleY([0], { stroke: '#9aa5b1' }),
			// The provisional month's projection: an outline the height the month would reach.
			Plot.barY(
				months.filter((d) => d.provisional && d.projected_revenue !== null),
				{ x: 'month', y: 'projected_revenue', fill: 'none', stroke: STATUS_COLOURS.none, strokeDasharray: '4,3' }
			),
			Plot.barY(months, {
				x: 'month',
				y: 'revenue',
				fill: (d: ChartMonth) => STATUS_COLOURS[barKey(d)],
				fillOpacity: (d: ChartMonth) => (d.partial ? 0.45 : 1),
				tip: {
					format: { x: false, y: false, fill: false, fillOpacity: false },
					fontSize: 13
				},
				channels: {
					[m.chart.month]: { value: (d: ChartMonth) => formatMonth(d.month, lang) },
					[m.kpi.revenue]: { value: (d: ChartMonth) => formatMoney(d.revenue, lang, currency) },
					[m.overview.growthChart.mom]: { value: (d: ChartMonth) => (d.mom === null ? '–' : formatPercentChange(d.mom, lang)) },
					// Beside MoM, the same month a year before, so a seasonal dip shows as one.
					[t.sameMonthLastYear]: {
						value: (d: ChartMonth) => (d.yoy === null ? '–' : `${formatPercentChange(d.yoy, lang)} (${formatMoney(d.revenue_year_before, lang, currency)})`)
					},
					[t.projected]: {
						// Only the provisional month has one (the tip leaves out a null).
						value: (d: ChartMonth) => (d.projected_revenue === null ? null : t.projectedValue(formatMoney(d.projected_revenue, lang, currency), change(d.projected_mom)))
					},
					[m.overview.growthChart.status]: { value: (d: ChartMonth) => statusWord(d, m, t) }
				}
			})
		]
	});
}

/** MoM growth of the period's months, on background bands of the growth thresholds. */
export function momPlot(
	months: ChartMonth[],
	t: { approve_at: number; observe_below: number; reject_below: number },
	o: { width: number; height: number; lang: Lang; m: Messages; t: OverviewTexts }
) {
	const { lang, m, t: texts } = o;
	// A partial month is left off the line; the provisional one shows its projected MoM as a hollow dot.
	const rows = months.filter((d) => d.in_period && !d.partial && d.mom !== null);
	const projected = months.filter((d) => d.in_period && d.provisional && d.projected_mom !== null);
	const values = [...rows.map((d) => d.mom!), ...projected.map((d) => d.projected_mom!)];
	const lo = Math.min(t.reject_below - 0.05, ...values);
	const hi = Math.max(t.approve_at + 0.05, ...values);
	const bands = [
		{ y1: hi, y2: t.approve_at, key: 'approved' as const },
		{ y1: t.approve_at, y2: t.observe_below, key: 'acceptable' as const },
		{ y1: t.observe_below, y2: t.reject_below, key: 'observed' as const },
		{ y1: t.reject_below, y2: lo, key: 'rejected' as const }
	];
	const periodMonths = months.filter((d) => d.in_period).map((d) => d.month);
	return Plot.plot({
		...monthlyFrame({ lang, width: o.width, height: o.height, ariaLabel: m.overview.growthChart.momTitle }, periodMonths),
		y: { domain: [lo, hi], label: null, tickFormat: (v: number) => formatPercent(v, lang, 0), ticks: 6, tickSize: 0, grid: true },
		marks: [
			Plot.rectY(bands, { y1: 'y1', y2: 'y2', fill: (d: (typeof bands)[number]) => STATUS_COLOURS[d.key], fillOpacity: 0.12 }),
			// Names only on bands tall enough to hold them (the legend names them all).
			Plot.text(bands.filter((b) => ((b.y1 - b.y2) / (hi - lo)) * (o.height - MARGIN.marginTop - MARGIN.marginBottom) >= 16), {
				y: (d: (typeof bands)[number]) => (d.y1 + d.y2) / 2,
				text: (d: (typeof bands)[number]) => m.kpiStatus[d.key],
				frameAnchor: 'right',
				dx: -4,
				fill: (d: (typeof bands)[number]) => STATUS_COLOURS[d.key],
				fontWeight: 600
			}),
			Plot.ruleY([0], { stroke: '#9aa5b1' }),
			Plot.lineY(rows, { x: 'month', y: 'mom', stroke: '#1f2933', strokeWidth: 1.5 }),
			Plot.dot(rows, {
				x: 'month',
				y: 'mom',
				r: 4,
				fill: (d: ChartMonth) => STATUS_COLOURS[barKey(d)],
				stroke: '#fff',
				tip: { format: { x: false, y: false, fill: false } },
				channels: {
					[m.chart.month]: { value: (d: ChartMonth) => formatMonth(d.month, lang) },
					[m.overview.growthChart.mom]: { value: (d: ChartMonth) => formatPercentChange(d.mom!, lang) },
					[m.overview.growthChart.status]: { value: (d: ChartMonth) => statusWord(d, m) }
				}
			}),
			Plot.dot(projected, {
				x: 'month',
				y: 'projected_mom',
				r: 4,
				fill: '#fff',
				stroke: STATUS_COLOURS.none,
				strokeWidth: 2,
				tip: { format: { x: false, y: false } },
				channels: {
					[m.chart.month]: { value: (d: ChartMonth) => formatMonth(d.month, lang) },
					[texts.projected]: { value: (d: ChartMonth) => formatPercentChange(d.projected_mom!, lang) },
					[m.overview.growthChart.status]: { value: (d: ChartMonth) => statusWord(d, m, texts) }
				}
			})
		]
	});
}
