// The app's one CSV writer (src/lib/csv.ts): the dashboard's downloads and the metrics API's
// format=csv. Cells a spreadsheet would run as a formula come out as text, in every dialect.
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, toCsv } from '../src/lib/csv';

const FORMULAS = ['=1+1', '=HYPERLINK("http://evil.example","clic")', '@SUM(A1:A9)', '-2+3+cmd|\' /C calc\'!A0', '+1', '\t=1', '\r=1', '\n=1', '＝1+1'];

describe('csvCell', () => {
	it.each(FORMULAS)('neutralises %j with a leading apostrophe, in English and Spanish', (value) => {
		for (const lang of ['en', 'es'] as const) {
			const cell = csvCell(value, lang);
			const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
			expect(unquoted).toBe(`'${value}`);
		}
	});

	it('leaves numbers alone, negative ones too, with the language decimal mark', () => {
		expect(csvCell(-0.5, 'en')).toBe('-0.5');
		expect(csvCell(-0.5, 'es')).toBe('-0,5');
		expect(csvCell(1234.25, 'es')).toBe('1234,25');
		expect(csvCell(Number.NaN, 'en')).toBe('');
		expect(csvCell(true, 'en')).toBe('true');
		expect(csvCell(null, 'en')).toBe('');
	});

	it('quotes what contains the separator, quotes or line breaks', () => {
		expect(csvCell('Alfa, S.A.', 'en')).toBe('"Alfa, S.A."');
		expect(csvCell('Alfa, S.A.', 'es')).toBe('Alfa, S.A.');
		expect(csvCell('a;b', 'es')).toBe('"a;b"');
		expect(csvCell('di "hola"', 'en')).toBe('"di ""hola"""');
		expect(csvCell('dos\nlíneas', 'en')).toBe('"dos\nlíneas"');
	});
});

describe('toCsv', () => {
	it('writes a BOM for spreadsheets, none for scripts, CRLF line ends', () => {
		expect(toCsv(['a', 'b'], [[1, '=2']], 'es')).toBe("\ufeffa;b\r\n1;'=2\r\n");
		expect(toCsv(['a', 'b'], [[1.5, '@x']], 'en', { bom: false })).toBe("a,b\r\n1.5,'@x\r\n");
		expect(csvLine(['x', 2.5, null], 'es')).toBe('x;2,5;');
	});
});
