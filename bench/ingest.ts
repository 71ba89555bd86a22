// npm run bench: a 1,000,000-line Spanish invoice export, ingested end to end (detection, staging,
// typing, validation, merge, commit) against a bare DuckDB read_csv of the same file into a table.
// Each run is a fresh process on a fresh database file, so peak memory (max RSS) is per run.
// Figures are printed, never asserted.
import { spawnSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Database } from '../src/lib/server/db/database';
import { ingestFiles } from '../src/lib/server/ingest/ingest';
import { generateInvoices } from './generate-invoices';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Peak memory targets: 1 GB for the 1,000,000-line export, 2 GB for 10,000,000 lines (issue 19). */
const MEMORY_TARGET_MB = LINES >= 10_000_000 ? 2048 : 1024;
const here = fileURLToPath(new URL('.', import.meta.url));
const out = join(here, 'out');

/** The baseline: DuckDB's own reader, told the format (and for the 8-bit file, Latin-1), straight into a table. */
async function bare(file: string, dbPath: string) {
	const db = await Database.open(dbPath);
	const encoding = file.includes('win1252') ? 'latin-1' : 'utf-8';
	await db.run(`CREATE TABLE bare AS SELECT * FROM read_csv($1, delim = ';', header = true, decimal_separator = ',',
		thousands = '.', dateformat = '%d/%m/%Y', encoding = '${encoding}',
		types = {'Importe': 'DECIMAL(18,4)', 'Precio unitario': 'DECIMAL(18,4)'})`, [file]);
	db.close();
}

async function ingest(file: string, dbPath: string) {
	const db = await Database.open(dbPath);
	// The 10M-line file (726 MB) is over the upload limit a server sets by default (200 MB).
	await ingestFiles(db, [{ path: file }], { maxBytes: Infinity });
	db.close();
}

async function child(mode: string, file: string, dbPath: string) {
	for (const f of [dbPath, `${dbPath}.wal`]) rmSync(f, { force: true });
	// Schema creation is not part of either timing.
	(await Database.open(dbPath)).close();
	const started = performance.now();
	await (mode === 'bare' ? bare(file, dbPath) : ingest(file, dbPath));
	const ms = performance.now() - started;
	process.stdout.write(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

function runChild(mode: string, file: string): { ms: number; maxRssMB: number } {
	const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, file, join(out, `${mode}.duckdb`)], {
		encoding: 'utf8'
	});
	if (r.status !== 0) throw new Error(`${mode} run failed: ${r.stderr}`);
	return JSON.parse(r.stdout);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
	const args = process.argv.slice(2);
	if (args[0] === '--child') return child(args[1]!, args[2]!, args[3]!);

	mkdirSync(out, { recursive: true });
	const utf8 = join(out, `invoices-${LINES}.csv`);
	if (!existsSync(utf8)) {
		console.log(`Generating ${LINES.toLocaleString('en')} invoice lines …`);
		await generateInvoices(utf8, LINES);
	}
	// The same export as Excel's plain "CSV" writes it on Windows: Windows-1252, no BOM.
	const win1252 = join(out, `invoices-${LINES}-win1252.csv`);
	if (!existsSync(win1252))
		await pipeline(createReadStream(utf8), iconv.decodeStream('utf8'), iconv.encodeStream('win1252'), createWriteStream(win1252));

	for (const file of [utf8, win1252]) {
		console.log(`\nFile: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB, ${LINES.toLocaleString('en')} lines)`);
		const results: Record<string, { ms: number; maxRssMB: number }[]> = { bare: [], ingest: [] };
		for (let i = 0; i < RUNS; i++) for (const mode of ['bare', 'ingest']) results[mode]!.push(runChild(mode, file));
		const row = (mode: string) => {
			const runs = results[mode]!;
			return { mode, median_s: median(runs.map((r) => r.ms)) / 1000, runs_s: runs.map((r) => +(r.ms / 1000).toFixed(2)), peak_rss_mb: Math.max(...runs.map((r) => r.maxRssMB)) };
		};
		const table = [row('bare'), row('ingest')];
		console.table(table.map((r) => ({ ...r, median_s: +r.median_s.toFixed(2), peak_rss_mb: Math.round(r.peak_rss_mb) })));
		const ratio = table[1]!.median_s / table[0]!.median_s;
		console.log(`ingest / bare read_csv = ${ratio.toFixed(2)}× (target ≤ 2×); ingest peak memory ${Math.round(table[1]!.peak_rss_mb)} MB (target < ${MEMORY_TARGET_MB} MB)`);
	}
}

await main();
