// Segmentos' decisions apart from its markup: how a segment's value is said, and the bars drawn
// (the largest segments, the rest folded into one "others" bar). Pure; tested in
// tests/features/segments/view.test.ts.
import type { ComparedSegment } from './loader.server';
import type { Bar } from './plots';

/** Bars drawn at most before the rest is folded into "others" (one more is drawn rather than folded alone). */
export const TOP_BARS = 20;

/** A segment's label: no value in words, statuses in words, products by name (with the code when asked: names may repeat). */
export function segmentLabel(
	dim: string,
	value: string | null,
	words: { unknown: string; statuses: Record<string, string>; productNames: Record<string, string> },
	withCode = false
): string {
	if (value === null) return words.unknown;
	if (dim === 'status') return words.statuses[value] ?? value;
	const name = dim === 'product' ? words.productNames[value] : undefined;
	return name === undefined ? value : withCode ? `${name} (${value})` : name;
}

/** The period's segments as bars, largest first as given; past TOP_BARS + 1 the rest become one muted "others" bar. */
export function segmentBars(current: ComparedSegment[], totalRevenue: number, label: (s: ComparedSegment) => string, othersLabel: (count: number) => string): Bar[] {
	const toBar = (s: ComparedSegment, i: number): Bar => ({
		key: `s${i}`,
		label: label(s),
		value: s.value,
		revenue: s.revenue,
		share: s.share,
		clients: s.clients,
		muted: s.value === null
	});
	if (current.length <= TOP_BARS + 1) return current.map(toBar);
	const rest = current.slice(TOP_BARS);
	const revenue = rest.reduce((sum, s) => sum + s.revenue, 0);
	return [
		...current.slice(0, TOP_BARS).map(toBar),
		{ key: 'others', label: othersLabel(rest.length), value: null, revenue, share: totalRevenue !== 0 ? revenue / totalRevenue : null, clients: null, muted: true }
	];
}
