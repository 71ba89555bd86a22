// Concentración's decisions apart from its markup: the HHI bands drawn on the gauge and listed
// in its table, and where the A and B tiers end along the Pareto curve. Pure; tested in
// tests/features/concentration/view.test.ts.
import type { Band } from './plots';

type Status = Band['status'];

/** The HHI bands, lower is better: ≤ approve, ≤ observe, ≤ reject, above (to the index's 10 000). */
export function hhiBands(
	b: { approve: number; observe: number; reject: number },
	labels: Record<Status, string>,
	n: (v: number) => string
): Band[] {
	return [
		{ status: 'approved', from: 0, to: b.approve, label: labels.approved, range: `≤ ${n(b.approve)}` },
		{ status: 'acceptable', from: b.approve, to: b.observe, label: labels.acceptable, range: `${n(b.approve)} – ${n(b.observe)}` },
		{ status: 'observed', from: b.observe, to: b.reject, label: labels.observed, range: `${n(b.observe)} – ${n(b.reject)}` },
		{ status: 'rejected', from: b.reject, to: 10000, label: labels.rejected, range: `> ${n(b.reject)}` }
	];
}

/** Where the A and B tiers end along the ranked entities (share of the n), with the revenue share that defines each; none when nothing sold. */
export function paretoCuts(abc: { tier: string; count: number }[], n: number, shares: { a: number; b: number }) {
	if (n === 0) return [];
	const a = abc.find((r) => r.tier === 'A')?.count ?? 0;
	const b = abc.find((r) => r.tier === 'B')?.count ?? 0;
	return [
		{ tier: 'A' as const, share: shares.a, x: a / n },
		{ tier: 'B' as const, share: shares.b, x: (a + b) / n }
	];
}
