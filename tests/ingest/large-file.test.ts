// Files of several DuckDB row groups (122,880 rows each): rejected records keep their exact
// source lines, which depends on the typed table keeping file order: with the parallel CSV
// reader and rowids, and with the sequential reader (quoted fields spanning lines) and the
// record-index column that numbering lines within invoices needs.
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
afterAll(() => folder.remove());

const RECORDS = 300_000;
const BAD = [130_000, 299_999];

async function ingestBig(quotedLineBreak: boolean) {
	// With a line number column only in the first file: the second derives it.
	const rows = [quotedLineBreak ? 'Nº factura;Fecha;Código cliente;Importe' : 'Nº factura;Línea;Fecha;Código cliente;Importe'];
	for (let k = 0; k < RECORDS; k++) {
		const client = k === 0 && quotedLineBreak ? '"C\n0"' : `C${k % 997}`;
		const amount = BAD.includes(k) ? 'x' : `${k % 1000},50`;
		rows.push(`F-${k};${quotedLineBreak ? '' : '1;'}01/0${1 + (k % 9)}/2025;${client};${amount}`);
		if (k === 1000) rows.push(''); // a blank line after record 1000
	}
	const name = `big-${quotedLineBreak}`;
	const path = folder.write(`${name}.csv`, rows.join('\n') + '\n');
	const db = await Database.open(folder.path(`${name}.duckdb`));
	const f = (await ingestFiles(db, [{ path, name }])).files[0]!;
	const stored = (await db.one<{ s: string }>(`SELECT sum(amount)::VARCHAR AS s FROM invoice_lines`))!.s;
	db.close();
	return { f, stored };
}

// Σ over loaded records of (k mod 1000) + 0,50, in cents, as DuckDB prints DECIMAL(18,4).
let cents = 0;
for (let k = 0; k < RECORDS; k++) if (!BAD.includes(k)) cents += (k % 1000) * 100 + 50;
const expectedSum = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}00`;

describe('large files', () => {
	it('parallel reader: header on line 1, record k on line 2 + k, one more after the blank line', async () => {
		const { f, stored } = await ingestBig(false);
		expect(f.rejections.map((r) => r.line)).toEqual(BAD.map((k) => k + 3));
		expect(f.loaded).toBe(RECORDS - 2);
		expect(stored).toBe(expectedSum);
	});

	it('sequential reader: record 0 spans lines 2–3, so later records move one line down', async () => {
		const { f, stored } = await ingestBig(true);
		expect(f.rejections.map((r) => r.line)).toEqual(BAD.map((k) => k + 4));
		expect(stored).toBe(expectedSum);
	});
});
