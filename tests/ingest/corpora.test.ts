// Parser test suites and bad input: every file either loads or is refused with a message naming
// it (and the line where one is to blame), and a refusal leaves the database exactly as it was.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { IngestError } from '../../src/lib/server/ingest/errors';
import { previewFile } from '../../src/lib/server/ingest/preview';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';
import { ingestSaid, refusal, said } from '../helpers/said';

const REAL = join(process.cwd(), '..', 'shared', 'data', 'real');
const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	// Something to keep: every refusal below must leave these rows as they are.
	const base = folder.write('base.csv', 'Nº factura;Fecha;Código cliente;Importe\nF-1;05/01/2025;C1;1.000,50\n');
	await ingestSaid(db, [{ path: base }]);
});
afterAll(() => {
	db.close();
	folder.remove();
});

const state = () =>
	db.one(`SELECT (SELECT count(*) FROM invoice_lines)::INTEGER AS lines, (SELECT sum(amount) FROM invoice_lines)::VARCHAR AS total,
		(SELECT count(*) FROM clients)::INTEGER AS clients, (SELECT count(*) FROM upload_batches)::INTEGER AS batches`);

/** Ingests one file expecting a refusal; checks the message names the file and nothing changed. */
async function refused(path: string, name: string): Promise<string> {
	const before = await state();
	const error = await ingestSaid(db, [{ path, name }]).then(
		() => null,
		(e: unknown) => e
	);
	expect(error, name).toBeInstanceOf(IngestError);
	expect(said(error).startsWith(`${name}: `), said(error)).toBe(true);
	expect(await state()).toEqual(before);
	return said(error);
}

describe('csv-spectrum', () => {
	const dir = join(REAL, 'csv-spectrum');
	it.each(readdirSync(join(dir, 'csvs')))('%s reads as its expected JSON', async (file) => {
		const json = JSON.parse(readFileSync(join(dir, 'json', file.replace(/\.csv$/, '.json')), 'utf8'));
		const expected: Record<string, string>[] = Array.isArray(json) ? json : [json];
		if (file === 'location_coordinates.csv') expected[0]!['Contact Phone Number'] = '2095257564'; // upstream's JSON says 1234567890; its CSV holds 2095257564
		const preview = await previewFile(db, join(dir, 'csvs', file), file, {}, 1000);
		expect(preview.rows.map((r) => Object.fromEntries(preview.headers.map((h, i) => [h, r[i]])))).toEqual(expected);
	});
});

describe('csvkit examples, the evil CSV and csv-spectrum through the ingest', () => {
	const files = ['csvkit-examples', 'gebi-csv-test-evil', 'csv-spectrum/csvs'].flatMap((dir) =>
		readdirSync(join(REAL, dir))
			.filter((f) => /\.(csv|tsv)$/.test(f))
			.map((f) => [dir, f] as const)
	);

	it.each(files)('%s/%s loads or is refused by name, changing nothing', async (dir, file) => {
		const before = await state();
		try {
			const report = await ingestSaid(db, [{ path: join(REAL, dir, file), name: file }]);
			expect(report.files[0]!.rows_read).toBe(report.files[0]!.loaded + report.files[0]!.rejected + report.files[0]!.duplicates);
		} catch (error) {
			expect(error).toBeInstanceOf(IngestError);
			expect(said(error).startsWith(`${file}: `)).toBe(true);
			expect(await state()).toEqual(before);
		}
	});
});

describe('bad input', () => {
	it('refuses an empty file', async () => {
		expect(await refused(folder.write('vacio.csv', ''), 'vacio.csv')).toBe('vacio.csv: the file is empty.');
	});

	it('loads a header-only file as nothing, and says so', async () => {
		const report = await ingestSaid(db, [{ path: folder.write('solo.csv', 'Nº factura;Fecha;Código cliente;Importe\r\n'), name: 'solo.csv' }]);
		expect(report.files[0]).toMatchObject({ rows_read: 0, loaded: 0, rejected: 0 });
		expect(report.files[0]!.warnings[0]).toBe('The file has its header row but no data rows: nothing to load.');
	});

	it('refuses binary files renamed .csv and NUL bytes, naming the line', async () => {
		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
		// The PNG signature holds "\r\n" and "\n" before its first NUL: line 3.
		expect(await refused(folder.write('foto.csv', png), 'foto.csv')).toBe(
			'foto.csv: line 3 holds a NUL byte: this is binary data, not a text export; save it as CSV.'
		);
		expect(await refused(join(REAL, 'csvkit-examples', 'null_byte.csv'), 'null_byte.csv')).toMatch(/^null_byte\.csv: line 2 holds a NUL byte/);
	});

	it('refuses a file over the size limit', async () => {
		const path = folder.write('grande.csv', 'Nº factura;Fecha;Código cliente;Importe\n' + 'F;01/01/2025;C;1,00\n'.repeat(100));
		const error = await ingestSaid(db, [{ path, name: 'grande.csv' }], { maxBytes: 1024 }).catch((e: unknown) => e);
		// 42 bytes of header (º and ó take two) + 100 × 20 = 2,042 bytes: 2 kB rounded up
		expect(said(error)).toBe('grande.csv: the file is 2 kB, over the limit of 1 kB (CARTERA_MAX_UPLOAD_MB).');
	});

	it('refuses unbalanced quotes, naming the line where the quote opens', async () => {
		const path = folder.write('comillas.csv', 'Nº factura;Fecha;Código cliente;Importe\nF-2;01/01/2025;"C1;10,00\nF-3;02/01/2025;C2;5,00\n');
		expect(await refused(path, 'comillas.csv')).toBe(
			'comillas.csv: line 2: a quoted value opens here and is never closed (unbalanced quotes); fix the quotes of this line.'
		);
	});

	it('keeps a lone quote inside an unquoted value (12" screens)', async () => {
		const path = folder.write('pulgadas.csv', 'Nº factura;Fecha;Código cliente;Importe;Descripción\nF-4;01/01/2025;C1;10,00;Monitor 12" LED\n');
		const report = await ingestSaid(db, [{ path, name: 'pulgadas.csv' }]);
		expect(report.files[0]).toMatchObject({ loaded: 1, rejected: 0 });
	});

	it('rejects ragged rows: too many fields (named), too few (a required value missing)', async () => {
		const path = folder.write('irregular.csv', 'Nº factura;Fecha;Código cliente;Importe\nF-5;01/01/2025;C1;10,00;sobra\nF-6;02/01/2025;C2\nF-7;03/01/2025;C3;7,00\n');
		const f = (await ingestSaid(db, [{ path, name: 'irregular.csv' }])).files[0]!;
		expect(f).toMatchObject({ rows_read: 3, loaded: 1, rejected: 2 });
		expect(f.rejections).toEqual([
			{ line: 2, column: '(row)', value: 'sobra', reason: "the row has more fields than the header's 4", code: 'extra_fields' },
			{ line: 3, column: 'Importe', value: null, reason: 'no amount (nor quantity and unit price)', code: 'missing_amount' }
		]);
	});

	it('changes nothing when a later file of the same call fails', async () => {
		const good = folder.write('bueno.csv', 'Nº factura;Fecha;Código cliente;Importe\nF-8;01/01/2025;C1;99,00\n');
		const bad = folder.write('malo.csv', 'Nº factura;Fecha;Código cliente;Importe\nF-9;01/01/2025;"C1;1,00\n');
		const before = await state();
		expect(await refusal(ingestSaid(db, [{ path: good }, { path: bad, name: 'malo.csv' }]))).toMatch(/^malo\.csv: line 2/);
		expect(await state()).toEqual(before);
	});
});
