// A click in a dashboard chart rewrites the URL's period or filters in place (no scroll, focus
// kept), so the page reloads its figures for the new selection.
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { withParams } from '$lib/features/shared/url-state';

/** Sets (or, with null, removes) URL parameters of the current page. */
export function pickParams(changes: Record<string, string | null>) {
	goto(withParams(page.url, changes), { noScroll: true, keepFocus: true });
}

/** A month clicked in a monthly chart becomes the period. */
export function pickMonth(d: { month: string }) {
	pickParams({ from: d.month, to: d.month });
}
