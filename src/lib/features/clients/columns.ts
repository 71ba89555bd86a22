// The client list's columns, shared by the table on screen (and its CSV of the page) and the CSV
// of every client (export.csv): the same headers and cell values in both.
import type { Column } from '$lib/features/shared/columns';
import { formatPercentChange } from '$lib/format';
import type { Lang, Messages } from '$lib/i18n';
import type { ClientRow, ClientSort } from './loader.server';
import type { ClientMessages } from './messages';

export type ClientColumn = Column<ClientRow> & { key: ClientSort };

/** The client page's path: /clientes/<client_id, URL-encoded>. */
export function clientPath(clientId: string): string {
	return `/clientes/${encodeURIComponent(clientId)}`;
}

export function clientColumns(
	lang: Lang,
	t: ClientMessages,
	m: Messages,
	options: { href?: (row: ClientRow) => string | null; size?: boolean; sector?: boolean } = {}
): ClientColumn[] {
	const href = options.href;
	const text = (key: 'client_type' | 'region' | 'account_manager' | 'size' | 'sector'): ClientColumn => ({
		key,
		label: t.col[key],
		kind: 'text',
		value: (r) => r[key]
	});
	const columns: (ClientColumn | false | undefined)[] = [
		{
			key: 'client_id',
			label: t.col.client_id,
			kind: 'text',
			value: (r) => r.client_id,
			display: (r) => r.client_id ?? t.noClient,
			href,
			phone: 'hide' // the name beside it links to the same page
		},
		{ key: 'name', label: t.col.name, kind: 'text', value: (r) => r.name, href, phone: 'pin' },
		{
			key: 'status',
			label: t.col.status,
			kind: 'text',
			value: (r) => (r.status ? (m.clientStatus[r.status] ?? r.status) : null)
		},
		{ key: 'billing_tier', label: t.col.billing_tier, kind: 'text', value: (r) => r.billing_tier, display: (r) => r.billing_tier ?? '–' },
		{ key: 'revenue', label: t.col.revenue, kind: 'money', value: (r) => r.revenue },
		{ key: 'revenue_previous', label: t.col.revenue_previous, kind: 'money', value: (r) => r.revenue_previous, phone: 'hide' },
		{
			key: 'change',
			label: t.col.change,
			kind: 'percent',
			value: (r) => r.change,
			display: (r) => (r.change === null ? '–' : formatPercentChange(r.change, lang))
		},
		{ key: 'last_purchase', label: t.col.last_purchase, kind: 'date', value: (r) => r.last_purchase },
		text('client_type'),
		text('region'),
		text('account_manager'),
		options.size !== false && text('size'),
		options.sector !== false && text('sector')
	];
	return columns.filter((c): c is ClientColumn => !!c);
}

/**
 * The columns as the list shows them: after the name, the revenue and its change, then the rest,
 * so a phone shows name, revenue and change before anything scrolls. Exports keep clientColumns' order.
 */
export function screenColumns(columns: ClientColumn[]): ClientColumn[] {
	const first: ClientSort[] = ['client_id', 'name', 'revenue', 'change', 'revenue_previous'];
	const rank = (c: ClientColumn) => (first.includes(c.key) ? first.indexOf(c.key) : first.length);
	return columns.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
}
