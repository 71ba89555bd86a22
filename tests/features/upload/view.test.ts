// The upload page's decisions (src/lib/features/upload/view.ts) on plain data: grouping, a changed
// setting, missing columns, when the load may start, job progress, the detected formats said in
// the page's words, sizes; and that the page offers exactly the kinds and encodings the core reads.
import { describe, expect, it } from 'vitest';
import {
	ENCODINGS,
	KINDS,
	detectedFormat,
	groupEntries,
	loadBlocked,
	mapDoc,
	missingColumns,
	progressPercent,
	sizeText,
	withOption,
	type Entry,
	type Preview
} from '../../../src/lib/features/upload/view';
import { messages } from '../../../src/lib/features/upload/messages';
import { KIND_SPECS } from '../../../src/lib/server/ingest/kinds';
import { parseEncoding } from '../../../src/lib/server/ingest/encoding';
import type { FileReport } from '../../../src/lib/server/ingest/report';

const entry = (id: string, over: Partial<Entry> = {}): Entry => ({ id, name: `${id}.csv`, size: 10, options: {}, map: {}, loading: false, ...over });
const column = (name: string, source: string | null, required = true, required_unless?: string[][]) =>
	({ name, source, required, required_unless, match: 'exact', samples: [] }) as unknown as Preview['columns'][number];
const preview = (columns: Preview['columns']) => ({ columns }) as Preview;
const report = (file: string, formats: Record<string, string>) => ({ file, formats }) as unknown as FileReport;

describe('upload view', () => {
	it('offers the kinds and encodings the ingest core reads, no more and no fewer', () => {
		expect([...KINDS].sort()).toEqual(Object.keys(KIND_SPECS).sort());
		// Each encoding offered is one the core reads under that very name.
		expect(ENCODINGS.map((e) => parseEncoding(e))).toEqual(ENCODINGS);
		expect(ENCODINGS).toContain('windows-1252');
	});

	it('groups files read with the same settings and mapping, in the order they came', () => {
		const a = entry('a', { options: { kind: 'invoices' } });
		const b = entry('b');
		const c = entry('c', { options: { kind: 'invoices' } });
		const groups = groupEntries([a, b, c]);
		expect(groups.map((g) => g.entries.map((e) => e.id))).toEqual([['a', 'c'], ['b']]);
		expect(new Set(groups.map((g) => g.key)).size).toBe(2);
		c.map = { amount: 'Importe' };
		expect(groupEntries([a, b, c]).map((g) => g.entries.map((e) => e.id))).toEqual([['a'], ['b'], ['c']]);
	});

	it('sends a mapping only when one was chosen', () => {
		expect(mapDoc(entry('a'))).toBeUndefined();
		expect(mapDoc(entry('a', { map: { amount: null } }))).toEqual({ columns: { amount: null } });
	});

	it('sets a setting, goes back to detection on "", and forgets the mapping when the kind changes', () => {
		const e = entry('a', { options: { delimiter: ';' }, map: { amount: 'Importe' } });
		withOption(e, 'encoding', 'cp850');
		expect(e.options).toEqual({ delimiter: ';', encoding: 'cp850' });
		expect(e.map).toEqual({ amount: 'Importe' });
		withOption(e, 'delimiter', '');
		expect(e.options).toEqual({ encoding: 'cp850' });
		withOption(e, 'kind', 'quotes');
		expect(e.options.kind).toBe('quotes');
		expect(e.map).toEqual({});
	});

	it('names required columns with no header, unless the columns that replace them are all there', () => {
		expect(missingColumns(entry('a'))).toEqual([]);
		const cols = [column('invoice_date', null), column('client', 'Cliente'), column('note', null, false), column('amount', null, true, [['quantity', 'unit_price'], ['gross_amount']])];
		expect(missingColumns(entry('a', { preview: preview([...cols, column('quantity', 'Cant.', false), column('unit_price', null, false)]) }))).toEqual([
			'invoice_date',
			'amount'
		]);
		expect(missingColumns(entry('a', { preview: preview([...cols, column('quantity', 'Cant.', false), column('unit_price', 'Precio', false)]) }))).toEqual([
			'invoice_date'
		]);
		// The other alternative alone: a gross total stands in for the amount.
		expect(missingColumns(entry('a', { preview: preview([...cols, column('gross_amount', 'Total', false)]) }))).toEqual(['invoice_date']);
	});

	it('blocks the load with no file, a file unread or missing columns, or a report missing or failed', () => {
		const ok = entry('a', { preview: preview([column('client', 'Cliente')]) });
		const done = { k: { ids: ['a'], files: [], loading: false } };
		expect(loadBlocked([], {})).toBe(true);
		expect(loadBlocked([ok], done)).toBe(false);
		expect(loadBlocked([{ ...ok, error: 'ilegible' }], done)).toBe(true);
		expect(loadBlocked([entry('b', { preview: preview([column('client', null)]) })], done)).toBe(true);
		expect(loadBlocked([ok], { k: { ids: ['a'], loading: true } })).toBe(true);
		expect(loadBlocked([ok], { k: { ids: ['a'], error: 'x', loading: false } })).toBe(true);
	});

	it('weighs reading, converting and merging 10, 60 and 30 % of a job', () => {
		expect(progressPercent(null)).toBe(0);
		expect(progressPercent({ phase: 'queued', file: 'f', done: 0, total: 0 })).toBe(0);
		expect(progressPercent({ phase: 'reading', file: 'f', done: 5, total: 10 })).toBe(5);
		expect(progressPercent({ phase: 'converting', file: 'f', done: 5, total: 10 })).toBe(40);
		expect(progressPercent({ phase: 'merging', file: 'f', done: 20, total: 10 })).toBe(100);
		expect(progressPercent({ phase: 'done', file: 'f', done: 0, total: 0 })).toBe(100);
		expect(progressPercent({ phase: 'unknown', file: 'f', done: 1, total: 2 })).toBe(0);
	});

	it("says the report's decimal mark and date order of a file in words, the amount's and main date's first", () => {
		const reports = [
			report('other.csv', { amount: "decimal '.'" }),
			report('docs.csv + lines.csv', { quantity: "decimal '.'", amount: "decimal ','", due_date: '%Y-%m-%d', invoice_date: '%d/%m/%Y' })
		];
		expect(detectedFormat(reports, 'lines.csv', 'decimal', 'es')).toBe('coma decimal');
		expect(detectedFormat(reports, 'lines.csv', 'decimal', 'en')).toBe('decimal comma');
		expect(detectedFormat(reports, 'lines.csv', 'date', 'es')).toBe('día/mes/año');
		expect(detectedFormat([report('a.csv', { created_at: '%m/%d/%Y' })], 'a.csv', 'date', 'en')).toBe('month/day/year');
		expect(detectedFormat([report('a.csv', { month: '%b %Y' })], 'a.csv', 'date', 'es')).toBe('mes en letras año');
		expect(detectedFormat(reports, 'missing.csv', 'decimal', 'es')).toBeNull();
		expect(detectedFormat([report('a.csv', {})], 'a.csv', 'date', 'es')).toBeNull();
	});

	it('says sizes in kB rounded up below 1 MiB, in MB with one decimal above', () => {
		expect(sizeText(1, 'en')).toBe('1 kB');
		expect(sizeText(1024, 'es')).toBe('1 kB');
		expect(sizeText(1048576 * 2.5, 'en')).toBe('2.5 MB');
		expect(sizeText(1048576 * 2.5, 'es')).toBe('2,5 MB');
	});
});
