// Segmentos' view decisions (src/lib/features/segments/view.ts): how a segment is said, and the
// bars with the tail folded into "others".
import { describe, expect, it } from 'vitest';
import type { ComparedSegment } from '../../../src/lib/features/segments/loader.server';
import { TOP_BARS, segmentBars, segmentLabel } from '../../../src/lib/features/segments/view';

const words = { unknown: 'Sin dato', statuses: { active: 'Activo' }, productNames: { P1: 'Tornillo' } };
const segment = (value: string | null, revenue: number): ComparedSegment =>
	({ value, revenue, share: revenue / 1000, clients: 1, lines: 1 }) as unknown as ComparedSegment;

describe('segments view', () => {
	it('says no value, statuses and product names in words, the code only when asked', () => {
		expect(segmentLabel('region', null, words)).toBe('Sin dato');
		expect(segmentLabel('status', 'active', words)).toBe('Activo');
		expect(segmentLabel('status', 'odd', words)).toBe('odd');
		expect(segmentLabel('product', 'P1', words)).toBe('Tornillo');
		expect(segmentLabel('product', 'P1', words, true)).toBe('Tornillo (P1)');
		expect(segmentLabel('product', 'P2', words, true)).toBe('P2');
		expect(segmentLabel('region', 'P1', words)).toBe('P1');
	});

	it('draws every segment up to one past the top, the missing value muted', () => {
		const list = Array.from({ length: TOP_BARS + 1 }, (_, i) => segment(i === 3 ? null : `v${i}`, 100 - i));
		const bars = segmentBars(list, 1000, (s) => s.value ?? '?', () => 'otros');
		expect(bars).toHaveLength(TOP_BARS + 1);
		expect(bars.map((b) => b.muted).filter(Boolean)).toHaveLength(1);
		expect(bars[3]).toMatchObject({ key: 's3', label: '?', value: null, muted: true });
	});

	it('folds the segments past the top into one "others" bar with their revenue and share', () => {
		const list = Array.from({ length: TOP_BARS + 3 }, (_, i) => segment(`v${i}`, 10));
		const bars = segmentBars(list, 500, (s) => s.value!, (n) => `otros ${n}`);
		expect(bars).toHaveLength(TOP_BARS + 1);
		expect(bars.at(-1)).toEqual({ key: 'others', label: 'otros 3', value: null, revenue: 30, share: 0.06, clients: null, muted: true });
		expect(segmentBars(list, 0, (s) => s.value!, () => 'otros').at(-1)!.share).toBeNull();
	});
});
