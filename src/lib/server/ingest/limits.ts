// How much of a file the ingest agrees to look at, so that one hostile or broken upload cannot
// hold the event loop, the memory or the disk that every other user shares.

/**
 * Columns of a text export or worksheet. ERP and BI exports have tens of columns (the widest of
 * the 292 CSVs in tests/fixtures and ../shared/data/real has 25); Cartera reads at most ~17, and
 * every header costs the kind detection time (30,000 headers took 7 s there, on the event loop)
 * and DuckDB a VARCHAR column. 1,000 is far above any real export, and its kind detection holds
 * the event loop ~0.2 s (measured), where 10⁶ columns held it for seconds.
 */
export const MAX_COLUMNS = 1000;

/**
 * Bytes of one line. 1,000 columns of ~1 kB each; above DuckDB's own max_line_size (2 MB) a line
 * fails later and slower. Checked in the head of a text export and on every row of a worksheet.
 */
export const MAX_LINE_BYTES = 1024 * 1024;

/**
 * Worksheets of a workbook whose head is judged for a table to load (sheet-choice.ts): each costs a
 * kind detection on up to MAX_COLUMNS headers (~0.2 s at worst). People keep a cover, notes or a
 * summary before the data, a few sheets; a workbook of thousands of small sheets must not hold the
 * event loop for minutes. Past these, the first sheet is read unless one already fits (--sheet
 * chooses any).
 */
export const MAX_SHEETS_JUDGED = 32;

/**
 * An .xlsx is a ZIP of XML parts: its unpacked size is what costs disk, memory and time, not the
 * upload's. Real worksheets pack 5–15:1 (measured: Superstore's sheet 6.2:1, 200,000 identical
 * rows 9.7:1, the same 90-character note inline in 100,000 rows 14.6:1; sharedStrings 3.7:1): the
 * row and cell numbers in every row keep deflate from packing harder. So 20 × the upload limit
 * unpacked accepts any real workbook up to that limit, and 100:1 on a part of over 1 MB is far
 * beyond any real one while a zip bomb (a run of repeated XML) packs 300–1,000:1. Small parts
 * (styles, rels) are never the threat.
 */
export const MAX_XLSX_RATIO = 100;
export const XLSX_RATIO_FLOOR_BYTES = 1024 * 1024;
export const XLSX_UNPACKED_FACTOR = 20;

/** The unpacked size allowed for a workbook, given the upload limit (CARTERA_MAX_UPLOAD_MB). */
export function maxUnpackedBytes(uploadLimitBytes: number): number {
	// A caller that lifts the upload limit (maxBytes: Infinity) still gets a bound on the parts.
	const base = Number.isFinite(uploadLimitBytes) ? uploadLimitBytes : 200 * 1024 * 1024;
	return XLSX_UNPACKED_FACTOR * base;
}
