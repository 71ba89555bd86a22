// Formatting the compared pages' tiles share (Activación, Embudo, Pronóstico).
import { formatNumber } from '$lib/format';
import type { Lang } from '$lib/i18n';

/** A whole number as is, any other with one decimal (days, counts per month): `12`, `12,5`. */
export function formatUpToOneDecimal(value: number, lang: Lang): string {
	return formatNumber(value, lang, Number.isInteger(value) ? 0 : 1);
}
