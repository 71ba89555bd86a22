// The upload page's reports a person can act on (issue 12, items 2, 6 and 8), on plain data: the
// mapping table with every field by its business name and formats in words, the question asked
// when the kind is ambiguous or unknown, rejected rows grouped with what identifies them (counts
// that agree), the rejections CSV, and counts said with the right plural.
import { describe, expect, it } from 'vitest';
import {
	confidencePercent,
	kindQuestion,
	KINDS,
	mapDoc,
	mappingRows,
	rejectedRows,
	withMapping,
	withOption,
	type Entry,
	type Preview
} from '../../../src/lib/features/upload/view';
import { rejectionHeader, rejectionRecords } from '../../../src/lib/features/upload/rejections-table';
import { messages } from '../../../src/lib/features/upload/messages';
import { FIELD_NAMES, fieldName, formatInWords } from '../../../src/lib/i18n/field-names';
import { KIND_SPECS } from '../../../src/lib/server/ingest/kinds';
import type { FileReport } from '../../../src/lib/server/ingest/report';
import { toCsv } from '../../../src/lib/csv';

const entry = (over: Partial<Entry> = {}): Entry => ({ id: 'a', name: 'a.csv', size: 10, options: {}, map: {}, loading: false, ...over });
const col = (name: string, source: string | null, over: object = {}) =>
	({ name, source, required: false, match: source ? 'synonym' : 'none', samples: [], ...over }) as Preview['columns'][number];

describe('field names and formats', () => {
	it('names every field a user can map, of every kind, in both languages', () => {
		for (const lang of ['es', 'en'] as const)
			for (const spec of Object.values(KIND_SPECS))
				for (const c of spec.columns.filter((x) => x.synonyms.length > 0))
					expect(FIELD_NAMES[lang][spec.kind][c.name], `${lang} ${spec.kind}.${c.name}`).toBeTruthy();
		expect(fieldName('invoices', 'amount', 'es')).toBe('Importe');
		expect(fieldName('invoices', 'amount', 'en')).toBe('Amount');
		expect(fieldName('invoices', 'invoice_id', 'es')).toBe('Nº de factura');
		expect(fieldName('invoices', 'invoice_date', 'es')).toBe('Fecha de factura');
		expect(fieldName('invoices', 'client_id', 'es')).toBe('Cliente');
		expect(fieldName('clients', 'name', 'en')).toBe('Client name');
		// a field the list does not know yet keeps its canonical name
		expect(fieldName('invoices', 'brand_new', 'es')).toBe('brand_new');
	});

	it('says the formats the ingest read in words', () => {
		expect(formatInWords('%d/%m/%Y', 'es')).toBe('día/mes/año');
		expect(formatInWords('%m/%d/%Y', 'en')).toBe('month/day/year');
		expect(formatInWords('%Y-%m-%d %H:%M:%S', 'es')).toBe('año-mes-día hora:minutos:segundos');
		expect(formatInWords('%Y%m%d', 'es')).toBe('año mes día'); // SAP's yyyymmdd
		expect(formatInWords('%d/%m/%y', 'en')).toBe('day/month/year (2 digits)');
		expect(formatInWords("decimal ','", 'es')).toBe('coma decimal');
		expect(formatInWords("decimal '.'", 'en')).toBe('decimal point');
		expect(formatInWords("decimal ',', in %", 'es')).toBe('coma decimal, en %');
		expect(formatInWords('unreadable', 'es')).toBe('ilegible');
		for (const lang of ['es', 'en'] as const) expect(formatInWords('%d/%m/%Y', lang)).not.toContain('%');
	});
});

describe('the mapping table', () => {
	const preview = { kind: 'invoices', columns: [col('invoice_id', 'Nº', { required: true }), col('amount', null, { required: true }), col('quantity', null)] } as unknown as Preview;
	const report = { file: 'a.csv', formats: { invoice_id: "decimal ','", amount: "decimal ','" } } as unknown as FileReport;

	it('names each field for a user, in the core’s order, with the format read for mapped ones', () => {
		const rows = mappingRows(entry({ preview }), [report], 'es');
		expect(rows.map((r) => [r.name, r.label, r.format])).toEqual([
			['invoice_id', 'Nº de factura', 'coma decimal'],
			['amount', 'Importe', null], // no header yet: a row to map by hand, no format
			['quantity', 'Cantidad', null]
		]);
		expect(mappingRows(entry({ preview }), [], 'en').map((r) => r.label)).toEqual(['Invoice number', 'Amount', 'Quantity']);
	});

	it('makes a documents file whose amount is mapped by hand a whole invoices export', () => {
		const documents = { kind: 'invoices', columns: [col('invoice_id', 'Nro.', { required: true }), col('amount', null, { other_file: true })] } as unknown as Preview;
		const e = entry({ preview: documents });
		withMapping(e, 'invoice_id', 'Nro.');
		expect(mapDoc(e)).toEqual({ columns: { invoice_id: 'Nro.' } });
		withMapping(e, 'amount', 'Total Bs.');
		expect(mapDoc(e)).toEqual({ kind: 'invoices', columns: { invoice_id: 'Nro.', amount: 'Total Bs.' } });
		withMapping(e, 'quantity', '');
		expect(e.map.quantity).toBeNull();
		// choosing another kind forgets the mapping and its kind
		withOption(e, 'kind', 'quotes');
		expect(mapDoc(e)).toBeUndefined();
		expect(e.mapKind).toBeUndefined();
	});
});

describe('asking what a file holds', () => {
	it('offers the two close kinds, best first, with their confidence as a percentage', () => {
		const q = kindQuestion({
			code: 'ambiguous_kind',
			candidates: [
				{ kind: 'clients', confidence: 0.45 },
				{ kind: 'invoices', confidence: 0.55 }
			]
		});
		expect(q).toEqual([
			{ kind: 'invoices', percent: 55 },
			{ kind: 'clients', percent: 45 }
		]);
		expect(q!.map((c) => messages.es.kindChoice(messages.es.kinds[c.kind]!, c.percent))).toEqual(['facturas (55 %)', 'clientes (45 %)']);
		expect(messages.en.kindChoice(messages.en.kinds.invoices!, 55)).toBe('invoices (55 %)');
	});

	it('offers every kind when none fits, or when the candidates are not given', () => {
		expect(kindQuestion({ code: 'unknown_kind' })).toEqual(KINDS.map((kind) => ({ kind, percent: null })));
		expect(kindQuestion({ code: 'ambiguous_kind' })).toEqual(KINDS.map((kind) => ({ kind, percent: null })));
		expect(kindQuestion({ code: 'ambiguous_kind', candidates: [{ kind: 'nonsense', confidence: 1 }] })!.length).toBe(KINDS.length);
	});

	it('asks nothing when the kind is known or the file fails for another reason', () => {
		expect(kindQuestion({})).toBeNull();
		expect(kindQuestion({ code: 'unclosed_quote' })).toBeNull();
		expect(kindQuestion({ code: 'not_kind' })).toBeNull();
	});

	it('says a confidence as a whole percentage, within 0–100', () => {
		expect(confidencePercent(0.554)).toBe(55);
		expect(confidencePercent(1.2)).toBe(100);
		expect(confidencePercent(-1)).toBe(0);
	});
});

describe('rejected rows', () => {
	// 6 rows rejected; the report lists 8 cells of the first 5 of them.
	const file = {
		kind: 'invoices',
		rejected: 6,
		rejections: [
			{ line: 3, column: 'Fecha', value: '31/02/2025', reason: 'fecha', code: 'bad_date' },
			{ line: 3, column: 'Importe', value: 'x', reason: 'número', code: 'bad_number' },
			{ line: 4, column: 'Importe', value: 'y', reason: 'número', code: 'bad_number' },
			{ line: 5, column: 'Importe', value: 'z', reason: 'número', code: 'bad_number' },
			{ line: 5, column: 'Fecha', value: '0', reason: 'fecha', code: 'bad_date' },
			{ line: 6, column: 'Importe', value: 'w', reason: 'número', code: 'bad_number' },
			{ line: 7, column: 'Importe', value: 'v', reason: 'número', code: 'bad_number' },
			{ line: 7, column: '(row)', value: 'de más', reason: 'campos', code: 'extra_fields' }
		],
		rejected_rows: [3, 4, 5, 6, 7].map((line) => ({ line, values: { invoice_id: `F-${line}`, client_id: 'C1', invoice_date: '05/01/2025' } }))
	} as unknown as FileReport;

	it('groups cells by row: "8 of 6" cannot happen, the rows shown are counted as rows', () => {
		const r = rejectedRows(file, 'es');
		expect(r.rows.map((x) => [x.line, x.cells.length])).toEqual([
			[3, 2],
			[4, 1],
			[5, 2],
			[6, 1],
			[7, 2]
		]);
		expect([r.shown, r.total]).toEqual([5, 6]);
		expect(messages.es.rejectionsTitle(r.shown, r.total)).toBe('Filas rechazadas (se muestran 5 de 6)');
		expect(r.fields).toEqual(['Nº de factura', 'Cliente', 'Fecha de factura']);
		expect(r.rows[0]!.identity).toEqual(['F-3', 'C1', '05/01/2025']);
		// a limit counts rows, never splitting one
		const two = rejectedRows(file, 'en', 2);
		expect(two.rows.map((x) => x.line)).toEqual([3, 4]);
		expect(messages.en.rejectionsTitle(two.shown, two.total)).toBe('Rejected rows (showing 2 of 6)');
	});

	it('says one row in the singular, and all rows without "showing"', () => {
		const one = { ...file, rejected: 1, rejections: file.rejections.slice(0, 2), rejected_rows: file.rejected_rows.slice(0, 1) } as FileReport;
		const r = rejectedRows(one, 'es');
		expect([r.shown, r.total]).toEqual([1, 1]);
		expect(messages.es.rejectionsTitle(r.shown, r.total)).toBe('Fila rechazada (1)');
		expect(messages.en.rejectionsTitle(1, 1)).toBe('Rejected row (1)');
		expect(messages.es.rejectionsTitle(3, 3)).toBe('Filas rechazadas (3)');
	});

	it('rows stored without their identity still list, with empty identity', () => {
		const r = rejectedRows({ ...file, rejected_rows: [] } as unknown as FileReport, 'es');
		expect(r.fields).toEqual([]);
		expect(r.rows[0]!.identity).toEqual([]);
	});

	it('writes the rejections CSV with each cell beside its row’s identity, under business names', () => {
		const identifying = ['invoice_id', 'client_id', 'invoice_date'];
		const header = rejectionHeader('invoices', identifying, 'es');
		expect(header).toEqual(['Línea', 'Nº de factura', 'Cliente', 'Fecha de factura', 'Columna', 'Valor', 'Motivo']);
		const records = rejectionRecords(file.rejections, file.rejected_rows, identifying);
		expect(records[1]).toEqual([3, 'F-3', 'C1', '05/01/2025', 'Importe', 'x', 'número']);
		expect(records).toHaveLength(8);
		const text = toCsv(header, records, 'es');
		expect(text.split('\r\n')[1]).toBe('3;F-3;C1;05/01/2025;Fecha;31/02/2025;fecha');
		expect(rejectionHeader('invoices', identifying, 'en')).toEqual(['Line', 'Invoice number', 'Client', 'Invoice date', 'Column', 'Value', 'Reason']);
	});
});

describe('counts in the upload flow', () => {
	it('says 1 row, not 1 rows, in both languages', () => {
		expect(messages.es.doneFile('a.csv', 1, 1, 0, 1)).toBe('a.csv: 1 fila cargada (1 nueva, 0 actualizadas), 1 rechazada.');
		expect(messages.es.doneFile('a.csv', 2, 0, 2, 0)).toBe('a.csv: 2 filas cargadas (0 nuevas, 2 actualizadas), 0 rechazadas.');
		expect(messages.en.doneFile('a.csv', 1, 1, 0, 0)).toBe('a.csv: 1 row loaded (1 new, 0 updated), 0 rejected.');
		expect(messages.es.futureDates(1)).toBe('1 fila con fecha futura');
		expect(messages.en.futureDates(2)).toBe('2 rows dated in the future');
		expect(messages.es.previewTitle(1)).toBe('Primera fila, como se leerá');
		expect(messages.en.previewTitle(20)).toBe('First 20 rows, as they will be read');
		expect(messages.es.history.undoneOk(4, 1, 1)).toBe('Lote 4 deshecho: 1 fila quitada, 1 restaurada.');
		expect(messages.en.history.undoneOk(4, 1500, 2)).toBe('Batch 4 undone: 1,500 rows removed, 2 restored.');
	});
});
