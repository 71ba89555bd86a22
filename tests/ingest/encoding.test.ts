// Encodings are judged by the text each reading produces, on real files as they are.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectEncoding, plausibility } from '../../src/lib/server/ingest/encoding';

const REAL = '../shared/data/real/';
const head = (file: string) => readFileSync(REAL + file).subarray(0, 256 * 1024);

describe('detectEncoding', () => {
	it.each([
		['kaggle-sales-data-sample/sales_data_sample.csv', 'cp850'], // 0x84 = ä, 0xA1 = í, 0xA4 = ñ
		['tableau-sample-superstore/Sample - Superstore.csv', 'windows-1252'], // 0xA0 no-break spaces, “quotes”
		['tableau-sample-superstore/variant-mac-cr-ddmmyy/Sample - Superstore.csv', 'macintosh'], // 0xCA no-break space
		['neptuno-es-dw-latin1/clientes.csv', 'windows-1252'], // ISO-8859-1: Berlín, México
		['csvkit-examples/test_utf16_big.csv', 'utf-16be'],
		['csvkit-examples/test_utf16_little.csv', 'utf-16le'],
		['csvkit-examples/test_utf8_bom.csv', 'utf-8'],
		['neptuno-es-access-export/Clientes.csv', 'utf-8']
	])('%s is %s', (file, encoding) => {
		expect(detectEncoding(head(file)).encoding).toBe(encoding);
	});

	it('prefers Spanish words to mojibake', () => {
		expect(plausibility('Martín Peñaranda')).toBeGreaterThan(plausibility('Mart¡n Pe¤aranda'));
		expect(plausibility('José')).toBeGreaterThan(plausibility('JosÃ©'));
		expect(plausibility('Nº 12, 1ª entrega')).toBeGreaterThan(0);
	});
});
