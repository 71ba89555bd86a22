// The words of the upload flow, in English and Spanish, for every code the ingest core throws or
// stores (src/lib/server/ingest/codes.ts holds the codes and their values): file-level refusals
// (IngestError, UploadError, BatchError), the reasons of rejected cells, the warnings about rows
// that loaded, and the CLI's own refusals. They are said at the edges — the HTTP routes (in the
// request's language), the CLI (cliLang) and the pages — and by the ingest's report (in the
// language it is asked for). A message about a file or an option starts with it: "x.csv: …".
// The English texts are the ones users and scripts have always seen: change them with care.
import { formatNumber } from '../format';
import type { Lang } from './lang';
import { KIND_SPECS, KINDS, type Kind, type KindSpec } from '../server/ingest/kinds';
import type { Counted, MessageCode, MessageParams, Said, Subject } from '../server/ingest/codes';
import type { Fact } from '../server/ingest/recognise/types';
import { kindWord, sayFacts } from './recognition-words';
import { fieldName } from './field-names';


/**
 * A required column as a user would look for it, by the field's name in the mapping of Cargar
 * datos (fieldName): `"Importe" o "Cantidad" + "Precio unitario"`; never the code identifier.
 */
function describeColumn(spec: KindSpec, name: string, lang: Lang): string {
	const column = spec.columns.find((c) => c.name === name);
	const label = (n: string) => `"${fieldName(spec.kind, n, lang)}"`;
	const or = ` ${lang === 'es' ? 'o' : 'or'} `;
	const alternatives = column?.requiredUnless ? or + column.requiredUnless.map((set) => set.map(label).join(' + ')).join(or) : '';
	return label(name) + alternatives;
}

/** The required columns of a kind, described (for messages). */
function expectedHeaders(spec: KindSpec, lang: Lang = 'en'): string {
	return spec.columns
		.filter((c) => c.required)
		.map((c) => describeColumn(spec, c.name, lang))
		.join(', ');
}

const quoted = (values: string[]) => values.map((v) => `"${v}"`).join(', ');
const counted = (values: Counted[]) => values.map((r) => `"${r.value}" (${r.n})`).join(', ');
/** Spanish lists end with "o"/"y": `a, b o c`. */
const listEs = (values: string[], last: 'o' | 'y' = 'o') => (values.length > 1 ? `${values.slice(0, -1).join(', ')} ${last} ${values.at(-1)}` : (values[0] ?? ''));
const n = (x: number) => formatNumber(x, 'es');
/** Singular or plural Spanish word by count. */
const pl = (count: number, one: string, many: string) => (count === 1 ? one : many);
/** The lines a message lists, and how many more there are: "line 3", "lines 1, 2 and 3", "lines 1, 2, … and 8 more". */
function linesSaid(lines: number[], rows: number, lang: Lang): string {
	const more = rows - lines.length;
	const shown = lines.map((l) => (lang === 'es' ? n(l) : String(l)));
	const word = lang === 'es' ? pl(rows, 'línea', 'líneas') : pl(rows, 'line', 'lines');
	if (shown.length === 0) return '';
	if (more > 0) return `${word} ${shown.join(', ')}${lang === 'es' ? ` y ${n(more)} más` : ` and ${more} more`}`;
	return `${word} ${lang === 'es' ? listEs(shown, 'y') : shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : shown[0]}`;
}
/** Values and their lines: `"pendiente" (line 5), "n/a" (line 9), …`. */
function examplesSaid(examples: { value: string; line: number | null }[], rows: number, lang: Lang): string {
	const said = examples.map((e) => `"${e.value}"${e.line === null ? '' : ` (${lang === 'es' ? 'línea' : 'line'} ${e.line})`}`);
	return said.join(', ') + (rows > examples.length ? ', …' : '');
}
const sizeEn = (bytes: number) => (bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`);
const sizeEs = (bytes: number) => (bytes >= 1048576 ? `${formatNumber(bytes / 1048576, 'es', 1)} MB` : `${n(Math.ceil(bytes / 1024))} kB`);
/** 'YYYY-MM-DD[ HH:MM:SS]' → 'DD/MM/YYYY[ HH:MM:SS]' (the Spanish locale's dates). */
const dateEs = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})/, '$3/$2/$1');
/** The document fields a lines file lacks, by their business names ("Fecha de factura" and "Cliente" when not known). */
const missingDocumentFields = (columns: string[] | undefined, lang: Lang) => {
	const names = (columns?.length ? columns : ['invoice_date', 'client_id']).map((c) => `"${fieldName('invoices', c, lang)}"`);
	return lang === 'es' ? listEs(names, 'y') : names.join(' and ');
};
const kindEs = (kind: string) => KIND_SPECS[kind as Kind]?.label ?? kind;

/** A date format as a pattern a user reads: %d/%m/%Y → dd/mm/yyyy (en), dd/mm/aaaa (es). */
function datePattern(format: string, lang: Lang): string {
	if (lang === 'en') return format.replace('%d', 'dd').replace('%m', 'mm').replace('%Y', 'yyyy').replace('%y', 'yy');
	return format.replace('%d', 'dd').replace('%m', 'mm').replace('%B', 'mmmm').replace('%b', 'mmm').replace('%Y', 'aaaa').replace('%y', 'aa');
}

const VOCABULARY_EXAMPLES: Record<Lang, Record<string, string>> = {
	en: {
		outcome: 'won / lost / open / no go (e.g. Ganada, Perdida, Abierta, Closed Won, Descartada)',
		quote_status: 'draft / sent / accepted / rejected / expired (e.g. Borrador, Enviado, Aceptado, Rechazado, Vencido)',
		target_scope: 'a goal scope: total / account manager / product line / region / business unit (e.g. Total, Ejecutivo, Línea, Región, Unidad de negocio)'
	},
	es: {
		outcome: 'ganada / perdida / abierta / no go (p. ej., Ganada, Perdida, Abierta, Closed Won, Descartada)',
		quote_status: 'borrador / enviado / aceptado / rechazado / vencido (p. ej., Borrador, Enviado, Aceptado, Rechazado, Vencido)',
		target_scope: 'un ámbito de meta: total / ejecutivo / línea de producto / región / unidad de negocio (p. ej., Total, Ejecutivo, Línea, Región, Unidad de negocio)'
	}
};

/** The CLI's usage line. */
export function ingestUsage(lang: Lang): string {
	const kinds = KINDS.join('|');
	return lang === 'es'
		? `Uso: npm run ingest -- ARCHIVO... [--kind ${kinds}] [--encoding E] [--delimiter D] [--quote Q]
                       [--header-line N] [--sheet NOMBRE|N] [--decimal ,|.] [--date-order dmy|mdy|ymd]
                       [--map asignacion.json] [--rejects rechazos.csv] [--db RUTA | --server URL] [--json]`
		: `Usage: npm run ingest -- FILE... [--kind ${kinds}] [--encoding E] [--delimiter D] [--quote Q]
                         [--header-line N] [--sheet NAME|N] [--decimal ,|.] [--date-order dmy|mdy|ymd]
                         [--map mapping.json] [--rejects rejects.csv] [--db PATH | --server URL] [--json]`;
}

// ---------------------------------------------------------------------------------------------
// English.

type Catalogue = { [C in MessageCode]: (p: MessageParams<C>) => string };

const en: Catalogue = {
	// Reading a file
	file_unreadable: () => 'file not found or not readable.',
	file_empty: () => 'the file is empty.',
	file_too_large: (p: { bytes: number; limit_bytes: number }) =>
		`the file is ${sizeEn(p.bytes)}, over the limit of ${sizeEn(p.limit_bytes)} (CARTERA_MAX_UPLOAD_MB).`,
	no_header: () => 'no header row found.',
	old_excel: () => 'this is an Excel 97-2003 workbook (.xls); save it as .xlsx or as CSV.',
	zip_archive: () => 'this is a ZIP archive, not a text export nor an Excel workbook (.xlsx).',
	binary_line: (p: { line: number }) => `line ${p.line} holds a NUL byte: this is binary data, not a text export; save it as CSV.`,
	xlsx_unreadable: (p: { detail: string }) => `this Excel workbook cannot be read: ${p.detail}.`,
	xlsx_no_sheets: () => 'this Excel workbook has no worksheet.',
	xlsx_no_such_sheet: (p: { sheet: string | number; sheets: string[] }) =>
		`this Excel workbook has no worksheet ${typeof p.sheet === 'number' ? `number ${p.sheet}` : `"${p.sheet}"`} (it has ${quoted(p.sheets) || 'none'}).`,
	xlsx_sheet_no_table: (p: { sheet: string; fitting: string[] }) =>
		`the worksheet "${p.sheet}" holds no table Cartera can load; ${p.fitting.length > 1 ? `the worksheets ${quoted(p.fitting)} do` : `the worksheet "${p.fitting[0]}" does`}: ` +
		`choose it (--sheet "${p.fitting[0]}"), or choose no sheet and the table is found.`,
	xlsx_too_large: (p: { bytes: number; limit_bytes: number }) =>
		`this Excel workbook unpacks to ${sizeEn(p.bytes)}, over the limit of ${sizeEn(p.limit_bytes)} (20 times CARTERA_MAX_UPLOAD_MB); save the worksheet as CSV or split it.`,
	xlsx_ratio: (p: { part?: string; ratio: number; limit: number }) =>
		`${p.part ? `the part ${p.part} of this Excel workbook` : 'this Excel workbook'} unpacks to ${p.ratio} times its packed size, over the limit of ${p.limit}:1; ` +
		'no real workbook packs that tightly (a "zip bomb"), so it is not read.',
	xlsx_part_mismatch: (p: { part: string; bytes: number }) =>
		`the part ${p.part} of this Excel workbook does not unpack to the ${p.bytes} bytes its ZIP directory declares: the file is damaged or forged, so it is not read.`,
	too_many_columns: (p: { line: number; columns: number; limit: number }) =>
		`line ${p.line} has more than ${p.limit} columns (at least ${p.columns}), the limit; check the delimiter, or keep only the columns to load.`,
	line_too_long: (p: { line: number; limit_bytes: number }) =>
		`line ${p.line} is longer than ${sizeEn(p.limit_bytes)}, the limit for one line; check the line breaks (this may not be a text export).`,
	unclosed_quote: (p: { line: number }) =>
		`line ${p.line}: a quoted value opens here and is never closed (unbalanced quotes); fix the quotes of this line.`,
	csv_unreadable: (p: { detail: string }) => `the file cannot be read as CSV: ${p.detail}`,
	cancelled: () => 'the upload was cancelled; nothing was changed.',

	// Kind and columns
	not_kind: (p: { kind: Kind; columns: string[]; headers: string[] }) =>
		`not a ${p.kind} export: no column for ${p.columns.map((c) => describeColumn(KIND_SPECS[p.kind], c, 'en')).join(', ')}. ` +
		`Headers found: ${p.headers.join(', ')}.`,
	unknown_kind: (p: { headers: string[]; ruled_out?: Fact[] }) =>
		`cannot tell what this export holds from its headers (${p.headers.join(', ')})` +
		(p.ruled_out?.length ? ` nor its values (${sayFacts(p.ruled_out, 'en')})` : '') +
		`. Expected, for each kind:\n` +
		KINDS.map((k) => `  ${k}: ${expectedHeaders(KIND_SPECS[k], 'en')}`).join('\n') +
		'\nRename the headers or give --kind.',
	ambiguous_kind: (p: { candidates: { kind: Kind; confidence: number }[]; evidence: Fact[] }) =>
		`could be ${p.candidates.map((c) => `${kindWord(c.kind, 'en')} (${Math.round(c.confidence * 100)} %)`).join(' or ')}: ` +
		`too close to tell (${sayFacts(p.evidence, 'en')}). Say which with ${p.candidates.map((c) => `--kind ${c.kind}`).join(' or ')}; nothing was loaded.`,
	documents_without_lines: () =>
		'these are invoice documents without amounts (no "Amount" nor "Quantity" + "Unit price"): ' +
		'give their lines file in the same load, or an invoices export with all of ' +
		`${expectedHeaders(KIND_SPECS.invoices, 'en')}.`,
	lines_without_documents: (p: { columns?: string[] }) =>
		`these are invoice lines without their documents (no column for ${missingDocumentFields(p.columns, 'en')}): ` +
		'give the documents file (number, date, client) in the same load, or map the column that holds it.',
	invoice_parts_count: (p: { documents: number; lines: number }) =>
		`give one documents file and one lines file per load (got ${p.documents} and ${p.lines}).`,

	// Mappings (--map, the upload page's columns table)
	map_headers_absent: (p: { headers: string[] }) => `the mapping names headers that no file has: ${p.headers.join(', ')}.`,
	map_missing_columns: (p: { columns: string[] }) => `after the mapping, no column for ${p.columns.join(', ')}.`,
	map_not_object: () => 'expected a JSON object with "kind", "columns" and/or "values".',
	map_unknown_keys: (p: { keys: string[] }) => `unknown key ${quoted(p.keys)} (expected "kind", "columns", "values").`,
	map_bad_kind: (p: { expected: string[] }) => `"kind" must be one of ${p.expected.join(', ')}.`,
	map_columns_not_object: () => '"columns" must map canonical columns to headers.',
	map_unknown_column: (p: { column: string }) => `"columns": unknown column "${p.column}".`,
	map_bad_header: (p: { column: string }) => `"columns": "${p.column}" must be a header name or null.`,
	map_values_not_object: () => '"values" must map domains to {text: value}.',
	map_unknown_domain: (p: { domain: string; expected: string[] }) => `"values": unknown domain "${p.domain}" (expected ${p.expected.join(', ')}).`,
	map_bad_value: (p: { domain: string; text: string; expected: string[] }) =>
		`"values"."${p.domain}"."${p.text}" must be one of ${p.expected.join(', ')}.`,
	map_json: (p: { detail: string }) => `not valid JSON: ${p.detail}`,
	map_unreadable: () => 'mapping file not found or not readable.',

	// Options (CLI flags, the API's and the upload page's fields)
	option_kind: (p: { value: string; expected: string[] }) => `unknown kind "${p.value}"; expected one of ${p.expected.join(', ')}.`,
	option_encoding: (p: { value: string }) =>
		`unknown encoding "${p.value}"; expected utf-8, utf-16, windows-1252, iso-8859-1, cp850 or macroman.`,
	option_delimiter: () => 'the delimiter must be one character (or tab, semicolon, comma, pipe).',
	option_header_line: () => 'the header line must be a whole number from 1.',
	option_quote: () => `the quote character must be " or '.`,
	option_decimal: () => 'the decimal mark must be "," or ".".',
	option_date_order: () => 'the date order must be dmy (31/12/2025), mdy (12/31/2025) or ymd (2025-12-31).',
	option_sheet: () => 'the sheet must be a worksheet\'s name or its position from 1.',

	// The HTTP upload flow
	not_multipart: () => 'Send the files as multipart/form-data (field "file").',
	no_file: () => 'No file in the upload (field "file").',
	upload_too_large: (p: { limit_mb: number }) => `the file is larger than the limit of ${p.limit_mb} MB.`,
	no_ids: () => 'Give the ids of the staged files ("ids": [...]).',
	staged_unknown: (p: { id: unknown }) => `No staged file ${JSON.stringify(p.id)} (files are kept one hour after upload): upload it again.`,
	bad_json: (p: { detail: string }) => `The request body is not valid JSON: ${p.detail}`,
	job_unknown: () => 'No such upload job (jobs are kept one hour after they finish).',
	multipart_malformed: (_p: { detail: string }) =>
		'The upload could not be read: its multipart/form-data body is malformed or incomplete. Send the files again as multipart/form-data (field "file").',
	upload_aborted: (_p: { detail: string }) => 'The upload was interrupted before it was complete; nothing was kept. Send the files again.',
	body_not_object: () => 'The request body must be a JSON object such as {"ids": [...], "options": {...}, "map": {...}}.',
	json_too_large: (p: { limit_kb: number }) => `The request body is larger than ${p.limit_kb} kB.`,
	job_interrupted: () =>
		'The upload was interrupted by a restart of the server before it finished; look at the upload history, and commit the files again if they are not there.',
	internal_error: () => 'Something went wrong on the server; nothing was changed by this request. Try again, and tell your administrator if it happens again.',

	// Undoing a batch
	batch_bad_id: (p: { id: string }) => `"${p.id}" is not a batch number.`,
	batch_unknown: (p: { batch: number }) => `There is no batch ${p.batch}.`,
	batch_undone: (p: { batch: number; batch_file: string; undone_at: string; undone_by: string | null }) =>
		`Batch ${p.batch} (${p.batch_file}) was already undone on ${p.undone_at}${p.undone_by ? ` by ${p.undone_by}` : ''}.`,
	batch_blocked: (p: { batch: number; batch_file: string; blocker: number; blocker_file: string; rows: number }) =>
		`Batch ${p.blocker} (${p.blocker_file}) changed ${p.rows} ${pl(p.rows, 'row', 'rows')} that batch ${p.batch} (${p.batch_file}) loaded: undo batch ${p.blocker} first.`,

	// The command line
	cli_no_file: () => `No file given.\n${ingestUsage('en')}`,
	cli_db_and_server: () => 'Give either --db or --server, not both.',
	cli_rejects_server: () => '--rejects writes a local file: use it with --db, not --server.',
	cli_no_server: (p: { origin: string }) => `No Cartera server answers at ${p.origin}; start it with npm start, or leave out --server.`,
	cli_server_refused: (p: { origin: string; status: number }) =>
		`The server at ${p.origin} refused the upload (${p.status}): set CARTERA_TOKEN to an API token of an analyst or admin.`,
	db_locked: (p: { database: string; pid: number | null }) =>
		`The database ${p.database} is in use by another process${p.pid ? ` (PID ${p.pid})` : ''}, ` +
		'most likely the running Cartera server: stop it and run this command again, ' +
		'or send the files through it with --server (npm run ingest -- --server http://localhost:3000 FILE…).',

	// Why a cell was rejected (stored with the rejection: reason_code, reason_params)
	missing: () => 'required value is empty',
	missing_amount: () => 'no amount (nor quantity and unit price)',
	bad_number: (p: { example: string }) => `expected a number like ${p.example}`,
	bad_integer: () => 'expected a whole number',
	bad_date: (p: { format: string }) => `expected a date as ${datePattern(p.format, 'en')}`,
	bad_month: (p: { format: string }) => `expected a month as ${datePattern(p.format, 'en')}`,
	out_of_range: () => 'expected a value between 0 and 1 (or 0 % and 100 %)',
	negative: () => 'expected 0 or more',
	unknown_value: (p: { domain: string }) => `unknown value; expected ${VOCABULARY_EXAMPLES.en[p.domain] ?? 'a known value'}`,
	no_document: (p: { documents?: string }) => `no document with this number in ${p.documents ?? 'the documents file'}`,
	extra_fields: (p: { fields?: number }) => (p.fields === undefined ? 'the row has more fields than the header' : `the row has more fields than the header's ${p.fields}`),

	// About rows that loaded (a file's warnings)
	duplicate_keys: (p: { rows: number }) =>
		p.rows === 1
			? '1 row repeats the key of a later row of the file; the later row was kept.'
			: `${p.rows} rows repeat the key of a later row of the file; the later row was kept.`,
	unknown_clients: (p: { lines: number; clients: number; examples: string[] }) =>
		`${p.lines} ${pl(p.lines, 'line refers', 'lines refer')} to ${p.clients} ${pl(p.clients, 'client code that is', 'client codes that are')} not in the clients table ` +
		`(${p.examples.join(', ')}${p.clients > 5 ? ', …' : ''}); ${pl(p.lines, 'it counts', 'they count')} in revenue as clients without attributes.`,
	no_client: (p: { lines: number }) =>
		`${p.lines} ${pl(p.lines, 'line has no client; it counts', 'lines have no client; they count')} in revenue under "no client".`,
	unknown_products: (p: { lines: number; products: number; examples: string[] }) =>
		`${p.lines} ${pl(p.lines, 'line refers', 'lines refer')} to ${p.products} ${pl(p.products, 'product code that is', 'product codes that are')} not in the products table ` +
		`(${p.examples.join(', ')}${p.products > 5 ? ', …' : ''}); ${pl(p.lines, 'it counts', 'they count')} in revenue as products without a name or product line.`,
	unknown_status: (p: { kind: 'quotes' | 'opportunities'; column: 'status' | 'outcome'; rows: number; values: Counted[] }) =>
		`${p.rows} ${p.rows === 1 ? { quotes: 'quote', opportunities: 'opportunity' }[p.kind] : p.kind} ${pl(p.rows, 'has', 'have')} a ${p.column} we do not know, kept as written: ${counted(p.values)}. ` +
		`They count in no ${p.column} figure until a mapping says what they mean (--map, "values").`,
	unknown_values: (p: { column: string; values: Counted[] }) => `Unknown ${p.column} values kept as written: ${counted(p.values)}.`,
	unknown_doc_status: (p: { lines: number; values: Counted[] }) =>
		`${p.lines} ${p.lines === 1 ? 'line has a document status' : 'lines have a document status'} we do not know, kept as written: ${counted(p.values)}. ` +
		`${p.lines === 1 ? 'It counts' : 'They count'} as posted; if some are drafts or cancelled, say so with a mapping (--map, "values": {"doc_status": {…: "draft" or "cancelled"}}).`,
	not_posted: (p: { draft_lines: number; draft_documents: number; cancelled_lines: number; cancelled_documents: number }) =>
		[
			p.draft_lines ? `${p.draft_documents} draft ${p.draft_documents === 1 ? 'document' : 'documents'} (${p.draft_lines} ${p.draft_lines === 1 ? 'line' : 'lines'})` : '',
			p.cancelled_lines ? `${p.cancelled_documents} cancelled ${p.cancelled_documents === 1 ? 'document' : 'documents'} (${p.cancelled_lines} ${p.cancelled_lines === 1 ? 'line' : 'lines'})` : ''
		]
			.filter(Boolean)
			.join(' and ') + ' were stored; they count in no figure unless a later file posts them.',
	amounts_include_tax: (p: { column: string }) =>
		`The amounts were read from "${p.column}", a total that includes tax: the file has no net amount (before tax) nor a tax column. ` +
		'Revenue from this file includes tax; export the net amount (subtotal, base imponible) to have it without.',
	no_data_rows: () => 'The file has its header row but no data rows: nothing to load.',
	future_dates: (p: { rows: number; today: string; latest: string }) =>
		`${p.rows} ${pl(p.rows, 'row is', 'rows are')} dated after today (${p.today}); the latest is ${p.latest}.`,
	skipped_lines: (p: { reason: 'title' | 'blank' | 'subtotal' | 'total' | 'note' | 'group'; rows: number; lines: number[] }) => {
		const what = {
			title: `title ${pl(p.rows, 'line', 'lines')} above the header`,
			blank: `${pl(p.rows, 'line', 'lines')} with nothing but delimiters or spaces`,
			subtotal: `subtotal ${pl(p.rows, 'row', 'rows')}`,
			total: `total ${pl(p.rows, 'row', 'rows')}`,
			note: `${pl(p.rows, 'note', 'notes')} below the data (the report's footer)`,
			group: `group ${pl(p.rows, 'heading', 'headings')} (the client of the lines below ${pl(p.rows, 'it', 'them')}, given to each line)`
		}[p.reason];
		const lines = linesSaid(p.lines, p.rows, 'en');
		const data = p.reason === 'subtotal' || p.reason === 'total' ? ', not loaded as data' : '';
		return `${p.rows} ${what} ${pl(p.rows, 'was', 'were')} skipped${data}${lines ? ` (${lines})` : ''}.`;
	},
	unreadable_optional: (p: { column: string; field: string; reason: Said; rows: number; examples: { value: string; line: number | null }[] }) =>
		`${p.rows} ${pl(p.rows, 'row has', 'rows have')} a value in "${p.column}" that cannot be read (${sayStored('en', p.reason.code, p.reason.params) ?? p.reason.code}): ` +
		`${examplesSaid(p.examples, p.rows, 'en')}; the field was left empty and the ${pl(p.rows, 'row was', 'rows were')} loaded.`,
	xlsx_sheet_read: (p: { sheet: string; others: string[]; chosen: 'given' | 'fits' | 'first' }) =>
		({
			given: `Read the worksheet "${p.sheet}", as asked`,
			fits: `Read the worksheet "${p.sheet}", the first whose table Cartera can load`,
			first: `Read the first worksheet, "${p.sheet}": no worksheet holds a table Cartera recognises`
		})[p.chosen] + `; not read: ${quoted(p.others)}${p.chosen === 'given' ? '' : ' (--sheet chooses another)'}.`
};


// ---------------------------------------------------------------------------------------------
// Spanish (Latin America): the same codes, the same values.

const STATUS_ES = { status: ['un estado', 'estados'], outcome: ['un resultado', 'resultados'] } as const;
const ROWS_ES = { quotes: ['presupuesto', 'presupuestos'], opportunities: ['oportunidad', 'oportunidades'] } as const;
const COLUMN_ES: Record<string, string> = { doc_type: 'tipo de documento (doc_type)', kind: 'tipo de oportunidad (kind)' };

const es: Catalogue = {
	file_unreadable: () => 'el archivo no existe o no se puede leer.',
	file_empty: () => 'el archivo está vacío.',
	file_too_large: (p) => `el archivo ocupa ${sizeEs(p.bytes)}, más que el límite de ${sizeEs(p.limit_bytes)} (CARTERA_MAX_UPLOAD_MB).`,
	no_header: () => 'no se encontró la fila de encabezados.',
	old_excel: () => 'es un libro de Excel 97-2003 (.xls); guárdalo como .xlsx o como CSV.',
	zip_archive: () => 'es un archivo ZIP, no una exportación de texto ni un libro de Excel (.xlsx).',
	binary_line: (p) => `la línea ${n(p.line)} tiene un byte NUL: son datos binarios, no una exportación de texto; guárdalo como CSV.`,
	xlsx_unreadable: (p) => `este libro de Excel no se puede leer: ${p.detail}.`,
	xlsx_no_sheets: () => 'este libro de Excel no tiene ninguna hoja.',
	xlsx_no_such_sheet: (p) =>
		`este libro de Excel no tiene la hoja ${typeof p.sheet === 'number' ? `número ${p.sheet}` : `"${p.sheet}"`} ` +
		`(${p.sheets.length ? `sus hojas son ${listEs(p.sheets.map((s) => `"${s}"`), 'y')}` : 'no tiene ninguna'}).`,
	xlsx_sheet_no_table: (p) =>
		`la hoja "${p.sheet}" no tiene ninguna tabla que Cartera pueda cargar; ` +
		`${p.fitting.length > 1 ? `las hojas ${listEs(p.fitting.map((s) => `"${s}"`), 'y')} sí` : `la hoja "${p.fitting[0]}" sí`}: ` +
		`elígela (--sheet "${p.fitting[0]}"), o no elijas ninguna hoja y se encontrará la tabla.`,
	xlsx_too_large: (p) =>
		`este libro de Excel ocupa ${sizeEs(p.bytes)} descomprimido, más que el límite de ${sizeEs(p.limit_bytes)} (20 veces CARTERA_MAX_UPLOAD_MB); guarda la hoja como CSV o divídela.`,
	xlsx_ratio: (p) =>
		`${p.part ? `la parte ${p.part} de este libro de Excel` : 'este libro de Excel'} se descomprime a ${n(p.ratio)} veces su tamaño comprimido, más que el límite de ${n(p.limit)}:1; ` +
		'ningún libro real se comprime tanto (una "bomba zip"), así que no se lee.',
	xlsx_part_mismatch: (p) =>
		`la parte ${p.part} de este libro de Excel no se descomprime a los ${n(p.bytes)} bytes que declara su directorio ZIP: el archivo está dañado o falsificado, así que no se lee.`,
	too_many_columns: (p) =>
		`la línea ${n(p.line)} tiene más de ${n(p.limit)} columnas (al menos ${n(p.columns)}), el límite; revisa el separador o deja solo las columnas que se van a cargar.`,
	line_too_long: (p) =>
		`la línea ${n(p.line)} ocupa más de ${sizeEs(p.limit_bytes)}, el límite para una línea; revisa los saltos de línea (puede que no sea una exportación de texto).`,
	unclosed_quote: (p) =>
		`línea ${n(p.line)}: aquí empieza un valor entre comillas que nunca se cierra (comillas desbalanceadas); corrige las comillas de esta línea.`,
	csv_unreadable: (p) => `el archivo no se puede leer como CSV: ${p.detail}`,
	cancelled: () => 'la carga se canceló; no se cambió nada.',

	not_kind: (p) =>
		`no es una exportación de ${kindEs(p.kind)}: no hay columna para ${p.columns.map((c) => describeColumn(KIND_SPECS[p.kind], c, 'es')).join(', ')}. ` +
		`Encabezados encontrados: ${p.headers.join(', ')}.`,
	unknown_kind: (p) =>
		`no se puede saber qué contiene esta exportación por sus encabezados (${p.headers.join(', ')})` +
		(p.ruled_out?.length ? ` ni por sus valores (${sayFacts(p.ruled_out, 'es')})` : '') +
		`. Se esperaba, para cada tipo:\n` +
		KINDS.map((k) => `  ${kindEs(k)}: ${expectedHeaders(KIND_SPECS[k], 'es')}`).join('\n') +
		'\nCambia el nombre de los encabezados o indica el tipo de datos (--kind).',
	ambiguous_kind: (p) =>
		`podría ser ${listEs(p.candidates.map((c) => `${kindWord(c.kind, 'es')} (${Math.round(c.confidence * 100)} %)`))}: ` +
		`demasiado parecidos para decidir (${sayFacts(p.evidence, 'es')}). Indica cuál con ${listEs(p.candidates.map((c) => `--kind ${c.kind}`))}; no se cargó nada.`,
	documents_without_lines: () =>
		'son documentos de factura sin importes (sin "Importe" ni "Cantidad" + "Precio unitario"): ' +
		'agrega su archivo de líneas en la misma carga, o una exportación de facturas con todas estas columnas: ' +
		`${expectedHeaders(KIND_SPECS.invoices, 'es')}.`,
	lines_without_documents: (p) =>
		`son líneas de factura sin sus documentos (no hay columna para ${missingDocumentFields(p.columns, 'es')}): ` +
		'agrega el archivo de documentos (número, fecha, cliente) en la misma carga, o asigna la columna que lo contiene.',
	invoice_parts_count: (p) => `agrega un solo archivo de documentos y uno de líneas por carga (llegaron ${p.documents} y ${p.lines}).`,

	map_headers_absent: (p) => `la asignación de columnas nombra encabezados que ningún archivo tiene: ${p.headers.join(', ')}.`,
	map_missing_columns: (p) => `con la asignación de columnas, no hay columna para ${p.columns.join(', ')}.`,
	map_not_object: () => 'se esperaba un objeto JSON con "kind", "columns" y/o "values".',
	map_unknown_keys: (p) =>
		`${pl(p.keys.length, 'clave desconocida', 'claves desconocidas')} ${quoted(p.keys)} (se esperaba "kind", "columns" o "values").`,
	map_bad_kind: (p) => `"kind" debe ser uno de estos: ${p.expected.join(', ')}.`,
	map_columns_not_object: () => '"columns" debe asignar a cada columna de Cartera un encabezado del archivo.',
	map_unknown_column: (p) => `"columns": columna desconocida "${p.column}".`,
	map_bad_header: (p) => `"columns": "${p.column}" debe ser el nombre de un encabezado o null.`,
	map_values_not_object: () => '"values" debe asignar a cada dominio un objeto {texto: valor}.',
	map_unknown_domain: (p) => `"values": dominio desconocido "${p.domain}" (se esperaba ${listEs(p.expected)}).`,
	map_bad_value: (p) => `"values"."${p.domain}"."${p.text}" debe ser uno de estos: ${p.expected.join(', ')}.`,
	map_json: (p) => `no es un JSON válido: ${p.detail}`,
	map_unreadable: () => 'el archivo de asignación de columnas no existe o no se puede leer.',

	option_kind: (p) => `tipo desconocido "${p.value}"; se esperaba uno de estos: ${p.expected.join(', ')}.`,
	option_encoding: (p) => `codificación desconocida "${p.value}"; se esperaba utf-8, utf-16, windows-1252, iso-8859-1, cp850 o macroman.`,
	option_delimiter: () => 'el separador debe ser un solo carácter (o tab, semicolon, comma, pipe).',
	option_header_line: () => 'la fila de encabezados debe ser un número entero a partir de 1.',
	option_quote: () => `el carácter de comillas debe ser " o '.`,
	option_decimal: () => 'la marca decimal debe ser "," o ".".',
	option_date_order: () => 'el orden de las fechas debe ser dmy (31/12/2025), mdy (12/31/2025) o ymd (2025-12-31).',
	option_sheet: () => 'la hoja debe ser el nombre de una hoja del libro o su posición a partir de 1.',

	not_multipart: () => 'Envía los archivos como multipart/form-data (campo "file").',
	no_file: () => 'La carga no trae ningún archivo (campo "file").',
	upload_too_large: (p) => `el archivo supera el límite de ${n(p.limit_mb)} MB.`,
	no_ids: () => 'Indica los ids de los archivos subidos ("ids": [...]).',
	staged_unknown: (p) =>
		`No hay ningún archivo subido con el id ${JSON.stringify(p.id)} (los archivos se guardan una hora después de subirlos): súbelo de nuevo.`,
	bad_json: (p) => `El cuerpo de la solicitud no es un JSON válido: ${p.detail}`,
	job_unknown: () => 'No existe esa carga (las cargas se guardan una hora después de terminar).',
	multipart_malformed: () =>
		'No se pudo leer la carga: su cuerpo multipart/form-data está mal formado o incompleto. Envía de nuevo los archivos como multipart/form-data (campo "file").',
	upload_aborted: () => 'La carga se interrumpió antes de completarse; no se guardó nada. Envía de nuevo los archivos.',
	body_not_object: () => 'El cuerpo de la solicitud debe ser un objeto JSON como {"ids": [...], "options": {...}, "map": {...}}.',
	json_too_large: (p) => `El cuerpo de la solicitud supera los ${n(p.limit_kb)} kB.`,
	job_interrupted: () =>
		'La carga se interrumpió porque el servidor se reinició antes de que terminara; revisa el historial de cargas y vuelve a confirmar los archivos si no están.',
	internal_error: () => 'Algo falló en el servidor; esta solicitud no cambió nada. Inténtalo de nuevo y avisa a tu administrador si vuelve a ocurrir.',

	batch_bad_id: (p) => `"${p.id}" no es un número de lote.`,
	batch_unknown: (p) => `No existe el lote ${p.batch}.`,
	batch_undone: (p) =>
		p.undone_by
			? `El lote ${p.batch} (${p.batch_file}) ya lo deshizo ${p.undone_by} el ${dateEs(p.undone_at)}.`
			: `El lote ${p.batch} (${p.batch_file}) ya se deshizo el ${dateEs(p.undone_at)}.`,
	batch_blocked: (p) =>
		`El lote ${p.blocker} (${p.blocker_file}) cambió ${n(p.rows)} ${pl(p.rows, 'fila que había cargado', 'filas que había cargado')} ` +
		`el lote ${p.batch} (${p.batch_file}): deshaz antes el lote ${p.blocker}.`,

	cli_no_file: () => `No se indicó ningún archivo.\n${ingestUsage('es')}`,
	cli_db_and_server: () => 'Indica --db o --server, no los dos.',
	cli_rejects_server: () => '--rejects escribe un archivo local: úsalo con --db, no con --server.',
	cli_no_server: (p) => `Ningún servidor de Cartera responde en ${p.origin}; inícialo con npm start, o quita --server.`,
	cli_server_refused: (p) =>
		`El servidor de ${p.origin} rechazó la carga (${p.status}): pon en CARTERA_TOKEN un token de API de una cuenta de analista o de administración.`,
	db_locked: (p) =>
		`La base de datos ${p.database} está en uso por otro proceso${p.pid ? ` (PID ${p.pid})` : ''}, ` +
		'seguramente el servidor de Cartera en marcha: detenlo y vuelve a ejecutar este comando, ' +
		'o envía los archivos a través de él con --server (npm run ingest -- --server http://localhost:3000 ARCHIVO…).',

	missing: () => 'falta un valor obligatorio',
	missing_amount: () => 'sin importe (ni cantidad y precio unitario)',
	bad_number: (p) => `se esperaba un número como ${p.example}`,
	bad_integer: () => 'se esperaba un número entero',
	bad_date: (p) => `se esperaba una fecha como ${datePattern(p.format, 'es')}`,
	bad_month: (p) => `se esperaba un mes como ${datePattern(p.format, 'es')}`,
	out_of_range: () => 'se esperaba un valor entre 0 y 1 (o entre 0 % y 100 %)',
	negative: () => 'se esperaba 0 o más',
	unknown_value: (p) => `valor desconocido; se esperaba ${VOCABULARY_EXAMPLES.es[p.domain] ?? 'un valor conocido'}`,
	no_document: (p) => `no hay ningún documento con este número en ${p.documents ?? 'el archivo de documentos'}`,
	extra_fields: (p) => (p.fields === undefined ? 'la fila tiene más campos que el encabezado' : `la fila tiene más campos que los ${n(p.fields)} del encabezado`),

	duplicate_keys: (p) =>
		p.rows === 1
			? '1 fila repite la clave de una fila posterior del archivo; se conservó la posterior.'
			: `${n(p.rows)} filas repiten la clave de una fila posterior del archivo; se conservó la posterior.`,
	unknown_clients: (p) =>
		`${n(p.lines)} ${pl(p.lines, 'línea se refiere', 'líneas se refieren')} a ${n(p.clients)} ` +
		`${pl(p.clients, 'código de cliente que no está', 'códigos de cliente que no están')} en la tabla de clientes ` +
		`(${p.examples.join(', ')}${p.clients > 5 ? ', …' : ''}); ${pl(p.lines, 'cuenta', 'cuentan')} en los ingresos como clientes sin atributos.`,
	no_client: (p) =>
		`${n(p.lines)} ${pl(p.lines, 'línea no tiene cliente; cuenta', 'líneas no tienen cliente; cuentan')} en los ingresos como "sin cliente".`,
	unknown_products: (p) =>
		`${n(p.lines)} ${pl(p.lines, 'línea se refiere', 'líneas se refieren')} a ${n(p.products)} ` +
		`${pl(p.products, 'código de producto que no está', 'códigos de producto que no están')} en la tabla de productos ` +
		`(${p.examples.join(', ')}${p.products > 5 ? ', …' : ''}); ${pl(p.lines, 'cuenta', 'cuentan')} en los ingresos como productos sin nombre ni línea.`,
	unknown_status: (p) =>
		`${n(p.rows)} ${pl(p.rows, ROWS_ES[p.kind][0], ROWS_ES[p.kind][1])} ${pl(p.rows, 'tiene', 'tienen')} ${STATUS_ES[p.column][0]} desconocido, ` +
		`conservado tal como está escrito: ${counted(p.values)}. ` +
		`No cuentan en ninguna cifra de ${STATUS_ES[p.column][1]} hasta que una asignación diga qué significan (--map, "values").`,
	unknown_values: (p) => `Valores desconocidos de ${COLUMN_ES[p.column] ?? p.column}, conservados tal como están escritos: ${counted(p.values)}.`,
	unknown_doc_status: (p) =>
		`${n(p.lines)} ${pl(p.lines, 'línea tiene un estado de documento', 'líneas tienen un estado de documento')} que no conocemos, ` +
		`conservado tal como está escrito: ${counted(p.values)}. ` +
		`${pl(p.lines, 'Cuenta', 'Cuentan')} como contabilizadas; si alguno es un borrador o un documento anulado, indícalo con una asignación ` +
		'(--map, "values": {"doc_status": {…: "draft" o "cancelled"}}).',
	not_posted: (p) =>
		[
			p.draft_lines ? `${n(p.draft_documents)} ${pl(p.draft_documents, 'documento en borrador', 'documentos en borrador')} (${n(p.draft_lines)} ${pl(p.draft_lines, 'línea', 'líneas')})` : '',
			p.cancelled_lines ? `${n(p.cancelled_documents)} ${pl(p.cancelled_documents, 'documento anulado', 'documentos anulados')} (${n(p.cancelled_lines)} ${pl(p.cancelled_lines, 'línea', 'líneas')})` : ''
		]
			.filter(Boolean)
			.join(' y ') +
		(p.draft_documents + p.cancelled_documents === 1
			? ' se guardó; no cuenta en ninguna cifra salvo que un archivo posterior lo contabilice.'
			: ' se guardaron; no cuentan en ninguna cifra salvo que un archivo posterior los contabilice.'),
	amounts_include_tax: (p) =>
		`Los importes se leyeron de "${p.column}", un total con impuestos incluidos: el archivo no tiene importe neto (antes de impuestos) ni columna de impuestos. ` +
		'Los ingresos de este archivo incluyen impuestos; exporta el importe neto (base imponible, subtotal) para tenerlos sin ellos.',
	no_data_rows: () => 'El archivo tiene la fila de encabezados pero ninguna fila de datos: no hay nada que cargar.',
	future_dates: (p) =>
		`${n(p.rows)} ${pl(p.rows, 'fila tiene', 'filas tienen')} fecha posterior a hoy (${dateEs(p.today)}); la más reciente es del ${dateEs(p.latest)}.`,
	skipped_lines: (p) => {
		const what = {
			title: `${pl(p.rows, 'línea', 'líneas')} de título sobre los encabezados`,
			blank: `${pl(p.rows, 'línea vacía', 'líneas vacías')} o solo con separadores`,
			subtotal: `${pl(p.rows, 'fila', 'filas')} de subtotal, que no ${pl(p.rows, 'es un dato', 'son datos')}`,
			total: `${pl(p.rows, 'fila', 'filas')} de total, que no ${pl(p.rows, 'es un dato', 'son datos')}`,
			note: `${pl(p.rows, 'nota', 'notas')} al pie, debajo de los datos`,
			group: `${pl(p.rows, 'encabezado', 'encabezados')} de grupo (el cliente de las líneas de debajo, que se asignó a cada línea)`
		}[p.reason];
		const lines = linesSaid(p.lines, p.rows, 'es');
		return `Se ${pl(p.rows, 'omitió', 'omitieron')} ${n(p.rows)} ${what}${lines ? ` (${lines})` : ''}.`;
	},
	unreadable_optional: (p) =>
		`${n(p.rows)} ${pl(p.rows, 'fila tiene', 'filas tienen')} en "${p.column}" un valor que no se puede leer (${sayStored('es', p.reason.code, p.reason.params) ?? p.reason.code}): ` +
		`${examplesSaid(p.examples, p.rows, 'es')}; el campo quedó vacío y ${pl(p.rows, 'la fila se cargó', 'las filas se cargaron')}.`,
	xlsx_sheet_read: (p) =>
		({
			given: `Se leyó la hoja "${p.sheet}", la indicada`,
			fits: `Se leyó la hoja "${p.sheet}", la primera con una tabla que Cartera puede cargar`,
			first: `Se leyó la primera hoja, "${p.sheet}", porque ninguna tiene una tabla que Cartera reconozca`
		})[p.chosen] +
		`; ${pl(p.others.length, 'no se leyó', 'no se leyeron')} ${listEs(p.others.map((s) => `"${s}"`), 'y')}${p.chosen === 'given' ? '' : ' (--sheet elige otra)'}.`
};

export const MESSAGES: Record<Lang, Catalogue> = { en, es };
export const MESSAGE_CODES = Object.keys(en) as MessageCode[];
export type { MessageCode, MessageParams, Said, Subject };

export function isMessageCode(code: unknown): code is MessageCode {
	return typeof code === 'string' && Object.hasOwn(en, code);
}

/** The message in `lang`, after the file or option it is about ("x.csv: …"). */
export function say<C extends MessageCode>(lang: Lang, code: C, params: MessageParams<C> & Subject): string {
	const text = (MESSAGES[lang][code] as (p: MessageParams<C>) => string)(params);
	const subject = params.file ?? params.option;
	return subject ? `${subject}: ${text}` : text;
}

/** Renders a stored code and its values; null for a code this version does not know. */
export function sayStored(lang: Lang, code: string | null | undefined, params: Record<string, unknown> | null | undefined): string | null {
	if (!isMessageCode(code)) return null;
	return say(lang, code, (params ?? {}) as never);
}

/** A coded error (IngestError, UploadError, BatchError…) said in `lang`. */
export function sayError(error: { code: MessageCode; params: object }, lang: Lang): string {
	return say(lang, error.code, error.params as never);
}

/** What the HTTP API answers for a coded error: its message in the request's language, its code and its values. */
export function errorBody(error: { code: MessageCode; params: object }, lang: Lang): { error: string; code: MessageCode; params: Record<string, unknown> } {
	return { error: sayError(error, lang), code: error.code, params: { ...(error.params as Record<string, unknown>) } };
}
