// The contract of everything the upload flow tells a user: each stable code and the values it
// names. The ingest core throws and stores codes with their values (CodedError, rejection reasons,
// warnings); the words, in English and Spanish, live on the i18n side (src/lib/i18n/ingest-messages.ts)
// and are said at the edges: the HTTP routes, the CLI and the pages. Types only: no words here.
import type { Kind } from './kinds';
import type { Fact } from './recognise/types';

/** A value and how many rows hold it (warnings about unknown values). */
export type Counted = { value: string; n: number };

export interface MessageValues {
	// Reading a file
	file_unreadable: object;
	file_empty: object;
	file_too_large: { bytes: number; limit_bytes: number };
	no_header: object;
	old_excel: object;
	zip_archive: object;
	binary_line: { line: number };
	xlsx_unreadable: { detail: string };
	xlsx_no_sheets: object;
	xlsx_no_such_sheet: { sheet: string | number; sheets: string[] };
	xlsx_sheet_no_table: { sheet: string; fitting: string[] };
	xlsx_too_large: { bytes: number; limit_bytes: number };
	xlsx_ratio: { part?: string; ratio: number; limit: number };
	xlsx_part_mismatch: { part: string; bytes: number };
	too_many_columns: { line: number; columns: number; limit: number };
	line_too_long: { line: number; limit_bytes: number };
	unclosed_quote: { line: number };
	csv_unreadable: { detail: string };
	cancelled: object;

	// Kind and columns
	not_kind: { kind: Kind; columns: string[]; headers: string[] };
	unknown_kind: { headers: string[]; ruled_out?: Fact[] };
	ambiguous_kind: { candidates: { kind: Kind; confidence: number }[]; evidence: Fact[] };
	documents_without_lines: object;
	/** `columns`: the document fields the lines file lacks (invoice_date, client_id), when known. */
	lines_without_documents: { columns?: string[] };
	invoice_parts_count: { documents: number; lines: number };

	// Mappings (--map, the upload page's columns table)
	map_headers_absent: { headers: string[] };
	map_missing_columns: { columns: string[] };
	map_not_object: object;
	map_unknown_keys: { keys: string[] };
	map_bad_kind: { expected: string[] };
	map_columns_not_object: object;
	map_unknown_column: { column: string };
	map_bad_header: { column: string };
	map_values_not_object: object;
	map_unknown_domain: { domain: string; expected: string[] };
	map_bad_value: { domain: string; text: string; expected: string[] };
	map_json: { detail: string };
	map_unreadable: object;

	// Options (CLI flags, the API's and the upload page's fields)
	option_kind: { value: string; expected: string[] };
	option_encoding: { value: string };
	option_delimiter: object;
	option_header_line: object;
	option_quote: object;
	option_decimal: object;
	option_date_order: object;
	option_sheet: object;

	// The HTTP upload flow
	not_multipart: object;
	no_file: object;
	upload_too_large: { limit_mb: number };
	no_ids: object;
	staged_unknown: { id: unknown };
	bad_json: { detail: string };
	job_unknown: object;
	multipart_malformed: { detail: string };
	upload_aborted: { detail: string };
	body_not_object: object;
	json_too_large: { limit_kb: number };
	job_interrupted: object;
	internal_error: object;

	// Undoing a batch
	batch_bad_id: { id: string };
	batch_unknown: { batch: number };
	batch_undone: { batch: number; batch_file: string; undone_at: string; undone_by: string | null };
	batch_blocked: { batch: number; batch_file: string; blocker: number; blocker_file: string; rows: number };

	// The command line
	cli_no_file: object;
	cli_db_and_server: object;
	cli_rejects_server: object;
	cli_no_server: { origin: string };
	cli_server_refused: { origin: string; status: number };
	db_locked: { database: string; pid: number | null };

	// Why a cell was rejected (stored with the rejection: reason_code, reason_params)
	missing: object;
	missing_amount: object;
	bad_number: { example: string };
	bad_integer: object;
	bad_date: { format: string };
	bad_month: { format: string };
	out_of_range: object;
	/** A goal below zero (targets). */
	negative: object;
	unknown_value: { domain: string };
	no_document: { documents?: string };
	extra_fields: { fields?: number };

	// About rows that loaded (a file's warnings)
	duplicate_keys: { rows: number };
	unknown_clients: { lines: number; clients: number; examples: string[] };
	no_client: { lines: number };
	/** Invoice lines whose product code is not in the products table (only said once a catalogue is loaded). */
	unknown_products: { lines: number; products: number; examples: string[] };
	unknown_status: { kind: 'quotes' | 'opportunities'; column: 'status' | 'outcome'; rows: number; values: Counted[] };
	unknown_values: { column: string; values: Counted[] };
	/** Invoice lines whose document status the vocabulary does not know: kept as written, counted as posted. */
	unknown_doc_status: { lines: number; values: Counted[] };
	/** Lines of draft and cancelled documents: stored, in no figure. */
	not_posted: { draft_lines: number; draft_documents: number; cancelled_lines: number; cancelled_documents: number };
	/** The export has a gross total and no net amount nor tax: amounts include tax. */
	amounts_include_tax: { column: string };
	no_data_rows: object;
	future_dates: { rows: number; today: string; latest: string };
	// What surrounds the data, skipped (surroundings.ts): a title block, blank lines, footers; `lines` lists the first ones.
	skipped_lines: { reason: 'title' | 'blank' | 'subtotal' | 'total' | 'note' | 'group'; rows: number; lines: number[] };
	// An unreadable optional value (column: its header), emptied; the rows loaded. `reason` says what was expected.
	unreadable_optional: { column: string; field: string; reason: Said; rows: number; examples: { value: string; line: number | null }[] };
	xlsx_sheet_read: { sheet: string; others: string[]; chosen: 'given' | 'fits' | 'first' };
}

export type MessageCode = keyof MessageValues;
/** The values a message names (the file or option it is about comes on top: see Subject). */
export type MessageParams<C extends MessageCode> = MessageValues[C];
/** What a message is about, said before it: a file (or several, joined) or an option. */
export interface Subject {
	file?: string;
	option?: string;
}

/** A code and its values, as stored (rejection reasons) and as scripts read them. */
export interface Said {
	code: MessageCode;
	params: Record<string, unknown>;
}
