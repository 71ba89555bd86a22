// ingest/merge.ts: new invoice lines are stored in date order (KindSpec.storedOrder), whatever the
// file's order, so that a scan of a period reads only its row groups. They are sorted only when the
// file is not about in that order already (inStoredOrder). The sort does not lose rows to DuckDB's
// fault with ordered inserts (db/ordered-insert.ts) when a load of several files writes no new line
// from one of them and many from the next.
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { inStoredOrder } from '../../src/lib/server/ingest/merge';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
afterAll(() => folder.remove());

const csv = (lines: string[]) => lines.join('\r\n') + '\r\n';
const HEADER = 'Nº factura;Línea;Fecha;Código cliente;Importe';
const date = (day: number) => {
	const d = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000);
	return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
};

/** How many times the stored lines' date goes back from one rowid to the next. */
const stepsBack = `SELECT count(*)::INTEGER AS n FROM (SELECT invoice_date < lag(invoice_date) OVER (ORDER BY rowid) AS back FROM invoice_lines) WHERE back`;

describe('new invoice lines are stored in date order', () => {
	it('from a file whose dates jump back and forth (invoice numbers in order, dates not)', async () => {
		const db = await openTempDatabase(folder, 'order.duckdb');
		try {
			// Invoice i is dated on day (i × 37) mod 400: the file's dates go back 36 times in 400 invoices.
			const lines = Array.from({ length: 400 }, (_, i) => `F-${String(i).padStart(4, '0')};1;${date((i * 37) % 400)};C${i % 7};${i},50`);
			const path = folder.write('desordenado.csv', csv([HEADER, ...lines]));
			await ingestFiles(db, [{ path, name: 'desordenado.csv' }]);
			expect((await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM invoice_lines'))!.n).toBe(400);
			expect((await db.one<{ n: number }>(stepsBack))!.n).toBe(0);
			// The order is the storage's only: every line keeps its own values.
			expect(await db.one(`SELECT invoice_date::VARCHAR AS d, client_id, amount::VARCHAR AS amount FROM invoice_lines WHERE invoice_id = 'F-0011'`)).toEqual({
				d: '2024-01-08',
				client_id: 'C4',
				amount: '11.5000'
			});
		} finally {
			db.close();
		}
	});

	it('keeps every line when one file of a load adds none and the next adds many (over 120,000)', async () => {
		const db = await openTempDatabase(folder, 'fault.duckdb');
		try {
			const first = folder.write('primero.csv', csv([HEADER, 'A-1;1;05/01/2024;C1;10,00', 'A-2;1;06/01/2024;C2;20,00']));
			await ingestFiles(db, [{ path: first, name: 'primero.csv' }]);
			const many = Array.from({ length: 130_000 }, (_, i) => `B-${i};1;${date((i * 7919) % 700)};C${i % 50};1,25`);
			const second = folder.write('muchas.csv', csv([HEADER, ...many]));
			// The same first file again (no new line: an ordered insert of nothing), then the large one.
			await ingestFiles(db, [
				{ path: first, name: 'primero.csv' },
				{ path: second, name: 'muchas.csv' }
			]);
			const stored = await db.one<{ n: number; total: string }>('SELECT count(*)::INTEGER AS n, sum(amount)::VARCHAR AS total FROM invoice_lines');
			// 2 + 130,000 lines: 10,00 + 20,00 + 130,000 × 1,25 = 162,530,00.
			expect(stored).toEqual({ n: 130_002, total: '162530.0000' });
			expect((await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM invoice_lines WHERE invoice_id = ''`))!.n).toBe(0);
			expect(await db.all('SELECT * FROM client_line_month_sales ORDER BY ALL')).toEqual(await db.all('SELECT * FROM client_line_month_sales_source ORDER BY ALL'));
		} finally {
			db.close();
		}
	});
});

describe('whether a file is about in date order already (inStoredOrder)', () => {
	const ROWS = 1_000_000;
	/** `day(i)`: the day, from 1 January 2016, of the row with record index i. */
	const decide = async (name: string, day: string, rows = ROWS) => {
		const db = await openTempDatabase(folder, `${name}.duckdb`);
		try {
			await db.run(`CREATE TEMP TABLE t AS SELECT i AS rid, DATE '2016-01-01' + (${day})::INTEGER AS invoice_date FROM range(${rows}) r(i)`);
			return await inStoredOrder(db, 't', 'invoice_date');
		} finally {
			db.close();
		}
	};

	it('is, for ten years in date order, for two series each in date order one after the other, and for one day', async () => {
		expect(await decide('ordered', `i * 3650 // ${ROWS}`)).toBe(true);
		// A month's upload dated on one day: nothing to sort.
		expect(await decide('one-day', `0`, 100_000)).toBe(true);
		expect(await decide('series', `(i % ${ROWS / 2}) * 3650 // ${ROWS / 2}`)).toBe(true);
		// Days jumbled within each run of 1,000 rows: still a narrow range per row group.
		expect(await decide('jumbled', `(i // 1000) * 12 + (i * 7) % 12`)).toBe(true);
	});

	it('is not, for random dates, for dates sorted within each client, or for three row groups in date order', async () => {
		expect(await decide('random', `hash(i) % 3650`)).toBe(false);
		// Clients each with 150 lines over the ten years in date order, one client after another.
		expect(await decide('by-client', `(i % 150) * 24`)).toBe(false);
		// 300,000 rows in date order over 3,650 days: groups of 122,880 rows span 1,495 days each, more
		// than a quarter of the range (912 days).
		expect(await decide('small', `i * 3650 // 300000`, 300_000)).toBe(false);
	});
});
