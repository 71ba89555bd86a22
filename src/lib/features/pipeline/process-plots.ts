// Embudo's commercial-process charts (issue 15): each entry kind's funnel, the open and weighted
// pipeline by expected close month, and amounts by a label (stages, reasons) with a second measure.
// Pure Observable Plot builders with locale-formatted tips.
import * as Plot from '@observablehq/plot';
import { formatMoney, formatMonth, formatNumber } from '$lib/format';
import { COLORS, STYLE, TIP, compactAxis, monthlyFrame, type PlotCommon as Common } from '$lib/components/plot-kit';

export const KIND_STEPS = ['created', 'go', 'won'] as const;
export type KindStep = (typeof KIND_STEPS)[number];
export const KIND_STEP_COLORS: Record<KindStep, string> = { created: COLORS.accentSoft, go: COLORS.accent, won: COLORS.up };

export interface KindFunnelRow {
	kind: string;
	created: number;
	go: number;
	won: number;
}

/**
 * Per entry kind, its records created, decided go and won, as grouped horizontal bars: one band per
 * (kind, step), the kind named beside its middle bar (facets would keep the tips from showing).
 */
export function kindFunnelPlot(o: Common & { rows: KindFunnelRow[]; steps: Record<KindStep, string>; kindLabel: string; stepLabel: string; countLabel: string }) {
	const band = (kind: string, step: KindStep) => `${kind}\u0000${step}`;
	const long = o.rows.flatMap((r) => KIND_STEPS.map((step) => ({ band: band(r.kind, step), kind: r.kind, step: o.steps[step], key: step, count: r[step] })));
	return Plot.plot({
		width: o.width,
		height: o.height,
		marginTop: 8,
		marginRight: 48,
		marginBottom: 28,
		marginLeft: 170,
		ariaLabel: o.ariaLabel,
		style: STYLE,
		x: { ...compactAxis(o.countLabel, o.lang), grid: true },
		y: {
			type: 'band',
			// A thin empty band between kinds keeps each kind's three bars together.
			domain: o.rows.flatMap((r, i) => [...(i > 0 ? [band(r.kind, 'gap' as KindStep)] : []), ...KIND_STEPS.map((step) => band(r.kind, step))]),
			label: null,
			tickSize: 0,
			paddingInner: 0.1,
			tickFormat: (b: string) => (b.endsWith(`\u0000${KIND_STEPS[1]}`) ? b.split('\u0000')[0]! : '')
		},
		marks: [
			Plot.barX(long, {
				y: 'band',
				x: 'count',
				fill: (d: { key: KindStep }) => KIND_STEP_COLORS[d.key],
				channels: { [o.kindLabel]: 'kind', [o.stepLabel]: 'step', [o.countLabel]: (d: { count: number }) => formatNumber(d.count, o.lang) },
				tip: { format: { x: false, y: false, fill: false }, ...TIP }
			}),
			Plot.text(long, { y: 'band', x: 'count', text: (d: { count: number }) => formatNumber(d.count, o.lang), textAnchor: 'start', dx: 4, fill: COLORS.axis, fontSize: 11 }),
			Plot.ruleX([0], { stroke: COLORS.axis })
		]
	});
}

export interface CloseMonthRow {
	month: string;
	count: number;
	amount: number;
	weighted: number;
}

/** Open amount by expected close month, with the weighted amount drawn inside each bar. */
export function closeMonthPlot(o: Common & { rows: CloseMonthRow[]; currency: string; unit: string; labels: { open: string; weighted: string; count: string } }) {
	const title = (r: CloseMonthRow) =>
		[formatMonth(r.month, o.lang), `${o.labels.open}: ${formatMoney(r.amount, o.lang, o.currency)}`,
			`${o.labels.weighted}: ${formatMoney(r.weighted, o.lang, o.currency)}`, `${o.labels.count}: ${formatNumber(r.count, o.lang)}`].join('\n');
	return Plot.plot({
		...monthlyFrame(o, o.rows.map((r) => r.month)),
		y: compactAxis(o.unit, o.lang),
		marks: [
			Plot.barY(o.rows, { x: 'month', y: 'amount', fill: COLORS.accentSoft }),
			Plot.barY(o.rows, { x: 'month', y: 'weighted', fill: COLORS.accent, inset: 3 }),
			Plot.tip(o.rows, Plot.pointerX({ x: 'month', y: 'amount', title, ...TIP })),
			Plot.ruleY([0], { stroke: COLORS.axis })
		]
	});
}

export interface LabelledAmount {
	label: string;
	amount: number;
	/** A second amount drawn inside the bar (the weighted pipeline); absent: none. */
	inner?: number;
	count: number;
}

/** Room for the longest label (a reason may be a sentence), about 6.5 px a character, at most 40 % of the width. */
function labelMargin(rows: { label: string }[], width: number): number {
	const longest = Math.max(0, ...rows.map((r) => r.label.length));
	return Math.round(Math.min(width * 0.4, Math.max(120, longest * 6.5 + 16)));
}

/** A label cut with "…" to what fits in the margin (a phone's narrow chart); the tip says it whole. */
function fitted(margin: number): (label: string) => string {
	const fits = Math.max(4, Math.floor((margin - 16) / 6.5));
	return (label) => (label.length <= fits ? label : `${label.slice(0, fits - 1).trimEnd()}…`);
}

/** Amounts by label (a stage, a reason) as horizontal bars, largest as given; tips name the count. */

export function labelledAmountsPlot(
	o: Common & { rows: LabelledAmount[]; currency: string; unit: string; labels: { amount: string; inner?: string; count: string; label: string } }
) {
	const title = (r: LabelledAmount) =>
		[r.label, `${o.labels.amount}: ${formatMoney(r.amount, o.lang, o.currency)}`,
			...(r.inner !== undefined && o.labels.inner ? [`${o.labels.inner}: ${formatMoney(r.inner, o.lang, o.currency)}`] : []),
			`${o.labels.count}: ${formatNumber(r.count, o.lang)}`].join('\n');
	const margin = labelMargin(o.rows, o.width);
	return Plot.plot({
		width: o.width,
		height: o.height,
		marginTop: 8,
		marginRight: 24,
		marginBottom: 32,
		marginLeft: margin,
		ariaLabel: o.ariaLabel,
		style: STYLE,
		x: { ...compactAxis(o.unit, o.lang) },
		y: { type: 'band', domain: o.rows.map((r) => r.label), label: null, tickSize: 0, padding: 0.2, tickFormat: fitted(margin) },
		marks: [
			Plot.barX(o.rows, { y: 'label', x: 'amount', fill: COLORS.accentSoft }),
			Plot.barX(o.rows.filter((r) => r.inner !== undefined), { y: 'label', x: 'inner', fill: COLORS.accent, insetTop: 3, insetBottom: 3 }),
			Plot.tip(o.rows, Plot.pointerY({ y: 'label', x: 'amount', title, ...TIP })),
			Plot.ruleX([0], { stroke: COLORS.axis })
		]
	});
}
