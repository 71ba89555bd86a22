// The Segmentos charts with Observable Plot: revenue by segment as horizontal bars and the
// two-dimension cross-tab as a heatmap. Pure: the caller owns the DOM; every label and number is
// formatted for the locale.
import * as Plot from '@observablehq/plot';
import { formatCell } from '$lib/features/shared/columns';
import { formatCompact, formatMoney, formatNumber } from '$lib/format';
import type { Lang } from '$lib/i18n';

// --accent and --chart-muted of app.css (Plot needs literal colours).
const ACCENT = '#1f5fa8';
const MUTED = '#9aa5b1';
const STYLE = { fontFamily: 'inherit', fontSize: '12px', color: '#4b5563', background: 'transparent' };
const CHAR_PX = 6.6;

export interface Bar {
	key: string;
	label: string;
	/** The segment's value for cross-filtering; null for "no data" and "others". */
	value: string | null;
	revenue: number;
	share: number | null;
	clients: number | null;
	muted: boolean;
}

export interface BarLabels {
	segment: string;
	revenue: string;
	share: string;
	clients: string;
	aria: string;
}

export function percent(value: number | null, lang: Lang): string {
	return formatCell(value, 'percent', lang, '', '–');
}

export function shorten(text: string, chars: number): string {
	return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`;
}

export const BAR_STEP = 26;

export function barsHeight(count: number): number {
	return Math.max(90, count * BAR_STEP + 40);
}

export function barsPlot(bars: Bar[], o: { width: number; lang: Lang; currency: string; labels: BarLabels }): SVGSVGElement | HTMLElement {
	const { lang, currency, labels } = o;
	const labelOf = new Map(bars.map((b) => [b.key, b.label]));
	const maxChars = Math.min(30, Math.max(...bars.map((b) => b.label.length), 4));
	return Plot.plot({
		width: o.width,
		height: barsHeight(bars.length),
		marginLeft: Math.round(maxChars * CHAR_PX) + 14,
		marginRight: 64,
		marginTop: 6,
		marginBottom: 30,
		ariaLabel: labels.aria,
		style: STYLE,
		x: { label: currency, labelArrow: 'none', tickFormat: (v: number) => formatCompact(v, lang), ticks: 5, grid: true, nice: true, tickSize: 0 },
		y: { domain: bars.map((b) => b.key), tickFormat: (k: string) => shorten(labelOf.get(k) ?? k, 30), label: null, tickSize: 0, padding: 0.22 },
		marks: [
			Plot.barX(bars, {
				y: 'key',
				x: 'revenue',
				fill: (b: Bar) => (b.muted ? MUTED : ACCENT),
				channels: {
					[labels.segment]: (b: Bar) => b.label,
					[labels.revenue]: (b: Bar) => formatMoney(b.revenue, lang, currency),
					[labels.share]: (b: Bar) => percent(b.share, lang),
					[labels.clients]: (b: Bar) => (b.clients === null ? '–' : formatNumber(b.clients, lang))
				},
				tip: { format: { x: false, y: false, fill: false }, fontSize: 13 }
			}),
			Plot.text(bars, {
				y: 'key',
				x: (b: Bar) => Math.max(b.revenue, 0),
				text: (b: Bar) => percent(b.share, lang),
				textAnchor: 'start',
				dx: 4,
				fill: '#52606d'
			}),
			Plot.ruleX([0], { stroke: '#6b7280' })
		]
	});
}

export interface HeatCell {
	key: string;
	key2: string;
	value: string | null;
	value2: string | null;
	revenue: number;
	row_share: number | null;
}

export interface HeatLabels {
	dim: string;
	dim2: string;
	revenue: string;
	rowShare: string;
	aria: string;
}

const HEAT_ROW = 30;

export function heatLayout(rows: number, columns: { label: string }[], width: number, rowLabelChars: number) {
	const marginLeft = Math.round(Math.min(30, Math.max(rowLabelChars, 4)) * CHAR_PX) + 14;
	const band = (width - marginLeft - 8) / Math.max(columns.length, 1);
	const longest = Math.max(...columns.map((c) => c.label.length), 1);
	const rotate = longest * CHAR_PX > band - 6;
	const chars = rotate ? 22 : longest;
	const marginTop = rotate ? Math.round(Math.min(chars, longest) * CHAR_PX * 0.71) + 16 : 26;
	return { marginLeft, rotate, chars, marginTop, height: marginTop + rows * HEAT_ROW + 8 };
}

export function heatPlot(
	cells: HeatCell[],
	o: {
		rows: { key: string; label: string }[];
		columns: { key: string; label: string }[];
		width: number;
		lang: Lang;
		currency: string;
		labels: HeatLabels;
	}
): SVGSVGElement | HTMLElement {
	const { lang, currency, labels } = o;
	const rowLabel = new Map(o.rows.map((r) => [r.key, r.label]));
	const columnLabel = new Map(o.columns.map((c) => [c.key, c.label]));
	const layout = heatLayout(o.rows.length, o.columns, o.width, Math.max(...o.rows.map((r) => r.label.length), 1));
	const max = Math.max(...cells.map((c) => c.revenue), 1);
	return Plot.plot({
		width: o.width,
		height: layout.height,
		marginLeft: layout.marginLeft,
		marginTop: layout.marginTop,
		marginRight: 8,
		marginBottom: 8,
		ariaLabel: labels.aria,
		style: STYLE,
		x: {
			domain: o.columns.map((c) => c.key),
			tickFormat: (k: string) => shorten(columnLabel.get(k) ?? k, layout.chars),
			axis: 'top',
			label: null,
			tickSize: 0,
			tickRotate: layout.rotate ? -45 : 0
		},
		y: { domain: o.rows.map((r) => r.key), tickFormat: (k: string) => shorten(rowLabel.get(k) ?? k, 30), label: null, tickSize: 0 },
		color: { type: 'linear', scheme: 'blues', domain: [0, max], clamp: true },
		marks: [
			Plot.cell(cells, {
				x: 'key2',
				y: 'key',
				fill: 'revenue',
				inset: 1,
				channels: {
					[labels.dim]: (c: HeatCell) => rowLabel.get(c.key) ?? '',
					[labels.dim2]: (c: HeatCell) => columnLabel.get(c.key2) ?? '',
					[labels.revenue]: (c: HeatCell) => formatMoney(c.revenue, lang, currency),
					[labels.rowShare]: (c: HeatCell) => percent(c.row_share, lang)
				},
				tip: { format: { x: false, y: false, fill: false }, fontSize: 13 }
			}),
			...[true, false].map((dark) =>
				Plot.text(
					cells.filter((c) => c.revenue > max * 0.5 === dark),
					{
						x: 'key2',
						y: 'key',
						text: (c: HeatCell) => formatCompact(c.revenue, lang),
						fill: dark ? '#ffffff' : '#1f2933',
						fontSize: 11,
						pointerEvents: 'none'
					}
				)
			)
		]
	});
}
