// The ingest's options as the CLI, the HTTP API and the upload page receive them (text), checked
// once, in the core: every way in refuses the same values with the same messages.
import { readFileSync } from 'node:fs';
import { parseEncoding } from './encoding';
import { IngestError } from './errors';
import type { IngestOptions } from './ingest';
import type { DateOrder } from './formats';
import { KINDS, type Kind } from './kinds';
import { parseUserMapping } from './user-mapping';

export interface RawIngestOptions {
	kind?: string;
	encoding?: string;
	delimiter?: string;
	headerLine?: string;
	quote?: string;
	decimal?: string;
	dateOrder?: string;
	/** Excel workbooks: a worksheet's name, or its position from 1. */
	sheet?: string;
	/** A mapping document: JSON text, or (CLI) a path to it. */
	map?: string;
	mapFile?: string;
}

const DELIMITER_NAMES: Record<string, string> = { tab: '\t', '\\t': '\t', semicolon: ';', comma: ',', pipe: '|' };

export function ingestOptions(raw: RawIngestOptions): IngestOptions {
	const options: IngestOptions = {};
	if (raw.kind !== undefined) {
		if (!KINDS.includes(raw.kind as Kind)) throw new IngestError('option_kind', { option: '--kind', value: raw.kind, expected: KINDS });
		options.kind = raw.kind as Kind;
	}
	if (raw.encoding !== undefined) {
		const encoding = parseEncoding(raw.encoding);
		if (!encoding) throw new IngestError('option_encoding', { option: '--encoding', value: raw.encoding });
		options.encoding = encoding;
	}
	if (raw.delimiter !== undefined) {
		const delimiter = DELIMITER_NAMES[raw.delimiter] ?? raw.delimiter;
		if (delimiter.length !== 1) throw new IngestError('option_delimiter', { option: '--delimiter' });
		options.delimiter = delimiter;
	}
	if (raw.headerLine !== undefined) {
		const n = Number(raw.headerLine);
		if (!Number.isInteger(n) || n < 1) throw new IngestError('option_header_line', { option: '--header-line' });
		options.headerLine = n;
	}
	if (raw.quote !== undefined) {
		if (raw.quote !== '"' && raw.quote !== "'") throw new IngestError('option_quote', { option: '--quote' });
		options.quote = raw.quote;
	}
	if (raw.decimal !== undefined) {
		const decimal = { ',': ',', comma: ',', coma: ',', '.': '.', point: '.', punto: '.' }[raw.decimal] as ',' | '.' | undefined;
		if (!decimal) throw new IngestError('option_decimal', { option: '--decimal' });
		options.decimal = decimal;
	}
	if (raw.dateOrder !== undefined) {
		const order = raw.dateOrder.toLowerCase().replace(/[^a-z]/g, '');
		const known: Record<string, DateOrder> = { dmy: 'dmy', dma: 'dmy', mdy: 'mdy', ymd: 'ymd', amd: 'ymd' };
		if (!known[order]) throw new IngestError('option_date_order', { option: '--date-order' });
		options.dateOrder = known[order];
	}
	if (raw.sheet !== undefined) {
		const sheet = raw.sheet.trim();
		if (sheet === '' || /^0+$/.test(sheet)) throw new IngestError('option_sheet', { option: '--sheet' });
		options.sheet = /^\d+$/.test(sheet) ? Number(sheet) : sheet; // a sheet named "2024" is still found (xlsx.ts)
	}
	const mapText = raw.mapFile !== undefined ? readMapFile(raw.mapFile) : raw.map;
	if (mapText !== undefined) {
		let json: unknown;
		try {
			json = JSON.parse(mapText);
		} catch (error) {
			throw new IngestError('map_json', { file: raw.mapFile ?? 'map', detail: (error as Error).message });
		}
		options.map = parseUserMapping(json, raw.mapFile ?? 'map');
	}
	return options;
}

function readMapFile(path: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		throw new IngestError('map_unreadable', { file: path });
	}
}
