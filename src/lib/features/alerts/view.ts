// How an alert reads: its value in the KPI's unit, per locale.
import { formatDate } from '../../format';
import type { Lang } from '../../i18n/lang';

// The value reads the same on the page and in the e-mail (i18n/alert-messages.ts).
export { alertValue } from '../../i18n/alert-messages';

/** 'YYYY-MM-DD HH:MM:SS' (server time) → the date per locale and the time to the minute. */
export function alertTime(at: string, lang: Lang): string {
	return `${formatDate(at.slice(0, 10), lang)} ${at.slice(11, 16)}`;
}
