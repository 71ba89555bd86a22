// Dry runs, progress and cancelling: a dry run does the whole ingest and rolls back (nothing in
// any table, no batch, no remembered mapping) and reports exactly what the commit then does;
// progress only moves forward; an abort at any step leaves the database as it was.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { IngestCancelledError, type FileReport, type IngestInput, type IngestProgress } from '../../src/lib/server/ingest/ingest';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';
import { ingestSaid, refusal } from '../helpers/said';

const folder = tempFolder();
let db: Database;
let n = 0;

beforeEach(async () => {
	db?.close();
	db = await openTempDatabase(folder, `d${++n}.duckdb`);
});
afterAll(() => {
	db.close();
	folder.remove();
});

const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

const clients = folder.write('clientes.csv', csv('Código cliente;Razón social', 'C1;Alfa', 'C2;Beta'));
// Line 4 is rejected (amount), F-2/1 appears twice (the later row wins), C9 is unknown, F-5 is in the future (2099).
const invoices = folder.write(
	'facturas.csv',
	csv(
		'Nº factura;Línea;Fecha;Código cliente;Importe',
		'F-1;1;05/01/2025;C1;1.000,50',
		'F-2;1;06/01/2025;C2;10,00',
		'F-3;1;07/01/2025;C2;x',
		'F-2;1;06/01/2025;C2;20,25',
		'F-4;1;08/02/2025;C9;5,00',
		'F-5;1;01/03/2099;C1;2,00'
	)
);
const inputs: IngestInput[] = [
	{ path: clients, name: 'clientes.csv' },
	{ path: invoices, name: 'facturas.csv' }
];

/** Every table's row count and content hash, the batches and rejections included. */
async function snapshot(): Promise<Record<string, string>> {
	const tables = (await db.all<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1`)).map((r) => r.t);
	const out: Record<string, string> = {};
	for (const t of tables) {
		const row = await db.one<{ n: number; h: string }>(`SELECT count(*)::INTEGER AS n, coalesce(sum(hash(x))::VARCHAR, '0') AS h FROM "${t}" x`);
		out[t] = `${row!.n}:${row!.h}`;
	}
	out.sequence = 'n/a'; // batch ids are consumed by a dry run (DuckDB sequences are not transactional)
	return out;
}

const withoutBatch = (files: FileReport[]) => files.map(({ batch_id: _, ...f }) => f);

describe('dry run', () => {
	it('writes nothing and reports exactly what the commit does', async () => {
		const before = await snapshot();
		expect(Number(before.upload_batches!.split(':')[0])).toBe(0);
		const map = { columns: { amount: 'Importe' } }; // a given mapping is remembered on commit only
		const dry = await ingestSaid(db, inputs, { dryRun: true, map });
		expect(await snapshot()).toEqual(before);

		const real = await ingestSaid(db, inputs, { map });
		expect(withoutBatch(real.files)).toEqual(withoutBatch(dry.files));
		expect(Number((await snapshot()).upload_batches!.split(':')[0])).toBe(2);
		expect((await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM source_mappings`))!.n).toBe(1);

		// The report itself, worked by hand from the file above.
		const f = dry.files[1]!;
		expect(f).toMatchObject({
			file: 'facturas.csv',
			kind: 'invoices',
			rows_read: 6,
			rejected: 1,
			duplicates: 1,
			loaded: 4, // F-1, F-2 (20,25), F-4, F-5
			inserted: 4,
			updated: 0,
			unchanged: 0,
			// 1000.50 + 20.25 + 5.00 + 2.00
			amount_total: 1027.75,
			date_range: { from: '2025-01-05', to: '2099-03-01' },
			future_dates: 1,
			already_loaded: null
		});
		expect(f.rejections).toEqual([{ line: 4, column: 'Importe', value: 'x', reason: 'expected a number like 1.234,56', code: 'bad_number' }]);
		expect(f.warnings).toEqual([
			'1 row repeats the key of a later row of the file; the later row was kept.',
			'1 line refers to 1 client code that is not in the clients table (C9); it counts in revenue as clients without attributes.',
			expect.stringMatching(/^1 row is dated after today \(\d{4}-\d\d-\d\d\); the latest is 2099-03-01\.$/)
		]);
		expect(f.columns.filter((c) => c.source !== null)).toEqual([
			{ name: 'invoice_id', required: true, source: 'Nº factura', match: 'synonym', samples: ['F-1', 'F-2', 'F-3'] },
			{ name: 'invoice_date', required: true, source: 'Fecha', match: 'synonym', samples: ['05/01/2025', '06/01/2025', '07/01/2025'] },
			{ name: 'client_id', required: true, source: 'Código cliente', match: 'synonym', samples: ['C1', 'C2', 'C9'] },
			{ name: 'amount', required: true, required_unless: [['quantity', 'unit_price'], ['gross_amount']], source: 'Importe', match: 'given', samples: ['1.000,50', '10,00', 'x'] },
			// required fields first (the mapping table's order), then the others
			{ name: 'line_no', required: false, source: 'Línea', match: 'synonym', samples: ['1'] }
		]);
		expect(f.columns.find((c) => c.name === 'quantity')).toEqual({ name: 'quantity', required: false, source: null, match: 'none', samples: [] });
		// Clients: no amount, no date column in this file.
		expect(dry.files[0]).toMatchObject({ kind: 'clients', amount_total: null, date_range: null, future_dates: 0 });

		// The same bytes again: recognised as already loaded, and a dry run says what would change (nothing).
		const again = await ingestSaid(db, [inputs[1]!], { dryRun: true });
		expect(again.files[0]).toMatchObject({
			already_loaded: { batch_id: real.files[1]!.batch_id, loaded_at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) },
			inserted: 0,
			updated: 0,
			unchanged: 4
		});
	});

	it('reports amounts and dates of a real export: Superstore, Σ Sales = 2297200.8603', async () => {
		const path = `${process.cwd()}/../shared/data/real/tableau-sample-superstore/Sample - Superstore.csv`;
		const before = await snapshot();
		const f = (await ingestSaid(db, [{ path, name: 'Sample - Superstore.csv' }], { dryRun: true })).files[0]!;
		expect(await snapshot()).toEqual(before);
		// Σ Sales and the Order Date range (tests/fixtures/real-expected.md §2)
		expect(f).toMatchObject({ loaded: 9994, amount_total: 2297200.86, date_range: { from: '2014-01-03', to: '2017-12-30' }, future_dates: 0 });
		expect(f.columns.find((c) => c.name === 'amount')).toMatchObject({ source: 'Sales', match: 'synonym', samples: ['261.96', '731.94', '14.62'] });
	});
});

describe('progress', () => {
	it('goes through reading, converting, merging and done, never backwards', async () => {
		const calls: IngestProgress[] = [];
		await ingestSaid(db, inputs, { onProgress: (p) => calls.push(p) });
		const phases = ['reading', 'converting', 'merging', 'done'];
		for (const [i, p] of calls.entries()) {
			expect(p.done).toBeLessThanOrEqual(p.total);
			if (i === 0) continue;
			const prev = calls[i - 1]!;
			expect(phases.indexOf(p.phase)).toBeGreaterThanOrEqual(phases.indexOf(prev.phase));
			if (p.phase === prev.phase) expect(p.done).toBeGreaterThanOrEqual(prev.done);
		}
		expect(calls.map((p) => `${p.phase} ${p.done}/${p.total}`)).toEqual([
			'reading 0/2', 'reading 1/2', 'reading 2/2',
			'converting 0/2', 'converting 1/2', 'converting 2/2',
			'merging 0/2', 'merging 1/2', 'merging 2/2',
			'done 2/2'
		]);
		expect(calls[4]!.file).toBe('facturas.csv');
	});
});

describe('cancel', () => {
	const cancelAt = async (phase: IngestProgress['phase'], done: number, inputsToLoad = inputs) => {
		const controller = new AbortController();
		const before = await snapshot();
		const run = ingestSaid(db, inputsToLoad, {
			signal: controller.signal,
			onProgress: (p) => {
				if (p.phase === phase && p.done === done) controller.abort();
			}
		});
		await expect(run).rejects.toThrow(IngestCancelledError);
		expect(await refusal(run)).toBe('the upload was cancelled; nothing was changed.');
		expect(await snapshot()).toEqual(before);
	};

	it('changes nothing when aborted while reading, converting, or inside the transaction', async () => {
		await cancelAt('reading', 1);
		await cancelAt('converting', 1);
		await cancelAt('merging', 1); // clients merged inside the transaction: rolled back
		await cancelAt('merging', 2); // both merged, abort seen before COMMIT
	});

	it('interrupts a long statement and changes nothing', async () => {
		const lines = ['Nº factura;Línea;Fecha;Código cliente;Importe'];
		for (let i = 0; i < 300_000; i++) lines.push(`F-${i};1;05/01/2025;C${i % 500};${i},50`);
		const big = folder.write('grande.csv', lines.join('\r\n') + '\r\n');
		const controller = new AbortController();
		const before = await snapshot();
		let converting = 0;
		const started = performance.now();
		const run = ingestSaid(db, [{ path: big, name: 'grande.csv' }], {
			signal: controller.signal,
			onProgress: (p) => {
				if (p.phase === 'converting' && p.done === 0) {
					converting = performance.now();
					setTimeout(() => controller.abort(), 20);
				}
			}
		});
		await expect(run).rejects.toThrow(IngestCancelledError);
		expect(converting).toBeGreaterThan(0);
		console.info(`[dry-run] cancelled ${(performance.now() - converting).toFixed(0)} ms into converting (${(performance.now() - started).toFixed(0)} ms in all)`);
		expect(await snapshot()).toEqual(before);
		// And the same file then loads whole.
		expect((await ingestSaid(db, [{ path: big, name: 'grande.csv' }])).files[0]).toMatchObject({ loaded: 300_000 });
	});
});
