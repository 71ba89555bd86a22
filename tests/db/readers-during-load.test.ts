// Readers during a load (issue 13): an ingest's transaction runs on a fork of the server's
// database; until its COMMIT no other connection sees its rows, so the figures cached for the last
// committed data stay valid (the data version does not move, nothing is recomputed) and equal what
// was there before the load. After the COMMIT the version moves and the figure is the new one;
// after a cancel or a dry run (ROLLBACK) the cache is still valid. Figures are computed on reader
// connections of their own, so a long one does not hold up the main connection's small reads.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { alertsSettled } from '../../src/lib/server/alerts/record';
import { Database, type Params } from '../../src/lib/server/db/database';
import { ingestFiles, IngestCancelledError, type IngestOptions } from '../../src/lib/server/ingest/ingest';
import { computeMetric } from '../../src/lib/server/metrics/index';
import { runQuery } from '../../src/lib/server/queries';
import { generateInvoices } from '../../bench/generate-invoices';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;
const HEADER = 'Nº factura;Línea;Fecha;Código cliente;Código producto;Cantidad;Precio unitario;Importe;Moneda;Tipo documento\r\n';
/** New invoices in the data's last year (each file its own numbers): they change the figures. */
const newInvoices = (prefix: string, n: number) =>
	HEADER + Array.from({ length: n }, (_, i) => `${prefix}-${i + 1};1;15/12/2025;CL-00001;P-001;1;1.000,00;1.000,00;BOB;Factura\r\n`).join('');

beforeAll(async () => {
	const base = folder.path('base.csv');
	await generateInvoices(base, 5_000, 300);
	db = await Database.open(folder.path('readers.duckdb'));
	db.enableResultCache();
	await ingestFiles(db, [{ path: base }]);
}, 120_000);
afterAll(() => {
	db?.close();
	folder.remove();
});

/** queries/data_range.sql, read first by every figure. */
const DATA_RANGE = 'count(*)::INTEGER AS lines';
const lines = async () => (await runQuery<{ lines: number }>(db, 'data_range'))[0]!.lines;
const kpis = () => computeMetric(db, 'kpis', {});

/**
 * The data versions at which queries/data_range.sql is run from now on (by any connection: the
 * readers, and the alerts reading the statuses on a fork of their own), until restore().
 */
function dataRangeReads(): { versions: number[]; restore(): void } {
	const versions: number[] = [];
	const original = Database.prototype.all;
	const spy = vi.spyOn(Database.prototype, 'all').mockImplementation(function (this: Database, sql: string, params?: Params) {
		if (sql.includes(DATA_RANGE)) versions.push(this.dataVersion);
		return original.call(this, sql, params) as never;
	});
	return { versions, restore: () => spy.mockRestore() };
}

/** What a reader gets while the load is at `phase`: asked from the progress callback, inside the ingest. */
function readDuring(phase: 'converting' | 'merging', options: IngestOptions = {}) {
	const seen: { version: number; lines: Promise<number>; kpis: Promise<unknown> }[] = [];
	const onProgress: IngestOptions['onProgress'] = (p) => {
		// converting done: the typed rows sit in the fork's temporary tables, no transaction yet;
		// merging done: COMMIT (or ROLLBACK) not yet run, the fork's transaction holds every new row.
		if (p.phase === phase && p.done === p.total && seen.length === 0) {
			seen.push({ version: db.dataVersion, lines: lines(), kpis: kpis() });
			options.onProgress?.(p);
		}
	};
	return { seen, options: { ...options, onProgress } };
}

describe('readers during a load', () => {
	it('keep the last committed figures, cached, until the COMMIT; then get the new ones', async () => {
		const before = { lines: await lines(), kpis: await kpis(), version: db.dataVersion };
		const queries = dataRangeReads();
		let changes = 0;
		const stop = db.onDataChange(() => changes++);
		const converting = readDuring('converting');
		const merging = readDuring('merging');
		// Typing (temporary tables, outside the transaction) and merging (inside it) move no version.
		await ingestFiles(db, [{ path: folder.write('a.csv', newInvoices('NEW-A', 40)) }], {
			onProgress: (p) => {
				converting.options.onProgress!(p);
				merging.options.onProgress!(p);
			}
		});
		for (const { seen } of [converting, merging]) {
			expect(seen).toHaveLength(1);
			expect(seen[0]!.version).toBe(before.version);
			expect(await seen[0]!.lines).toBe(before.lines);
			expect(await seen[0]!.kpis).toEqual(before.kpis);
		}
		// Nothing was recomputed for the readers during the load: their figures came from the cache.
		// (Right after the COMMIT, the alerts read the new statuses in the background: a newer version.)
		expect(queries.versions.filter((v) => v === before.version)).toEqual([]);
		queries.restore();
		// Committed: the version moved once (warm.ts heard it once), the figure is the new one.
		stop();
		expect(changes).toBe(1);
		expect(db.dataVersion).toBe(before.version + 1);
		expect(await lines()).toBe(before.lines + 40);
		expect(await kpis()).not.toEqual(before.kpis);
	}, 60_000);

	it('after a cancelled load (ROLLBACK) the cache is still valid and the figures unchanged', async () => {
		await alertsSettled(); // the last test's load: its alerts read the statuses after it
		const before = { lines: await lines(), kpis: await kpis(), version: db.dataVersion };
		const controller = new AbortController();
		const merging = readDuring('merging', { signal: controller.signal, onProgress: () => controller.abort() });
		const queries = vi.spyOn(Database.prototype, 'all');
		await expect(ingestFiles(db, [{ path: folder.write('b.csv', newInvoices('NEW-B', 30)) }], merging.options)).rejects.toBeInstanceOf(IngestCancelledError);
		expect(await merging.seen[0]!.lines).toBe(before.lines);
		expect(db.dataVersion).toBe(before.version);
		// Asked again after the rollback: from the cache, no query of the figures.
		expect(await lines()).toBe(before.lines);
		expect(await kpis()).toEqual(before.kpis);
		expect(queries.mock.calls.filter(([sql]) => sql.includes(DATA_RANGE))).toEqual([]);
		queries.mockRestore();
	}, 60_000);

	it('a dry run (merged, then rolled back) leaves the version and the figures alone', async () => {
		const before = { lines: await lines(), version: db.dataVersion };
		const report = await ingestFiles(db, [{ path: folder.write('c.csv', newInvoices('NEW-C', 25)) }], { dryRun: true });
		expect(report.files[0]!.loaded).toBe(25);
		expect(db.dataVersion).toBe(before.version);
		expect(await lines()).toBe(before.lines);
	}, 60_000);

	it('inside its own transaction a connection reads its uncommitted rows, and they never reach the cache', async () => {
		const before = await lines();
		await db.transaction(async () => {
			await db.run(`INSERT INTO invoice_lines (batch_id, invoice_id, line_no, invoice_date, client_id, amount) VALUES (1, 'TX-1', 1, DATE '2025-12-20', 'CL-00001', 10)`);
			expect(await lines()).toBe(before + 1);
			throw new Error('undo');
		}).catch(() => undefined);
		expect(await lines()).toBe(before);
	});

	it('autocommit writes still move the version at once, on the connection and on a fork', async () => {
		const version = db.dataVersion;
		await db.run(`UPDATE invoice_lines SET amount = amount WHERE invoice_id = 'none'`);
		expect(db.dataVersion).toBe(version + 1);
		const fork = await db.fork();
		try {
			await fork.run(`CREATE TEMP TABLE scratch AS SELECT 1 AS x`); // the fork's own: no change
			await fork.run(`DROP TABLE scratch`);
			expect(db.dataVersion).toBe(version + 1);
			await fork.run(`DELETE FROM invoice_lines WHERE invoice_id = 'none'`);
			expect(db.dataVersion).toBe(version + 2);
		} finally {
			fork.close();
		}
	});

	it('a long figure runs on a reader connection: the main connection keeps answering meanwhile', async () => {
		// Seconds of work, never cached before (its own key). On one connection DuckDB runs one
		// statement at a time: the small read would wait for all of it.
		const started = performance.now();
		let figureMs = 0;
		const slow = db.cachedAll('slow-figure', `SELECT count(*)::INTEGER AS n FROM range(400000000) t(x) WHERE x % 7 = 3`).then(() => {
			figureMs = performance.now() - started;
		});
		await new Promise((r) => setTimeout(r, 50));
		const asked = performance.now();
		await db.one('SELECT count(*) AS n FROM users');
		const smallMs = performance.now() - asked;
		await slow;
		expect(smallMs).toBeLessThan(figureMs / 2);
	}, 60_000);
});
