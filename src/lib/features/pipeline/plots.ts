// The pipeline page's charts: the four stages by month (lines) and the period's funnel (centred
// horizontal bars). Pure Observable Plot builders with locale-formatted tips.
import * as Plot from '@observablehq/plot';
import { formatMonth, formatNumber } from '$lib/format';
import { COLORS, STYLE, TIP, compactAxis, monthlyFrame, type PlotCommon as Common } from '$lib/components/plot-kit';

export const STAGES = ['leads', 'opportunities', 'quotes', 'won'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_COLORS: Record<Stage, string> = { leads: COLORS.muted, opportunities: COLORS.accentSoft, quotes: COLORS.accent, won: COLORS.up };

export type StageRow = { month: string } & Record<Stage, number>;

/** Each stage's count by month as a line; the tip lists the four stages of the month. */
export function stagesPlot(o: Common & { rows: StageRow[]; labels: Record<Stage, string>; unit: string }) {
	const long = o.rows.flatMap((r) => STAGES.map((stage) => ({ month: r.month, stage, count: r[stage] })));
	const title = (r: StageRow) => [formatMonth(r.month, o.lang), ...STAGES.map((s) => `${o.labels[s]}: ${formatNumber(r[s], o.lang)}`)].join('\n');
	return Plot.plot({
		...monthlyFrame(o, o.rows.map((r) => r.month)),
		y: compactAxis(o.unit, o.lang),
		color: { domain: [...STAGES], range: STAGES.map((s) => STAGE_COLORS[s]) },
		marks: [
			Plot.lineY(long, { x: 'month', y: 'count', stroke: 'stage', strokeWidth: 2 }),
			Plot.dot(long, { x: 'month', y: 'count', fill: 'stage', r: 3 }),
			Plot.ruleX(o.rows, Plot.pointerX({ x: 'month', stroke: COLORS.muted })),
			Plot.tip(o.rows, Plot.pointerX({ x: 'month', y: (r: StageRow) => Math.max(...STAGES.map((s) => r[s])), title, ...TIP })),
			Plot.ruleY([0], { stroke: COLORS.axis })
		]
	});
}

export interface FunnelDatum {
	stage: Stage;
	label: string;
	count: number;
}

/** The period's totals per stage as centred bars, widest first: a funnel. */
export function funnelPlot(o: Common & { rows: FunnelDatum[]; stageLabel: string; countLabel: string }) {
	const max = Math.max(1, ...o.rows.map((r) => r.count));
	return Plot.plot({
		width: o.width,
		height: o.height,
		marginTop: 8,
		marginRight: 16,
		marginBottom: 8,
		marginLeft: 120,
		ariaLabel: o.ariaLabel,
		style: STYLE,
		x: { domain: [-max / 2, max / 2], axis: null },
		y: { type: 'band', domain: o.rows.map((r) => r.label), tickSize: 0, label: null, padding: 0.15 },
		marks: [
			Plot.barX(o.rows, {
				y: 'label',
				x1: (d: FunnelDatum) => -d.count / 2,
				x2: (d: FunnelDatum) => d.count / 2,
				fill: (d: FunnelDatum) => STAGE_COLORS[d.stage],
				channels: { [o.stageLabel]: 'label', [o.countLabel]: (d: FunnelDatum) => formatNumber(d.count, o.lang) },
				tip: { format: { x1: false, x2: false, y: false, fill: false }, ...TIP }
			}),
			Plot.text(o.rows, {
				y: 'label',
				x: 0,
				text: (d: FunnelDatum) => formatNumber(d.count, o.lang),
				fill: (d: FunnelDatum) => (d.stage === 'leads' || d.stage === 'opportunities' ? '#1f2933' : 'white'),
				fontWeight: 600,
				fontSize: 13
			})
		]
	});
}
