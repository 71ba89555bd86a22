// The ingest's options as the CLI and the HTTP API receive them (text), checked once.
import { readFileSync } from 'node:fs';
import { parseEncoding } from '../lib/server/ingest/encoding';
import { IngestError } from '../lib/server/ingest/errors';
import type { IngestOptions } from '../lib/server/ingest/ingest';
import type { DateOrder } from '../lib/server/ingest/formats';
import { KINDS, type Kind } from '../lib/server/ingest/kinds';
import { parseUserMapping } from '../lib/server/ingest/user-mapping';

export interface RawIngestOptions {
	kind?: string;
	encoding?: string;
	delimiter?: string;
	headerLine?: string;
	quote?: string;
	decimal?: string;
	dateOrder?: string;
	/** A mapping document: JSON text, or (CLI) a path to it. */
	map?: string;
	mapFile?: string;
}

const DELIMITER_NAMES: Record<string, string> = { tab: '\t', '\\t': '\t', semicolon: ';', comma: ',', pipe: '|' };

export function ingestOptions(raw: RawIngestOptions): IngestOptions {
	const options: IngestOptions = {};
	if (raw.kind !== undefined) {
		if (!KINDS.includes(raw.kind as Kind)) throw new IngestError(`unknown kind "${raw.kind}"; expected one of ${KINDS.join(', ')}.`, '--kind');
		options.kind = raw.kind as Kind;
	}
	if (raw.encoding !== undefined) {
		const encoding = parseEncoding(raw.encoding);
		if (!encoding) throw new IngestError(`unknown encoding "${raw.encoding}"; expected utf-8, utf-16, windows-1252, iso-8859-1, cp850 or macroman.`, '--encoding');
		options.encoding = encoding;
	}
	if (raw.delimiter !== undefined) {
		const delimiter = DELIMITER_NAMES[raw.delimiter] ?? raw.delimiter;
		if (delimiter.length !== 1) throw new IngestError(`the delimiter must be one character (or tab, semicolon, comma, pipe).`, '--delimiter');
		options.delimiter = delimiter;
	}
	if (raw.headerLine !== undefined) {
		const n = Number(raw.headerLine);
		if (!Number.isInteger(n) || n < 1) throw new IngestError('the header line must be a whole number from 1.', '--header-line');
		options.headerLine = n;
	}
	if (raw.quote !== undefined) {
		if (raw.quote !== '"' && raw.quote !== "'") throw new IngestError(`the quote character must be " or '.`, '--quote');
		options.quote = raw.quote;
	}
	if (raw.decimal !== undefined) {
		const decimal = { ',': ',', comma: ',', coma: ',', '.': '.', point: '.', punto: '.' }[raw.decimal] as ',' | '.' | undefined;
		if (!decimal) throw new IngestError('the decimal mark must be "," or ".".', '--decimal');
		options.decimal = decimal;
	}
	if (raw.dateOrder !== undefined) {
		const order = raw.dateOrder.toLowerCase().replace(/[^a-z]/g, '');
		const known: Record<string, DateOrder> = { dmy: 'dmy', dma: 'dmy', mdy: 'mdy', ymd: 'ymd', amd: 'ymd' };
		if (!known[order]) throw new IngestError('the date order must be dmy (31/12/2025), mdy (12/31/2025) or ymd (2025-12-31).', '--date-order');
		options.dateOrder = known[order];
	}
	const mapText = raw.mapFile !== undefined ? readMapFile(raw.mapFile) : raw.map;
	if (mapText !== undefined) {
		let json: unknown;
		try {
			json = JSON.parse(mapText);
		} catch (error) {
			throw new IngestError(`not valid JSON: ${(error as Error).message}`, raw.mapFile ?? 'map');
		}
		options.map = parseUserMapping(json, raw.mapFile ?? 'map');
	}
	return options;
}

function readMapFile(path: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		throw new IngestError('mapping file not found or not readable.', path);
	}
}
