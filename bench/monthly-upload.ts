// npm run bench:monthly — a month's export (100,000 invoice lines, BENCH_MONTH_LINES) loaded into
// the large portfolio of bench/metrics.ts (BENCH_LINES, 10,000,000 by default: run
// `BENCH_LINES=10000000 npm run bench:metrics` first to create it), then undone: what an analyst's
// monthly upload costs once the database is big, the stored rollups kept in the same transaction.
// Each step runs in a fresh process on a copy of that database; peak memory is the process's.
// Target (issue 19): under 5 s at 10,000,000 lines. Printed, never asserted.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, createWriteStream, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { undoBatch } from '../src/lib/server/batches';
import { Database } from '../src/lib/server/db/database';
import { ingestFiles } from '../src/lib/server/ingest/ingest';
import { spanishMoney } from './generate-invoices';

const LINES = Number(process.env.BENCH_LINES ?? 10_000_000);
const MONTH_LINES = Number(process.env.BENCH_MONTH_LINES ?? 100_000);
const out = join(fileURLToPath(new URL('.', import.meta.url)), 'out');

/** January 2026 (the month after the portfolio's last), as the same ERP writes it: new invoice numbers, the same clients and products. */
async function monthFile(path: string): Promise<void> {
	const file = createWriteStream(path);
	file.write('\uFEFFNº factura;Línea;Fecha;Código cliente;Código producto;Cantidad;Precio unitario;Importe;Moneda;Tipo documento\r\n');
	let chunk: string[] = [];
	for (let i = 0; i < MONTH_LINES; i++) {
		const invoice = Math.floor(i / 4);
		const quantity = 1 + (i % 50);
		const price = 100 + ((i * 7919) % 500_000);
		chunk.push(
			`M-${String(invoice).padStart(7, '0')};${1 + (i % 4)};${String(1 + (invoice % 28)).padStart(2, '0')}/01/2026;CL-${String(1 + ((invoice * 104_729) % 20_000)).padStart(5, '0')};` +
				`P-${String(1 + (i % 40)).padStart(3, '0')};${quantity};${spanishMoney(price)};${spanishMoney(quantity * price)};BOB;Factura\r\n`
		);
		if (chunk.length === 10_000) {
			if (!file.write(chunk.join(''))) await once(file, 'drain');
			chunk = [];
		}
	}
	file.end(chunk.join(''));
	await once(file, 'finish');
}

/** One step in this process (the child): its milliseconds and the process's peak memory. */
async function child(step: 'load' | 'undo', file: string, dbPath: string): Promise<void> {
	const db = await Database.open(dbPath);
	const started = performance.now();
	if (step === 'undo') {
		const last = await db.one<{ id: number }>(`SELECT max(batch_id) AS id FROM upload_batches WHERE undone_at IS NULL`);
		await undoBatch(db, Number(last!.id));
	} else {
		const report = await ingestFiles(db, [{ path: file }]);
		if (report.files[0]!.inserted !== MONTH_LINES) throw new Error(`loaded ${report.files[0]!.inserted} lines, not ${MONTH_LINES}`);
	}
	const ms = performance.now() - started;
	db.close();
	process.stdout.write(JSON.stringify({ ms, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

function run(step: 'load' | 'undo', file: string, dbPath: string): { ms: number; peak_rss_mb: number } {
	const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', step, file, dbPath], { encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`${step} failed: ${r.stderr}`);
	return JSON.parse(r.stdout);
}

if (process.argv[2] === '--child') {
	await child(process.argv[3] as 'load' | 'undo', process.argv[4]!, process.argv[5]!);
} else {
	const portfolio = join(out, `metrics-${LINES}.duckdb`);
	if (!existsSync(portfolio)) {
		console.log(`${portfolio} is missing: run BENCH_LINES=${LINES} npm run bench:metrics first to create it.`);
		process.exit(1);
	}
	const file = join(out, `month-2026-01-${MONTH_LINES}.csv`);
	if (!existsSync(file)) await monthFile(file);
	const copy = join(out, `monthly-${LINES}.duckdb`);
	rmSync(copy, { force: true });
	rmSync(`${copy}.wal`, { force: true });
	copyFileSync(portfolio, copy);
	try {
		const load = run('load', file, copy);
		const undo = run('undo', file, copy);
		console.log(`A month of ${MONTH_LINES.toLocaleString('en')} lines into ${LINES.toLocaleString('en')} (${portfolio})`);
		console.table([
			{ step: 'load (rollups kept in the same transaction)', seconds: +(load.ms / 1000).toFixed(2), peak_rss_mb: load.peak_rss_mb, target: '< 5 s', met: load.ms < 5000 ? 'yes' : 'no' },
			{ step: 'undo', seconds: +(undo.ms / 1000).toFixed(2), peak_rss_mb: undo.peak_rss_mb, target: null, met: null }
		]);
	} finally {
		rmSync(copy, { force: true });
		rmSync(`${copy}.wal`, { force: true });
	}
}
