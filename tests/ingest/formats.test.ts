// Formats are decided per column from all values: worked examples of the ambiguous cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { dateSql, decideDateFormat, guessDecimals, guessedNumberProfileSql, inferNumberFormats, numberSql, settleNumberFormats, type NumberColumn } from '../../src/lib/server/ingest/formats';
import { prepareIngestSql } from '../../src/lib/server/ingest/sql-setup';

let db: Database;
beforeAll(async () => {
	db = await Database.open(':memory:');
	await prepareIngestSql(db);
});
afterAll(() => db.close());

/** Infers the format of one column of values and reads them with it. */
async function readNumbers(values: (string | null)[], rate = false) {
	await db.run(`CREATE OR REPLACE TEMP TABLE t AS SELECT unnest($1::JSON::VARCHAR[]) AS x`, [JSON.stringify(values)]);
	const f = (await inferNumberFormats(db, 't', [{ name: 'x', sql: 'x', rate }]))['x']!;
	const expr = rate ? `(${numberSql('x', f)})::DOUBLE${f.percent ? ' / 100' : ''}` : `(${numberSql('x', f)})::VARCHAR`;
	const rows = await db.all<{ v: string | number | null }>(`SELECT ${expr} AS v FROM t`);
	return { format: f, values: rows.map((r) => r.v) };
}

describe('numbers', () => {
	it('reads "1.234" as 1234 when the column also has a decimal comma', async () => {
		const r = await readNumbers(['1.234', '5,5', '12']);
		expect(r.format.decimal).toBe(',');
		expect(r.values).toEqual(['1234.0000', '5.5000', '12.0000']);
	});

	it('reads "1.234" as 1.234 when the column also has a decimal point', async () => {
		const r = await readNumbers(['1.234', '0.5', '1,234.5']);
		expect(r.format.decimal).toBe('.');
		expect(r.values).toEqual(['1.2340', '0.5000', '1234.5000']);
	});

	it('falls back to the Spanish decimal comma when every value is ambiguous', async () => {
		expect((await readNumbers(['1.234', '12.345', '7'])).values).toEqual(['1234.0000', '12345.0000', '7.0000']);
	});

	it('strips currency symbols and reads negatives in three notations', async () => {
		const r = await readNumbers(['Bs. 1.234,50', '$ 32.000,00', '(1.234,50)', '85,00-', '-3,10', '€ 3,5', '1 234,5']);
		expect(r.format).toMatchObject({ decimal: ',', decorated: true });
		expect(r.values).toEqual(['1234.5000', '32000.0000', '-1234.5000', '-85.0000', '-3.1000', '3.5000', '1234.5000']);
	});

	it('looks for unread values only in a column that may have some: a malformed one, or one too long for DECIMAL(18,4)', async () => {
		expect((await readNumbers(['1.234.567,12', '-5', null])).format).toMatchObject({ allValid: true, alwaysReads: true });
		const long = await readNumbers(['123456789012345', '1']);
		expect(long.format).toMatchObject({ allValid: true, alwaysReads: false });
		expect(long.values).toEqual([null, '1.0000']);
		expect((await readNumbers(['1.2.3,4', '1'])).format).toMatchObject({ allValid: false, alwaysReads: false });
	});

	it('leaves malformed numbers unread (NULL), so the row is rejected', async () => {
		const r = await readNumbers(['1.234,50', '1.2.3,4', '12abc', '', null]);
		expect(r.values).toEqual(['1234.5000', null, null, null, null]);
	});

	it('reads rates written as fractions or as percentages', async () => {
		expect((await readNumbers(['0,25', '1', '0,5'], true)).values).toEqual([0.25, 1, 0.5]);
		expect((await readNumbers(['25', '100', '10'], true)).values).toEqual([0.25, 1, 0.1]);
		expect((await readNumbers(['25 %', '7,5%'], true)).values).toEqual([0.25, 0.075]);
	});
});

async function dateFormat(values: string[], month = false) {
	await db.run(`CREATE OR REPLACE TEMP TABLE lk AS SELECT unnest($1::JSON::VARCHAR[]) AS raw`, [JSON.stringify(values)]);
	const f = await decideDateFormat(db, 'lk', month);
	const rows = await db.all<{ raw: string; value: string | null }>(`SELECT raw, (${dateSql('raw', f, month)})::VARCHAR AS value FROM lk ORDER BY raw`);
	return { format: f.format, values: Object.fromEntries(rows.map((r) => [r.raw, r.value])) };
}

describe('numbers counted under a guessed mark (the load: one pattern per value)', () => {
	/** The load's way: the first 2,000 values guess, the whole column confirms or is counted in full. */
	async function guessed(columns: NumberColumn[], forced?: ',' | '.') {
		const guesses = await guessDecimals(db, 't', columns, forced);
		const row = (await db.one(`SELECT ${guessedNumberProfileSql(columns, guesses).join(', ')} FROM t`))!;
		const { formats, unconfirmed } = await settleNumberFormats(db, 't', columns, row, guesses, forced);
		return { formats, unconfirmed: unconfirmed.map((c) => c.name) };
	}

	it('gives every column the format the full count gives, also where the first values mislead', async () => {
		// 3,000 values: the first 2,000 one way, the last 1,000 another.
		const column = (name: string, first: string, last: string) => `CASE WHEN i < 2000 THEN '${first}' ELSE '${last}' END AS ${name}`;
		await db.run(`CREATE OR REPLACE TEMP TABLE t AS SELECT
			${column('late_point', '12', '0.5')}, ${column('late_comma', '1.234', '5,5')}, ${column('comma_then_point', '5,5', '0.5')},
			${column('point_then_comma', '0.5', '5,5')}, ${column('late_currency', '7', '$ 12')}, ${column('late_garbage', '3', 'n/a')},
			${column('rate', '25', '7,5')}, ${column('long', '1', '123456789012345')},
			CASE WHEN i % 2 = 0 THEN '1.234,5' ELSE '99' END AS clean_comma, CASE WHEN i % 3 = 0 THEN '0.25' END AS clean_point
			FROM range(3000) r(i)`);
		const names = ['late_point', 'late_comma', 'comma_then_point', 'point_then_comma', 'late_currency', 'late_garbage', 'rate', 'long', 'clean_comma', 'clean_point'];
		const columns = names.map((name) => ({ name, sql: name, rate: name === 'rate' }));
		// Worked out by hand: which columns read whole under the guess (the first values' mark, a
		// comma on a tie) or under the mark given, and the format of each with no mark given.
		const unconfirmed = {
			none: ['late_point', 'comma_then_point', 'point_then_comma', 'late_currency', 'late_garbage'],
			',': ['late_point', 'comma_then_point', 'point_then_comma', 'late_currency', 'late_garbage', 'clean_point'],
			'.': ['late_comma', 'comma_then_point', 'point_then_comma', 'late_currency', 'late_garbage', 'rate', 'clean_comma']
		};
		for (const forced of [undefined, ',', '.'] as const) {
			const load = await guessed(columns, forced);
			expect(load.formats, `decimal given: ${forced}`).toEqual(await inferNumberFormats(db, 't', columns, forced));
			expect(load.unconfirmed, `decimal given: ${forced}`).toEqual(unconfirmed[forced ?? 'none']);
		}
		const plain = { decorated: false, percent: false };
		expect((await guessed(columns)).formats).toEqual({
			late_point: { ...plain, decimal: '.', allValid: true, alwaysReads: true }, // 3,000 read under a point, 2,000 under a comma
			late_comma: { ...plain, decimal: ',', allValid: true, alwaysReads: true }, // 3,000 against 2,000
			comma_then_point: { ...plain, decimal: ',', allValid: false, alwaysReads: false }, // 2,000 against 1,000
			point_then_comma: { ...plain, decimal: '.', allValid: false, alwaysReads: false },
			late_currency: { decimal: ',', decorated: true, percent: false, allValid: true, alwaysReads: true }, // "$ 12" read bare
			late_garbage: { decimal: ',', decorated: true, percent: false, allValid: false, alwaysReads: false }, // "n/a" under neither: a tie
			rate: { decimal: ',', decorated: false, percent: true, allValid: true, alwaysReads: true }, // whole numbers above 1
			long: { ...plain, decimal: ',', allValid: true, alwaysReads: false }, // 15 digits: too long for DECIMAL(18,4)
			clean_comma: { ...plain, decimal: ',', allValid: true, alwaysReads: true },
			clean_point: { ...plain, decimal: '.', allValid: true, alwaysReads: true }
		});
	});
});

describe('dates', () => {
	it('is day-first when a first field exceeds 12', async () => {
		expect((await dateFormat(['05/03/2024', '13/03/2024'])).format).toBe('%d/%m/%Y');
	});

	it('is month-first when a second field exceeds 12', async () => {
		const r = await dateFormat(['05/03/2024', '03/13/2024']);
		expect(r.format).toBe('%m/%d/%Y');
		expect(r.values['05/03/2024']).toBe('2024-05-03');
	});

	it('is day-first when every value is ambiguous (Spanish locale)', async () => {
		expect((await dateFormat(['01/02/2024', '03/04/2024'])).values['01/02/2024']).toBe('2024-02-01');
	});

	it('reads times, ISO dates and two-digit years', async () => {
		expect((await dateFormat(['2024-03-05 08:26:00', '2024-12-31T23:59:59'])).values).toEqual({ '2024-03-05 08:26:00': '2024-03-05', '2024-12-31T23:59:59': '2024-12-31' });
		expect((await dateFormat(['02/24/03', '12/01/03'])).values['02/24/03']).toBe('2003-02-24');
		expect((await dateFormat(['24/02/03 0:00'])).values['24/02/03 0:00']).toBe('2003-02-24');
	});

	it('reads month names in English and Spanish, and Excel day numbers', async () => {
		expect((await dateFormat(['01 April 2018', '15 May 2018'])).values).toEqual({ '01 April 2018': '2018-04-01', '15 May 2018': '2018-05-15' });
		expect((await dateFormat(['3 de marzo de 2025', '12 de diciembre de 2025'])).values['3 de marzo de 2025']).toBe('2025-03-03');
		expect((await dateFormat(['05-ene-2025', '20-dic-2024'])).values).toEqual({ '05-ene-2025': '2025-01-05', '20-dic-2024': '2024-12-20' });
		// 45292 days after 1899-12-30 = 2024-01-01; 45657.75 = 2024-12-31 18:00
		expect((await dateFormat(['45292', '45657.75'])).values).toEqual({ '45292': '2024-01-01', '45657.75': '2024-12-31' });
		expect((await dateFormat(['Apr-18', 'Mar-19'], true)).values).toEqual({ 'Apr-18': '2018-04-01', 'Mar-19': '2019-03-01' });
		expect((await dateFormat(['abr-18', 'dic-19'], true)).values).toEqual({ 'abr-18': '2018-04-01', 'dic-19': '2019-12-01' });
	});

	it('reads months as their first day', async () => {
		expect((await dateFormat(['03/2025', '12/2025'], true)).values).toEqual({ '03/2025': '2025-03-01', '12/2025': '2025-12-01' });
		expect((await dateFormat(['2025-03', '2025-11'], true)).format).toBe('%Y-%m');
	});
});

describe('formats the user fixes', () => {
	it('keeps only formats in the given date order', async () => {
		const { inOrder } = await import('../../src/lib/server/ingest/formats');
		expect(['%d/%m/%Y', '%m/%d/%Y', '%Y-%m-%d', '%m/%Y', '%b-%y'].filter((f) => inOrder(f, 'mdy'))).toEqual(['%m/%d/%Y', '%m/%Y', '%b-%y']);
		expect(['%d/%m/%Y', '%m/%d/%Y', '%Y-%m-%d', '%m/%Y'].filter((f) => inOrder(f, 'dmy'))).toEqual(['%d/%m/%Y', '%m/%Y']);
		// All ambiguous: day-first by default, month-first when told.
		await db.run(`CREATE OR REPLACE TEMP TABLE lk AS SELECT unnest(['01/02/2024', '03/04/2024']) AS raw`);
		expect((await decideDateFormat(db, 'lk', false)).format).toBe('%d/%m/%Y');
		expect((await decideDateFormat(db, 'lk', false, 'mdy')).format).toBe('%m/%d/%Y');
	});
});
