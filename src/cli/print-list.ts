// A list document (the rows behind a number) as readable text: what it is, its count and total,
// then its rows as an aligned table; amounts in Spanish format (1.234,56), as print-document.ts.
import { formatNumber } from '../lib/format';
import type { ListDocument } from '../lib/server/lists/list';

const money = (v: number) => formatNumber(v, 'es', 2);

export function printList(doc: ListDocument): string {
	const keys = ['id', ...doc.columns.map((c) => c.key).filter((k) => k !== 'id')];
	const kinds = new Map(doc.columns.map((c) => [c.key, c.kind]));
	const cells = doc.rows.map((r) => keys.map((k) => {
		const v = r[k];
		if (v === null || v === undefined) return '—';
		return typeof v === 'number' && kinds.get(k) === 'money' ? money(v) : String(v);
	}));
	const widths = keys.map((k, i) => Math.max(k.length, ...cells.map((row) => row[i]!.length)));
	const line = (values: string[]) => '  ' + values.map((v, i) => (kinds.get(keys[i]!) === 'money' ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ');
	const period = doc.month ?? `${doc.from}..${doc.to}`;
	const head = [
		`${doc.list} ${doc.key}: ${period}${doc.previous ? ` against ${doc.previous.from}..${doc.previous.to}` : ''}`,
		`count: ${doc.count}`,
		`total: ${money(doc.total)}`
	];
	return [...head, ...(doc.rows.length ? [line(keys), ...cells.map(line)] : ['  (none)'])].join('\n') + '\n';
}
