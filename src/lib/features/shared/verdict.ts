// The note beside a figure shown under filters that says by which threshold it was judged, or why
// it has no verdict (docs/definitions.md "KPIs and thresholds"): a segment is judged only by a
// threshold set for it; with the portfolio's, its value is shown without a status. Whether it was
// judged is the server's to say (settings.ts judged(), the kpis document's `judged`). Browser-safe.
import type { Lang } from '$lib/i18n';
import type { ThresholdScope } from '$lib/thresholds';

export type { ThresholdScope };

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

/** The note beside the figure: which segment's threshold judged it, or why it has no verdict; none without filters. */
export function verdictNote(filtered: boolean, scope: ThresholdScope, lang: Lang, dims: Record<string, string>): string | undefined {
	const t = verdictMessages[lang];
	if (scope) return t.scoped(dims[scope.dim] ?? scope.dim, scope.value);
	return filtered ? t.portfolio : undefined;
}
