// How a figure's change against the comparison period is written, decided once by the kind of
// figure: a rate or a share (activation rate, hit rate, accuracy, top-10 share…) changes in
// percentage points; an amount or a count (revenue, clients, days…) by its relative change. So one
// KPI shows the same change on every page (docs/definitions.md "Comparison periods").
import { changeRatio, formatPercentChange, formatPointsChange } from '../../format';
import type { Lang } from '../../i18n/lang';

export type FigureKind = 'rate' | 'amount';

export interface FigureChange {
	/** es `-3,2 pp` for a rate, `+16,2 %` for an amount. */
	text: string;
	/** Of the change as written: one that rounds to 0,0 reads as flat. */
	direction: 'up' | 'down' | 'flat';
	/** A rate's relative change, labelled as such (es `-8,4 % relativo`), for a secondary mention; null otherwise. */
	relative: string | null;
}

const words = { es: 'relativo', en: 'relative' } as const;

/** The change from previous to current, or null when there is nothing to compare (a missing value, or an amount from 0). */
export function figureChange(kind: FigureKind, current: number | null | undefined, previous: number | null | undefined, lang: Lang): FigureChange | null {
	if (current === null || current === undefined || previous === null || previous === undefined) return null;
	const ratio = changeRatio(current, previous);
	if (kind === 'rate') {
		const points = current - previous;
		// Tenths of a point, as formatPointsChange shows them.
		const shown = Math.round(points * 1000);
		return {
			text: formatPointsChange(shown === 0 ? 0 : points, lang),
			direction: shown === 0 ? 'flat' : shown > 0 ? 'up' : 'down',
			relative: ratio === null ? null : `${formatPercentChange(ratio, lang)} ${words[lang]}`
		};
	}
	if (ratio === null) return null;
	// Tenths of a per cent, as formatPercentChange shows them.
	const shown = Math.round(ratio * 1000);
	return { text: formatPercentChange(shown === 0 ? 0 : ratio, lang), direction: shown === 0 ? 'flat' : shown > 0 ? 'up' : 'down', relative: null };
}
