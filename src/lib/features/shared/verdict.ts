// Whether a figure shown under filters carries a verdict, and the note that says why or by which
// threshold (docs/definitions.md "KPIs and thresholds"): a segment is judged only by a threshold
// set for it; with the portfolio's, its value is shown without a status. Browser-safe.
import type { Lang } from '$lib/i18n';

/** The segment a threshold was set for (the kpis document's threshold_scope); null: the portfolio's. */
export type ThresholdScope = { dim: string; value: string } | null;

export const verdictMessages = {
	es: {
		portfolio: 'Sin veredicto: los umbrales son los de toda la cartera',
		partial: 'parcial, sin veredicto',
		scoped: (dim: string, value: string) => `Umbral de ${dim} = ${value}`
	},
	en: {
		portfolio: "No verdict: the thresholds are the whole portfolio's",
		partial: 'partial, no verdict',
		scoped: (dim: string, value: string) => `Threshold for ${dim} = ${value}`
	}
} satisfies Record<Lang, unknown>;

/** Whether the figure's status is shown: always without filters; under filters only with a segment's threshold. */
export function showsVerdict(filtered: boolean, scope: ThresholdScope): boolean {
	return !filtered || scope !== null;
}

/** The note beside the figure: which segment's threshold judged it, or why it has no verdict; none without filters. */
export function verdictNote(filtered: boolean, scope: ThresholdScope, lang: Lang, dims: Record<string, string>): string | undefined {
	const t = verdictMessages[lang];
	if (scope) return t.scoped(dims[scope.dim] ?? scope.dim, scope.value);
	return filtered ? t.portfolio : undefined;
}
