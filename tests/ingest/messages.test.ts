// Every message of the upload flow has a code, an English and a Spanish text; the ingest says its
// reasons and warnings in the language asked for, stores reasons as code + values so the history
// reads in both languages, and keeps English as it always was.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { IngestError } from '../../src/lib/server/ingest/errors';
import { ingestFiles, readRejections } from '../../src/lib/server/ingest/ingest';
import { sayRejections } from '../../src/lib/i18n/ingest-report';
import { errorBody, MESSAGE_CODES, MESSAGES, say, sayError, type MessageCode } from '../../src/lib/i18n/ingest-messages';
import { cliLang } from '../../src/cli/ingest-options';
import { ingestSaid } from '../helpers/said';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

/** Values for every code, as the code that throws or stores it gives them. */
const SAMPLES: Record<MessageCode, Record<string, unknown>> = {
	file_unreadable: {},
	file_empty: {},
	file_too_large: { bytes: 2_500_000, limit_bytes: 1_048_576 },
	no_header: {},
	old_excel: {},
	zip_archive: {},
	binary_line: { line: 3 },
	xlsx_unreadable: { detail: 'End of data reached (data length = 0, asked index = 4)' },
	xlsx_no_sheets: {},
	xlsx_no_such_sheet: { sheet: 'Ventas', sheets: ['Hoja1', 'Hoja2'] },
	xlsx_sheet_no_table: { sheet: 'Notas', fitting: ['Ventas'] },
	xlsx_too_large: { bytes: 5_000_000_000, limit_bytes: 4_194_304_000 },
	xlsx_ratio: { part: 'xl/worksheets/sheet1.xml', ratio: 1010, limit: 100 },
	xlsx_part_mismatch: { part: 'xl/worksheets/sheet1.xml', bytes: 100_000 },
	too_many_columns: { line: 1, columns: 30_362, limit: 1000 },
	line_too_long: { line: 1, limit_bytes: 1_048_576 },
	unclosed_quote: { line: 12 },
	csv_unreadable: { detail: 'CSV Error on Line: 3' },
	cancelled: {},
	not_kind: { kind: 'clients', columns: ['name'], headers: ['Nº factura', 'Importe'] },
	unknown_kind: { headers: ['Color', 'Peso'] },
	ambiguous_kind: {
		candidates: [{ kind: 'invoices', confidence: 0.52 }, { kind: 'quotes', confidence: 0.48 }],
		evidence: [{ code: 'dates', column: 'Fecha' }, { code: 'amounts', column: 'Importe' }, { code: 'documents', n: 30, rows: 30 }]
	},
	documents_without_lines: {},
	lines_without_documents: { columns: ['client_id'] },
	invoice_parts_count: { documents: 2, lines: 1 },
	map_headers_absent: { headers: ['Total neto'] },
	map_missing_columns: { columns: ['amount'] },
	map_not_object: {},
	map_unknown_keys: { keys: ['tipo'] },
	map_bad_kind: { expected: ['clients', 'invoices'] },
	map_columns_not_object: {},
	map_unknown_column: { column: 'importe' },
	map_bad_header: { column: 'amount' },
	map_values_not_object: {},
	map_unknown_domain: { domain: 'estado', expected: ['outcome', 'quote_status'] },
	map_bad_value: { domain: 'outcome', text: 'Ganada', expected: ['open', 'won', 'lost'] },
	map_json: { detail: 'Unexpected end of JSON input' },
	map_unreadable: {},
	option_kind: { value: 'facturas', expected: ['clients', 'invoices'] },
	option_encoding: { value: 'latin9' },
	option_delimiter: {},
	option_header_line: {},
	option_quote: {},
	option_decimal: {},
	option_date_order: {},
	option_sheet: {},
	not_multipart: {},
	no_file: {},
	upload_too_large: { limit_mb: 20 },
	no_ids: {},
	staged_unknown: { id: 'abc' },
	bad_json: { detail: 'Unexpected token' },
	job_unknown: {},
	multipart_malformed: { detail: 'Unexpected end of form' },
	upload_aborted: { detail: 'aborted' },
	body_not_object: {},
	json_too_large: { limit_kb: 1024 },
	job_interrupted: {},
	internal_error: {},
	batch_bad_id: { id: 'abc' },
	batch_unknown: { batch: 9 },
	batch_undone: { batch: 3, batch_file: 'enero.csv', undone_at: '2026-01-05 10:20:30', undone_by: 'ana' },
	batch_blocked: { batch: 3, batch_file: 'enero.csv', blocker: 4, blocker_file: 'enero-bis.csv', rows: 2 },
	cli_no_file: {},
	cli_db_and_server: {},
	cli_rejects_server: {},
	cli_no_server: { origin: 'http://localhost:3000' },
	cli_server_refused: { origin: 'http://localhost:3000', status: 403 },
	db_locked: { database: 'data/cartera.duckdb', pid: 42 },
	missing: {},
	missing_amount: {},
	bad_number: { example: '1.234,56' },
	bad_integer: {},
	bad_date: { format: '%d/%m/%Y' },
	bad_month: { format: '%m/%Y' },
	out_of_range: {},
	negative: {},
	unknown_value: { domain: 'outcome' },
	no_document: { documents: 'Pedidos.csv' },
	extra_fields: { fields: 4 },
	duplicate_keys: { rows: 2 },
	unknown_clients: { lines: 3, clients: 2, examples: ['C9', 'C10'] },
	no_client: { lines: 2 },
	unknown_products: { lines: 1, products: 1, examples: ['P9'] },
	unknown_status: { kind: 'quotes', column: 'status', rows: 3, values: [{ value: 'Pendiente', n: 3 }] },
	unknown_values: { column: 'doc_type', values: [{ value: 'Remito', n: 2 }] },
	unknown_doc_status: { lines: 3, values: [{ value: 'En revisión', n: 3 }] },
	not_posted: { draft_lines: 2, draft_documents: 1, cancelled_lines: 3, cancelled_documents: 2 },
	amounts_include_tax: { column: 'DocTotal' },
	no_data_rows: {},
	future_dates: { rows: 2, today: '2026-01-05', latest: '2026-03-01' },
	skipped_lines: { reason: 'total', rows: 1, lines: [13] },
	unreadable_optional: {
		column: 'Fecha estimada de cierre',
		field: 'expected_close_at',
		reason: { code: 'bad_date', params: { format: '%d/%m/%Y' } },
		rows: 2,
		examples: [{ value: 'pendiente', line: 3 }, { value: 'n/a', line: 9 }]
	},
	xlsx_sheet_read: { sheet: 'Ventas', others: ['Portada', 'Notas'], chosen: 'fits' }
};

const folder = tempFolder();
let db: Database;
beforeAll(async () => {
	db = await openTempDatabase(folder);
});
afterAll(() => {
	db.close();
	folder.remove();
});

describe('the messages of the upload flow', () => {
	it('has an English and a Spanish text for every code, and no code without both', () => {
		expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.es).sort());
		expect([...MESSAGE_CODES].sort()).toEqual(Object.keys(SAMPLES).sort());
		expect(MESSAGE_CODES.length).toBe(94);
		for (const code of MESSAGE_CODES) {
			for (const lang of ['en', 'es'] as const) {
				expect(typeof MESSAGES[lang][code], `${lang} ${code}`).toBe('function');
				const text = say(lang, code, SAMPLES[code] as never);
				expect(text.trim().length, `${lang} ${code}`).toBeGreaterThan(0);
				expect(text, `${lang} ${code}`).not.toMatch(/undefined|\[object |NaN/);
			}
			expect(say('es', code, SAMPLES[code] as never), code).not.toBe(say('en', code, SAMPLES[code] as never));
		}
	});

	it('says a few of them in Spanish as a Latin American analyst reads them', () => {
		const es = (code: MessageCode, params: Record<string, unknown>) => say('es', code, params as never);
		expect(es('file_empty', { file: 'vacio.csv' })).toBe('vacio.csv: el archivo está vacío.');
		expect(es('unclosed_quote', { file: 'comillas.csv', line: 12 })).toBe(
			'comillas.csv: línea 12: aquí empieza un valor entre comillas que nunca se cierra (comillas desbalanceadas); corrige las comillas de esta línea.'
		);
		expect(es('bad_number', { example: '1.234,56' })).toBe('se esperaba un número como 1.234,56');
		expect(es('bad_date', { format: '%d/%m/%Y' })).toBe('se esperaba una fecha como dd/mm/aaaa');
		expect(es('bad_date', { format: '%d-%b-%y' })).toBe('se esperaba una fecha como dd-mmm-aa');
		expect(es('file_too_large', { file: 'grande.csv', bytes: 2_500_000, limit_bytes: 1_048_576 })).toBe(
			'grande.csv: el archivo ocupa 2,4 MB, más que el límite de 1,0 MB (CARTERA_MAX_UPLOAD_MB).'
		);
		expect(es('batch_blocked', SAMPLES.batch_blocked)).toBe(
			'El lote 4 (enero-bis.csv) cambió 2 filas que había cargado el lote 3 (enero.csv): deshaz antes el lote 4.'
		);
		expect(es('batch_undone', SAMPLES.batch_undone)).toBe('El lote 3 (enero.csv) ya lo deshizo ana el 05/01/2026 10:20:30.');
		expect(es('option_date_order', { option: '--date-order' })).toBe(
			'--date-order: el orden de las fechas debe ser dmy (31/12/2025), mdy (12/31/2025) o ymd (2025-12-31).'
		);
		expect(es('unknown_status', SAMPLES.unknown_status)).toBe(
			'3 presupuestos tienen un estado desconocido, conservado tal como está escrito: "Pendiente" (3). ' +
				'No cuentan en ninguna cifra de estados hasta que una asignación diga qué significan (--map, "values").'
		);
		expect(es('future_dates', { rows: 1, today: '2026-01-05', latest: '2026-03-01' })).toBe(
			'1 fila tiene fecha posterior a hoy (05/01/2026); la más reciente es del 01/03/2026.'
		);
	});

	it('keeps only a code and values in an error, said in English or Spanish where the user is', () => {
		const error = new IngestError('unclosed_quote', { file: 'comillas.csv', line: 2 });
		const english = 'comillas.csv: line 2: a quoted value opens here and is never closed (unbalanced quotes); fix the quotes of this line.';
		expect(sayError(error, 'en')).toBe(english);
		expect(sayError(error, 'es')).toMatch(/^comillas\.csv: línea 2: aquí empieza un valor entre comillas/);
		expect(errorBody(error, 'en')).toEqual({ error: english, code: 'unclosed_quote', params: { file: 'comillas.csv', line: 2 } });
		// The message is for logs: the subject, the code and its values, no words of either language.
		expect(error.message).toBe('comillas.csv: unclosed_quote {"line":2}');
		expect(error.file).toBe('comillas.csv');
	});
});

describe('an ingest in Spanish', () => {
	const invoices = folder.write(
		'facturas.csv',
		'Nº factura;Fecha;Código cliente;Importe\r\nF-1;05/01/2025;C1;1.000,00\r\nF-2;31/02/2025;C1;10,00\r\nF-3;07/01/2025;C2;12,3x\r\nF-4;08/01/2025;C2;1,00;sobra\r\n'
	);

	it('says reasons and warnings in Spanish, stores the code and English text, and reads the history in both languages', async () => {
		const rejects = folder.path('rechazos.csv');
		const f = (await ingestSaid(db, [{ path: invoices, name: 'facturas.csv' }], { rejectsPath: rejects }, 'es')).files[0]!;
		expect(f.rejections).toEqual([
			{ line: 3, column: 'Fecha', value: '31/02/2025', reason: 'se esperaba una fecha como dd/mm/aaaa', code: 'bad_date' },
			{ line: 4, column: 'Importe', value: '12,3x', reason: 'se esperaba un número como 1.234,56', code: 'bad_number' },
			{ line: 5, column: '(row)', value: 'sobra', reason: 'la fila tiene más campos que los 4 del encabezado', code: 'extra_fields' }
		]);
		expect(f.warnings).toEqual([
			'1 línea se refiere a 1 código de cliente que no está en la tabla de clientes (C1); cuenta en los ingresos como clientes sin atributos.'
		]);
		expect(readFileSync(rejects, 'utf8')).toContain('Importe: se esperaba un número como 1.234,56 (""12,3x"")');

		const stored = await db.all<{ reason: string; reason_code: string; reason_params: string }>(
			`SELECT reason, reason_code, reason_params::VARCHAR AS reason_params FROM upload_rejections WHERE batch_id = $1 ORDER BY line`,
			[f.batch_id]
		);
		expect(stored).toEqual([
			{ reason: 'expected a date as dd/mm/yyyy', reason_code: 'bad_date', reason_params: '{"format":"%d/%m/%Y"}' },
			{ reason: 'expected a number like 1.234,56', reason_code: 'bad_number', reason_params: '{"example":"1.234,56"}' },
			{ reason: "the row has more fields than the header's 4", reason_code: 'extra_fields', reason_params: '{"fields":4}' }
		]);
		const history = await readRejections(db, f.batch_id, 10);
		expect(sayRejections(history, 'en').map((r) => r.reason)).toEqual(stored.map((r) => r.reason));
		expect(sayRejections(history, 'es').map((r) => r.reason)).toEqual(f.rejections.map((r) => r.reason));
	});

	it('reports codes and values only: the core words nothing, the edge says the same report in either language', async () => {
		const path = folder.write('facturas2.csv', 'Nº factura;Fecha;Código cliente;Importe\r\nG-1;05/01/2025;C9;1.000,00\r\nG-2;06/01/2025;C9;12,3x\r\n');
		const f = (await ingestFiles(db, [{ path, name: 'facturas2.csv' }])).files[0]!;
		expect(f.rejections).toEqual([{ line: 3, column: 'Importe', value: '12,3x', code: 'bad_number', params: { example: '1.234,56' }, stored: 'bad_number' }]);
		expect(f.warnings).toEqual([{ code: 'unknown_clients', params: { lines: 1, clients: 1, examples: ['C9'] } }]);
		// Without the edge's words, the stored reason is the code; the history is still said from the code.
		expect(sayRejections(await readRejections(db, f.batch_id, 10), 'en')[0]!.reason).toBe('expected a number like 1.234,56');
	});

	it('reads rejections stored before reasons had codes with their English text', async () => {
		await db.run(`INSERT INTO upload_rejections (batch_id, line, "column", value, reason) VALUES (9999, 2, 'Importe', 'x', 'expected a number like 1.234,56')`);
		expect(sayRejections(await readRejections(db, 9999, 10), 'es')).toEqual([{ line: 2, column: 'Importe', value: 'x', reason: 'expected a number like 1.234,56', code: '' }]);
	});

	it('says refusals in English by default, with their code', async () => {
		const error = await ingestFiles(db, [{ path: folder.write('vacio.csv', ''), name: 'vacio.csv' }]).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(IngestError);
		expect(sayError(error as IngestError, 'en')).toBe('vacio.csv: the file is empty.');
		expect((error as IngestError).code).toBe('file_empty');
		expect(sayError(error as IngestError, 'es')).toBe('vacio.csv: el archivo está vacío.');
	});
});

describe('the CLI language', () => {
	it('is Spanish with CARTERA_LANG=es or a Spanish locale, English otherwise', () => {
		expect(cliLang({ CARTERA_LANG: 'es' })).toBe('es');
		expect(cliLang({ CARTERA_LANG: 'en', LANG: 'es_BO.UTF-8' })).toBe('en');
		expect(cliLang({ LANG: 'es_BO.UTF-8' })).toBe('es');
		expect(cliLang({ LC_ALL: 'es_MX.UTF-8', LANG: 'C.UTF-8' })).toBe('es');
		expect(cliLang({ LC_ALL: 'C', LANG: 'es_ES.UTF-8' })).toBe('en');
		expect(cliLang({ LANG: 'C.UTF-8' })).toBe('en');
		expect(cliLang({})).toBe('en');
	});
});
