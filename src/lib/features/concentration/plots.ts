// The Concentración charts with Observable Plot: Pareto and Lorenz curves, top-N shares, the HHI
// gauge with its bands and the monthly trends. Pure: the caller owns the DOM; numbers per locale.
import * as Plot from '@observablehq/plot';
import { formatCell } from '$lib/features/shared/columns';
import { formatMonth, formatNumber } from '$lib/format';
import type { Lang } from '$lib/i18n';

type Status = 'approved' | 'acceptable' | 'observed' | 'rejected';

const ACCENT = '#1f5fa8';
const STYLE = { fontFamily: 'inherit', fontSize: '12px', color: '#4b5563', background: 'transparent' };
/** Zone fills, lighter tones of the StatusBadge colours of app.css. */
export const BAND_FILL: Record<Status, string> = { approved: '#bfe5cd', acceptable: '#c9dcf3', observed: '#f6dc9c', rejected: '#f3b7b1' };
const BAND_TEXT: Record<Status, string> = { approved: '#14633a', acceptable: '#1f4f8a', observed: '#8a5a00', rejected: '#9b1c12' };

export function pct(value: number | null, lang: Lang): string {
	return formatCell(value, 'percent', lang, '', '–');
}

const percentAxis = (lang: Lang, label: string | null) => ({
	domain: [0, 1],
	tickFormat: (v: number) => pct(v, lang).replace(/[.,]0(?=\D*$)/, ''),
	ticks: 5,
	grid: true,
	label,
	labelArrow: 'none' as const,
	tickSize: 0
});

interface Point {
	x: number;
	y: number;
}

const toPoints = (pairs: [number, number][]): Point[] => [{ x: 0, y: 0 }, ...pairs.map(([x, y]) => ({ x, y }))];

/** The frame the Pareto and Lorenz curves share: both axes 0–100 %, the x label centred below. */
function curvePlot(
	o: { width: number; height: number; lang: Lang },
	labels: { x: string; aria: string },
	marks: Plot.Markish[]
): SVGSVGElement | HTMLElement {
	return Plot.plot({
		width: o.width,
		height: o.height,
		marginLeft: 48,
		marginRight: 16,
		marginTop: 22,
		marginBottom: 36,
		ariaLabel: labels.aria,
		style: STYLE,
		x: { ...percentAxis(o.lang, labels.x), labelAnchor: 'center' as const },
		y: { ...percentAxis(o.lang, null) },
		marks
	});
}

/** A curve's tip: the channels given for the point nearest the pointer along x (not the origin). */
const curveTip = (points: Point[], channels: Record<string, (p: Point) => string>) =>
	Plot.tip(points.slice(1), Plot.pointerX({ x: 'x', y: 'y', channels, format: { x: false, y: false }, fontSize: 13 }));

export function paretoPlot(
	pareto: [number, number][],
	o: {
		width: number;
		height: number;
		lang: Lang;
		n: number;
		cuts: { tier: 'A' | 'B'; share: number; x: number }[];
		labels: { x: string; y: string; rank: string; cut: (tier: string, share: string) => string; aria: string };
	}
): SVGSVGElement | HTMLElement {
	const { lang, labels } = o;
	const points = toPoints(pareto);
	const zones = [
		{ tier: 'A', x1: 0, x2: o.cuts[0]?.x ?? 0 },
		{ tier: 'B', x1: o.cuts[0]?.x ?? 0, x2: o.cuts[1]?.x ?? 0 },
		{ tier: 'C', x1: o.cuts[1]?.x ?? 0, x2: 1 }
	].filter((z) => z.x2 > z.x1);
	return curvePlot(o, labels, [
		Plot.rectX(zones, { x1: 'x1', x2: 'x2', y1: 0, y2: 1, fill: (z: { tier: string }) => (z.tier === 'A' ? '#e8f0fa' : z.tier === 'B' ? '#f1f4f8' : '#fafbfc') }),
		Plot.text(zones, { x: (z: { x1: number; x2: number }) => (z.x1 + z.x2) / 2, y: 1, text: 'tier', dy: -10, fontWeight: 700, fill: '#52606d' }),
		Plot.ruleY(o.cuts, { y: 'share', stroke: '#8a5a00', strokeDasharray: '4 3' }),
		// Labels on the left, where the curve is still below the cut-offs.
		Plot.text(o.cuts, { x: 0, y: 'share', text: (c: { tier: string; share: number }) => labels.cut(c.tier, pct(c.share, lang)), textAnchor: 'start', dx: 6, dy: -7, fill: '#8a5a00' }),
		Plot.ruleX(o.cuts, { x: 'x', stroke: '#8a5a00', strokeOpacity: 0.5 }),
		Plot.line(points, { x: 'x', y: 'y', stroke: ACCENT, strokeWidth: 2 }),
		Plot.ruleY([0], { stroke: '#6b7280' }),
		curveTip(points, {
			[labels.rank]: (p: Point) => formatNumber(Math.round(p.x * o.n), lang),
			[labels.x]: (p: Point) => pct(p.x, lang),
			[labels.y]: (p: Point) => pct(p.y, lang)
		})
	]);
}

export function lorenzPlot(
	lorenz: [number, number][],
	o: { width: number; height: number; lang: Lang; labels: { x: string; y: string; equality: string; aria: string } }
): SVGSVGElement | HTMLElement {
	const { lang, labels } = o;
	const points = toPoints(lorenz);
	return curvePlot(o, labels, [
		Plot.areaY(points, { x: 'x', y1: 'y', y2: 'x', fill: ACCENT, fillOpacity: 0.1 }),
		Plot.line([{ x: 0, y: 0 }, { x: 1, y: 1 }], { x: 'x', y: 'y', stroke: '#6b7280', strokeDasharray: '4 3' }),
		Plot.text([{ x: 0.5, y: 0.5 }], { x: 'x', y: 'y', text: () => labels.equality, rotate: -Math.atan((o.height - 58) / (o.width - 64)) * (180 / Math.PI), dy: -8, fill: '#6b7280' }),
		Plot.line(points, { x: 'x', y: 'y', stroke: ACCENT, strokeWidth: 2 }),
		Plot.ruleY([0], { stroke: '#6b7280' }),
		curveTip(points, { [labels.x]: (p: Point) => pct(p.x, lang), [labels.y]: (p: Point) => pct(p.y, lang) })
	]);
}

export interface TopShare {
	key: string;
	label: string;
	share: number | null;
}

export function topPlot(tops: TopShare[], o: { width: number; height: number; lang: Lang; labels: { group: string; share: string; aria: string } }) {
	const { lang, labels } = o;
	return Plot.plot({
		width: o.width,
		height: o.height,
		marginLeft: 130,
		marginRight: 56,
		marginTop: 6,
		marginBottom: 28,
		ariaLabel: labels.aria,
		style: STYLE,
		// About one tick per 50 px of the bars' width, so "100 %" labels never overlap on a phone.
		x: { ...percentAxis(lang, null), ticks: Math.max(2, Math.floor((o.width - 186) / 50)) },
		y: { domain: tops.map((t) => t.label), label: null, tickSize: 0, padding: 0.25 },
		marks: [
			Plot.barX(tops, {
				y: 'label',
				x: (t: TopShare) => t.share ?? 0,
				fill: ACCENT,
				channels: { [labels.group]: 'label', [labels.share]: (t: TopShare) => pct(t.share, lang) },
				tip: { format: { x: false, y: false }, fontSize: 13 }
			}),
			Plot.text(tops, { y: 'label', x: (t: TopShare) => t.share ?? 0, text: (t: TopShare) => pct(t.share, lang), textAnchor: 'start', dx: 4, fill: '#52606d' }),
			Plot.ruleX([0], { stroke: '#6b7280' })
		]
	});
}

export interface Band {
	status: Status;
	from: number;
	to: number;
	label: string;
	range: string;
}

/** The HHI scale's end: room for the bands and the value, never past 10 000. */
export function gaugeMax(value: number | null, reject: number): number {
	const top = Math.max(reject * 1.5, (value ?? 0) * 1.1);
	return Math.min(10000, Math.ceil(top / 500) * 500);
}

export function gaugePlot(bands: Band[], value: number | null, o: { width: number; height: number; lang: Lang; max: number; labels: { band: string; range: string; aria: string } }) {
	const { lang } = o;
	const shown = bands.map((b) => ({ ...b, to: Math.min(b.to, o.max) })).filter((b) => b.to > b.from);
	// A band names itself only where its name fits (about 7 px a letter); a narrow one (on a phone)
	// is named by its tooltip and the data table below, never by overlapping words.
	const inner = o.width - 36;
	const named = shown.filter((b) => ((b.to - b.from) / o.max) * inner >= b.label.length * 7 + 8);
	return Plot.plot({
		width: o.width,
		height: o.height,
		marginLeft: 12,
		marginRight: 24,
		marginTop: 30,
		marginBottom: 26,
		ariaLabel: o.labels.aria,
		style: STYLE,
		x: { domain: [0, o.max], tickFormat: (v: number) => formatNumber(v, lang), ticks: Math.max(3, Math.min(8, Math.floor(o.width / 60))), label: null, tickSize: 4 },
		y: { axis: null, domain: [0, 1] },
		marks: [
			Plot.rectX(shown, {
				x1: 'from',
				x2: 'to',
				y1: 0,
				y2: 1,
				fill: (b: Band) => BAND_FILL[b.status],
				channels: { [o.labels.band]: 'label', [o.labels.range]: 'range' },
				tip: { format: { x1: false, x2: false, fill: false, y1: false, y2: false }, fontSize: 13 }
			}),
			Plot.text(named, {
				x: (b: Band) => (b.from + b.to) / 2,
				y: 0.5,
				text: 'label',
				fill: (b: Band) => BAND_TEXT[b.status],
				fontWeight: 600,
				lineWidth: 8
			}),
			...(value === null
				? []
				: [
						Plot.ruleX([value], { stroke: '#1f2933', strokeWidth: 3, y1: -0.15, y2: 1.15 }),
						Plot.text([value], { x: (v: number) => v, y: 1, text: (v: number) => formatNumber(v, lang, 0), dy: -16, fontWeight: 700, fill: '#1f2933', fontSize: 13 })
					])
		]
	});
}

export interface TrendPoint {
	month: string;
	value: number | null;
}

function monthDate(month: string): Date {
	const [y, m] = month.split('-').map(Number) as [number, number];
	return new Date(Date.UTC(y, m - 1, 1));
}

/** A reference line across a trend chart (a band's limit from the settings). */
export interface TrendRule {
	value: number;
	status: Status;
	label: string;
}

export function trendPlot(
	points: TrendPoint[],
	o: {
		width: number;
		height: number;
		lang: Lang;
		kind: 'percent' | 'index';
		rules: TrendRule[];
		labels: { month: string; value: string; aria: string };
	}
) {
	const { lang, labels } = o;
	const format = (v: number | null) => (v === null ? '–' : o.kind === 'percent' ? pct(v, lang) : formatNumber(v, lang, 0));
	const data = points.map((p) => ({ ...p, date: monthDate(p.month) }));
	const present = data.filter((p) => p.value !== null);
	const dataMax = Math.max(...present.map((p) => p.value!), o.kind === 'percent' ? 0.05 : 50);
	// Bands far above the data would flatten the line: those are named at the top instead.
	const shownRules = o.rules.filter((r) => r.value <= dataMax * 1.6);
	const offScale = o.rules.filter((r) => r.value > dataMax * 1.6);
	const yMax = Math.max(dataMax, ...shownRules.map((r) => r.value)) * 1.12;
	return Plot.plot({
		width: o.width,
		height: o.height,
		marginLeft: 52,
		marginRight: 16,
		marginTop: 16,
		marginBottom: 30,
		ariaLabel: labels.aria,
		style: STYLE,
		x: { type: 'utc', tickFormat: (d: Date) => formatMonth(d.toISOString().slice(0, 7), lang), ticks: Math.max(2, Math.floor(o.width / 90)), label: null, tickSize: 0 },
		y: {
			domain: [0, yMax],
			tickFormat: (v: number) => (o.kind === 'percent' ? pct(v, lang).replace(/[.,]0(?=\D*$)/, '') : formatNumber(v, lang)),
			ticks: 5,
			grid: true,
			label: null,
			tickSize: 0
		},
		marks: [
			Plot.ruleY(shownRules, { y: 'value', stroke: (r: { status: Status }) => BAND_TEXT[r.status], strokeDasharray: '4 3', strokeOpacity: 0.8 }),
			Plot.text(shownRules, { y: 'value', frameAnchor: 'right', text: 'label', dy: -7, fill: (r: { status: Status }) => BAND_TEXT[r.status], textAnchor: 'end' }),
			Plot.text(offScale.length ? [offScale.map((r) => `↑ ${r.label}`).join(' · ')] : [], {
				frameAnchor: 'top-right',
				text: (d: string) => d,
				dy: -8,
				fill: '#52606d'
			}),
			Plot.lineY(data, { x: 'date', y: 'value', stroke: ACCENT, strokeWidth: 2 }),
			Plot.dot(present, { x: 'date', y: 'value', fill: ACCENT, r: 3 }),
			Plot.ruleY([0], { stroke: '#6b7280' }),
			Plot.tip(
				present,
				Plot.pointerX({
					x: 'date',
					y: 'value',
					channels: { [labels.month]: (p: TrendPoint) => formatMonth(p.month, lang), [labels.value]: (p: TrendPoint) => format(p.value) },
					format: { x: false, y: false },
					fontSize: 13
				})
			)
		]
	});
}
