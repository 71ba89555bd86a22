// The activation page's charts, built with Observable Plot. Pure: the caller (Chart.svelte) owns
// the DOM. Every mark carries a tip with exact, locale-formatted values.
import * as Plot from '@observablehq/plot';
import { formatCompact, formatMoney, formatMonth, formatNumber } from '$lib/format';
import { COLORS, MARGIN, STYLE, TIP, compactAxis, formatRate, monthlyFrame, percentAxis, referenceMarks, type PlotCommon as Common } from '$lib/components/plot-kit';
import type { WaterfallStep } from './waterfall';

export const STATUSES = ['active', 'inactive', 'potential'] as const;
export type ClientStatus = (typeof STATUSES)[number];
export const STATUS_COLORS: Record<ClientStatus, string> = { active: COLORS.accent, inactive: COLORS.amber, potential: COLORS.muted };

export interface StatusRow {
	month: string;
	clients_total: number;
	active: number;
	inactive: number;
	potential: number;
}

export interface StatusDatum {
	month: string;
	status: ClientStatus;
	count: number;
	total: number;
}

/** Status mix: clients per status at each month end, stacked (active at the bottom). */
export function statusMixPlot(o: Common & { rows: StatusRow[]; labels: Record<ClientStatus, string>; month: string; status: string; count: string; share: string; unit: string }) {
	const data: StatusDatum[] = o.rows.flatMap((r) => STATUSES.map((status) => ({ month: r.month, status, count: r[status], total: r.clients_total })));
	return Plot.plot({
		...monthlyFrame(o, o.rows.map((r) => r.month)),
		y: compactAxis(o.unit, o.lang),
		marks: [
			Plot.barY(data, {
				x: 'month',
				y: 'count',
				fill: (d: StatusDatum) => STATUS_COLORS[d.status],
				channels: {
					[o.month]: (d: StatusDatum) => formatMonth(d.month, o.lang),
					[o.status]: (d: StatusDatum) => o.labels[d.status],
					[o.count]: (d: StatusDatum) => formatNumber(d.count, o.lang),
					[o.share]: (d: StatusDatum) => (d.total > 0 ? formatRate(d.count / d.total, o.lang) : '–')
				},
				tip: { format: { x: false, y: false, fill: false }, ...TIP }
			}),
			Plot.ruleY([0], { stroke: COLORS.axis })
		]
	});
}

export interface RateRow {
	month: string;
	value: number | null;
}

/** A monthly rate as a line with dots, on a percent axis, with optional reference lines; `extra` adds tip lines from the row itself. */
export function rateLinePlot<R extends RateRow>(o: Common & { rows: R[]; color: string; label: string; month: string; refs?: { value: number; label: string }[]; extra?: (row: R) => string[] }) {
	const defined = o.rows.filter((r) => r.value !== null);
	const max = Math.max(0.01, ...defined.map((r) => r.value!), ...(o.refs ?? []).map((r) => r.value));
	const title = (r: R) => [formatMonth(r.month, o.lang), `${o.label}: ${formatRate(r.value, o.lang)}`, ...(o.extra?.(r) ?? [])].join('\n');
	return Plot.plot({
		...monthlyFrame(o, o.rows.map((r) => r.month)),
		y: { ...percentAxis(o.label, o.lang), domain: [0, max * 1.1] },
		marks: [
			...(o.refs ?? []).flatMap((ref) => referenceMarks(ref, COLORS.muted)),
			Plot.lineY(o.rows, { x: 'month', y: 'value', stroke: o.color, strokeWidth: 2 }),
			Plot.dot(defined, { x: 'month', y: 'value', fill: o.color, r: 3 }),
			Plot.ruleX(o.rows, Plot.pointerX({ x: 'month', stroke: COLORS.muted })),
			Plot.tip(defined, Plot.pointerX({ x: 'month', y: 'value', title, ...TIP })),
			Plot.ruleY([0], { stroke: COLORS.axis })
		]
	});
}

/** The revenue bridge: totals from zero, events floating from the running total. */
/** `ticks`: shorter axis labels for some steps (the two totals' months); `labels` name the steps in the tips. */
export function waterfallPlot(o: Common & { steps: WaterfallStep[]; labels: Record<WaterfallStep['key'], string>; ticks?: Partial<Record<WaterfallStep['key'], string>>; currency: string; step: string; amount: string; runningTotal: string }) {
	const fill = (s: WaterfallStep) => (s.kind === 'total' ? COLORS.accent : s.kind === 'up' ? COLORS.up : COLORS.down);
	const signed = (s: WaterfallStep) => (s.kind === 'total' ? formatCompact(s.value, o.lang) : `${s.value > 0 ? '+' : s.value < 0 ? '−' : '±'}${formatCompact(Math.abs(s.value), o.lang)}`);
	const money = (s: WaterfallStep) => (s.kind !== 'total' && s.value > 0 ? '+' : '') + formatMoney(s.value, o.lang, o.currency);
	return Plot.plot({
		width: o.width,
		height: o.height,
		...MARGIN,
		ariaLabel: o.ariaLabel,
		style: STYLE,
		x: { type: 'band', domain: o.steps.map((s) => s.key), tickFormat: (key: WaterfallStep['key']) => o.ticks?.[key] ?? o.labels[key], tickSize: 0, label: null, paddingInner: 0.25, paddingOuter: 0.1 },
		y: compactAxis(o.currency, o.lang),
		marks: [
			Plot.barY(o.steps, {
				x: 'key',
				y1: 'start',
				y2: 'end',
				fill,
				channels: {
					[o.step]: (s: WaterfallStep) => o.labels[s.key],
					[o.amount]: money,
					[o.runningTotal]: (s: WaterfallStep) => formatMoney(s.end, o.lang, o.currency)
				},
				tip: { format: { x: false, y1: false, y2: false, fill: false }, ...TIP }
			}),
			Plot.text(o.steps, { x: 'key', y: (s: WaterfallStep) => Math.max(s.start, s.end), text: signed, dy: -8, fill: '#1f2933', fontSize: 11 }),
			Plot.ruleY([0], { stroke: COLORS.axis })
		]
	});
}

export interface MovementDatum {
	key: string;
	label: string;
	count: number;
	tone: 'up' | 'down' | 'flat';
}

/** Clients by movement between the previous period and this one, as horizontal bars. */
export function movementsPlot(o: Common & { rows: MovementDatum[]; movement: string; count: string }) {
	const fill = (d: MovementDatum) => (d.tone === 'up' ? COLORS.up : d.tone === 'down' ? COLORS.down : COLORS.muted);
	return Plot.plot({
		width: o.width,
		height: o.height,
		marginTop: 8,
		marginRight: 48,
		marginBottom: 28,
		marginLeft: 110,
		ariaLabel: o.ariaLabel,
		style: STYLE,
		y: { type: 'band', domain: o.rows.map((r) => r.label), tickSize: 0, label: null, padding: 0.25 },
		x: { ...compactAxis(o.count, o.lang), ticks: 4 },
		marks: [
			Plot.barX(o.rows, {
				y: 'label',
				x: 'count',
				fill,
				channels: { [o.movement]: 'label', [o.count]: (d: MovementDatum) => formatNumber(d.count, o.lang) },
				tip: { format: { x: false, y: false, fill: false }, ...TIP }
			}),
			Plot.text(o.rows, { y: 'label', x: 'count', text: (d: MovementDatum) => formatNumber(d.count, o.lang), textAnchor: 'start', dx: 4, fill: '#1f2933' }),
			Plot.ruleX([0], { stroke: COLORS.axis })
		]
	});
}
