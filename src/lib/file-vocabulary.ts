// The kinds of export the ingest reads and the text encodings it knows, as plain lists. The ingest
// core (server/ingest/kinds.ts, encoding.ts) and the upload page (features/upload) both read them
// from here, so the page offers exactly what the core accepts; this module imports nothing and is
// safe in the browser.

export type Kind = 'clients' | 'products' | 'invoices' | 'opportunities' | 'quotes' | 'forecasts' | 'targets';
export const KINDS: Kind[] = ['clients', 'products', 'invoices', 'opportunities', 'quotes', 'forecasts', 'targets'];

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'cp850' | 'macintosh';
export const ENCODINGS: Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'cp850', 'macintosh'];
