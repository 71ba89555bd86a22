// Line numbers of records, read from the file's bytes as DuckDB reads its records: quoted line
// breaks, CRLF, lone CR, empty lines (not records), lines of spaces (records), multi-byte UTF-8
// text; and the lines above the header, told apart as title or blank.
import { afterAll, describe, expect, it } from 'vitest';
import { linesAbove, recordLines, unclosedQuoteLine } from '../../src/lib/server/ingest/line-numbers';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
afterAll(() => folder.remove());

describe('record lines', () => {
	it('numbers records as the file has them', async () => {
		const file = folder.write(
			'lineas.csv',
			[
				'Informe;;', // 1
				';;;', // 2
				'', // 3
				'A;B;C', // 4: header
				'1;2;3', // 5: record 0
				'', // 6: not a record
				'   ', // 7: record 1 (spaces are a record to DuckDB)
				'"x\r\ny";2;3', // 8–9: record 2, a quoted line break
				'4;"a""b";6', // 10: record 3
				'ñ;é;ü', // 11: record 4, multi-byte characters
				';;', // 12: record 5
				'último;1;2' // 13: record 6, no line break at the end
			].join('\r\n')
		);
		expect(await recordLines(file, 4, [0, 1, 2, 3, 4, 5, 6], ';')).toEqual(
			new Map([
				[0, 5],
				[1, 7],
				[2, 8],
				[3, 10],
				[4, 11],
				[5, 12],
				[6, 13]
			])
		);
		expect(linesAbove(file, 4, ';')).toEqual({ title: [1], blank: [2] });
	});

	it('reads old Mac line breaks (lone CR) and finds a quote never closed', async () => {
		expect(await recordLines(folder.write('cr.csv', 'A;B\r1;2\r\r3;"x\ry"\r5;6'), 1, [0, 1, 2], ';')).toEqual(
			new Map([
				[0, 2],
				[1, 4],
				[2, 6]
			])
		);
		expect(await unclosedQuoteLine(folder.write('abierta.csv', 'A;B\n1;"open\n2;3\n'), ';')).toBe(2);
		expect(await unclosedQuoteLine(folder.write('cerrada.csv', 'A;B\n1;"a ; b"\n2;3\n'), ';')).toBeNull();
	});
});
