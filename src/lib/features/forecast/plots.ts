// The forecast page's charts: forecast against actual by month, and the quote hit rate by month.
// Pure Observable Plot builders; every mark has a tip with exact, locale-formatted values.
import * as Plot from '@observablehq/plot';
import { formatMoney, formatMonth, formatNumber } from '$lib/format';
import type { Lang } from '$lib/i18n';
import { COLORS, TIP, compactAxis, formatRate, monthlyFrame, percentAxis, referenceMarks, type PlotCommon as Common } from '$lib/components/plot-kit';

export interface ForecastRow {
	month: string;
	forecast: number | null;
	actual: number;
	error: number | null;
}

export const FORECAST_COLORS = { actual: COLORS.accent, forecast: '#d9822b' };

const signedMoney = (value: number, lang: Lang, currency: string) => (value > 0 ? '+' : '') + formatMoney(value, lang, currency);

/** Actual revenue as bars, the forecast as a line over them; the tip gives both and the error. */
export function forecastPlot(o: Common & { rows: ForecastRow[]; currency: string; labels: { actual: string; forecast: string; error: string; noForecast: string } }) {
	const withForecast = o.rows.filter((r) => r.forecast !== null);
	const title = (r: ForecastRow) =>
		[
			formatMonth(r.month, o.lang),
			`${o.labels.actual}: ${formatMoney(r.actual, o.lang, o.currency)}`,
			`${o.labels.forecast}: ${r.forecast === null ? o.labels.noForecast : formatMoney(r.forecast, o.lang, o.currency)}`,
			...(r.error === null ? [] : [`${o.labels.error}: ${signedMoney(r.error, o.lang, o.currency)}`])
		].join('\n');
	return Plot.plot({
		...monthlyFrame(o, o.rows.map((r) => r.month)),
		y: compactAxis(o.currency, o.lang),
		marks: [
			Plot.barY(o.rows, { x: 'month', y: 'actual', fill: FORECAST_COLORS.actual, fillOpacity: 0.85 }),
			Plot.lineY(o.rows, { x: 'month', y: 'forecast', stroke: FORECAST_COLORS.forecast, strokeWidth: 2.5 }),
			Plot.dot(withForecast, { x: 'month', y: 'forecast', fill: FORECAST_COLORS.forecast, stroke: 'white', r: 4 }),
			Plot.tip(o.rows, Plot.pointerX({ x: 'month', y: (r: ForecastRow) => Math.max(r.actual, r.forecast ?? r.actual), title, ...TIP })),
			Plot.ruleY([0], { stroke: COLORS.axis })
		]
	});
}

export interface HitRateRow {
	month: string;
	issued: number;
	accepted: number;
	hit_rate: number | null;
}

/** Quote hit rate by issue month as bars on a percent axis, with the approval band as a line. */
export function hitRatePlot(o: Common & { rows: HitRateRow[]; labels: { month: string; hitRate: string; issued: string; accepted: string }; target?: { value: number; label: string } }) {
	const defined = o.rows.filter((r) => r.hit_rate !== null);
	const max = Math.max(0.01, ...defined.map((r) => r.hit_rate!), o.target?.value ?? 0);
	return Plot.plot({
		...monthlyFrame(o, o.rows.map((r) => r.month)),
		y: { ...percentAxis(o.labels.hitRate, o.lang), domain: [0, max * 1.1] },
		marks: [
			Plot.barY(defined, {
				x: 'month',
				y: 'hit_rate',
				fill: COLORS.accent,
				channels: {
					[o.labels.month]: (r: HitRateRow) => formatMonth(r.month, o.lang),
					[o.labels.hitRate]: (r: HitRateRow) => formatRate(r.hit_rate, o.lang),
					[o.labels.accepted]: (r: HitRateRow) => formatNumber(r.accepted, o.lang),
					[o.labels.issued]: (r: HitRateRow) => formatNumber(r.issued, o.lang)
				},
				tip: { format: { x: false, y: false }, ...TIP }
			}),
			...(o.target ? referenceMarks(o.target, COLORS.axis) : []),
			Plot.ruleY([0], { stroke: COLORS.axis })
		]
	});
}
