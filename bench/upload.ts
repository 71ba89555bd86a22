// npm run bench:upload [-- FILE] [--readers-only]: what the upload screen costs on a large export
// (default bench/out/invoices-1000000.csv, made here when missing). In fresh processes on fresh
// databases: a dry run and a commit on an empty database, then on the loaded one (a re-upload: every
// row unchanged), a re-upload of a copy with every amount changed (all rows replaced and archived),
// and the undo of that batch. Then readers during a load (bench/readers-during-load.ts): the built
// server (CARTERA_BUILD_DIR) takes that re-upload through POST /api/uploads while other requests
// read. Figures are printed, never asserted.
import { spawnSync } from 'node:child_process';
import { copyFileSync, createReadStream, createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { undoBatch } from '../src/lib/server/batches';
import { Database } from '../src/lib/server/db/database';
import { ingestFiles } from '../src/lib/server/ingest/ingest';
import { generateInvoices } from './generate-invoices';
import { readersDuringLoad } from './readers-during-load';

const here = fileURLToPath(new URL('.', import.meta.url));
const out = join(here, 'out');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

type Step = 'dry' | 'commit' | 'undo-last';

/** One step on an existing database file, timed in this process. */
async function child(step: Step, file: string, dbPath: string) {
	const db = await Database.open(dbPath);
	const started = performance.now();
	if (step === 'undo-last') {
		const last = await db.one<{ id: number }>(`SELECT max(batch_id) AS id FROM upload_batches WHERE undone_at IS NULL`);
		await undoBatch(db, Number(last!.id));
	} else await ingestFiles(db, [{ path: file }], { dryRun: step === 'dry' });
	const ms = performance.now() - started;
	db.close();
	process.stdout.write(JSON.stringify({ ms }));
}

function run(step: Step, file: string, dbPath: string): number {
	const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', step, file, dbPath], { encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`${step} failed: ${r.stderr}`);
	return JSON.parse(r.stdout).ms;
}

/** The export with every amount one cent higher (same keys): a re-upload that replaces every row. */
async function changedCopy(file: string): Promise<string> {
	const target = join(out, 'upload-bench-changed.csv');
	if (existsSync(target)) return target;
	const output = createWriteStream(target);
	let header = true;
	let amount = -1;
	for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
		const cells = line.split(';');
		if (header) amount = cells.findIndex((c) => c === 'Importe');
		else if (cells.length > amount) cells[amount] = cells[amount]!.replace(/(\d)$/, (d) => String((Number(d) + 1) % 10));
		header = false;
		output.write(cells.join(';') + '\n');
	}
	await new Promise((resolve) => output.end(resolve));
	return target;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
	const args = process.argv.slice(2);
	if (args[0] === '--child') return child(args[1] as Step, args[2]!, args[3]!);
	const readersOnly = args.includes('--readers-only');
	const file = args.find((a) => !a.startsWith('--')) ?? join(out, 'invoices-1000000.csv');
	if (!existsSync(file)) {
		mkdirSync(out, { recursive: true });
		await generateInvoices(file, 1_000_000);
	}
	const changed = await changedCopy(file);
	const fresh = join(out, 'upload-bench.duckdb');
	const loaded = join(out, 'upload-bench-loaded.duckdb');
	const reset = (p: string) => [p, `${p}.wal`].forEach((f) => rmSync(f, { force: true }));
	const times: Record<string, number[]> = {};
	const add = (k: string, ms: number) => (times[k] ??= []).push(ms);
	for (let i = 0; i < (readersOnly ? 0 : RUNS); i++) {
		reset(fresh);
		(await Database.open(fresh)).close();
		add('dry run, empty database', run('dry', file, fresh));
		add('commit, empty database', run('commit', file, fresh));
		reset(loaded);
		copyFileSync(fresh, loaded);
		add('dry run, same file again (all unchanged)', run('dry', file, loaded));
		add('commit, same file again (all unchanged)', run('commit', file, loaded));
		add('dry run, every amount changed', run('dry', changed, loaded));
		add('commit, every amount changed (1M rows archived)', run('commit', changed, loaded));
		add('undo of that batch (1M rows restored)', run('undo-last', changed, loaded));
	}
	for (const [k, xs] of Object.entries(times)) console.log(`${k.padEnd(52)} median ${s(median(xs))}  (${xs.map(s).join(', ')})`);
	reset(fresh);
	reset(loaded);

	// Readers during a load: a database holding the export, then the changed copy uploaded to it.
	const readers = join(out, 'upload-bench-readers.duckdb');
	reset(readers);
	(await Database.open(readers)).close();
	run('commit', file, readers);
	try {
		await readersDuringLoad(readers, changed);
	} finally {
		reset(readers);
	}
}

await main();
