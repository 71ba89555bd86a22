// npm run bench:metrics — every figure on a generated portfolio of 1,000,000 invoice lines and
// 20,000 clients: through the typed layer (parameters, settings, shaping: what the CLI and the API
// call) and its SQL run bare on the connection with the same bound parameters, in one run.
// Target: each figure ≤ 1.3× its bare SQL and under 300 ms median. Printed, never asserted.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Database } from '../src/lib/server/db/database';
import { ingestFiles } from '../src/lib/server/ingest/ingest';
import { lineParams } from '../src/lib/server/metrics/bind';
import { computeMetric, METRIC_NAMES } from '../src/lib/server/metrics/index';
import { resolveParams, type MetricParams } from '../src/lib/server/metrics/params';
import { monthEnd } from '../src/lib/server/metrics/period';
import { previousPeriod } from '../src/lib/server/metrics/retention';
import { loadSettings } from '../src/lib/server/metrics/settings';
import { runQuery } from '../src/lib/server/queries';
import { generateInvoices } from './generate-invoices';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const CLIENTS = 20_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const out = join(fileURLToPath(new URL('.', import.meta.url)), 'out');

/** The SQL files each figure runs, with the extra parameters it binds. */
const BARE: Record<string, { query: string; extra: (s: Awaited<ReturnType<typeof loadSettings>>) => Record<string, string | number> }[]> = {
	segmentation: [{ query: 'segmentation', extra: () => ({ dim: 'product_line' }) }],
	concentration: [{ query: 'concentration', extra: () => ({ by: 'client' }) }],
	activation: [{ query: 'activation', extra: () => ({}) }],
	growth: [{ query: 'growth', extra: (s) => ({ growth_rules: JSON.stringify(s.growth_rules) }) }],
	forecast: [{ query: 'forecast', extra: () => ({}) }],
	quotes: [{ query: 'quotes', extra: () => ({}) }],
	retention: [
		{
			query: 'retention',
			extra: () => {
				const previous = previousPeriod(PARAMS!.from, PARAMS!.to);
				return { prev_from_date: `${previous.from}-01`, prev_to_date: monthEnd(previous.to) };
			}
		}
	],
	pipeline: [{ query: 'pipeline', extra: () => ({}) }]
};

async function portfolio(path: string): Promise<void> {
	if (existsSync(path)) return;
	mkdirSync(out, { recursive: true });
	const invoices = join(out, `invoices-${LINES}.csv`);
	if (!existsSync(invoices)) await generateInvoices(invoices, LINES, CLIENTS);
	const clients = join(out, 'clients-20000.csv');
	const types = ['Mayorista', 'Minorista', 'Distribuidor', 'Empresa', 'Gobierno'];
	const regions = ['La Paz', 'Santa Cruz', 'Cochabamba', 'Oruro', 'Potosí', 'Tarija'];
	const rows = ['Código cliente;Razón social;Tipo de cliente;Región;Fecha de alta'];
	for (let i = 1; i <= CLIENTS; i++)
		rows.push(`CL-${String(i).padStart(5, '0')};Cliente ${i};${types[i % types.length]};${regions[i % regions.length]};01/0${1 + (i % 9)}/2022`);
	writeFileSync(clients, rows.join('\n') + '\n');
	const products = join(out, 'products-40.csv');
	const lines = ['Código producto;Descripción;Línea de producto'];
	for (let i = 1; i <= 40; i++) lines.push(`P-${String(i).padStart(3, '0')};Producto ${i};Línea ${1 + (i % 6)}`);
	writeFileSync(products, lines.join('\n') + '\n');
	const db = await Database.open(path);
	await ingestFiles(db, [{ path: clients }, { path: products }, { path: invoices }]);
	db.close();
}

async function time(fn: () => Promise<unknown>): Promise<number> {
	const t = performance.now();
	await fn();
	return performance.now() - t;
}

let PARAMS: MetricParams | undefined;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
	const path = join(out, `metrics-${LINES}.duckdb`);
	console.log(`Portfolio: ${LINES.toLocaleString('en')} invoice lines, ${CLIENTS.toLocaleString('en')} clients (${path})`);
	await portfolio(path);
	const db = await Database.open(path);
	const settings = await loadSettings(db);
	const params = await resolveParams(db, {});
	PARAMS = params;
	const rows = [];
	for (const name of METRIC_NAMES) {
		const bare = BARE[name];
		if (!bare) continue;
		await computeMetric(db, name, {}); // warm: macros registered, file cached
		const layer: number[] = [];
		const plain: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			layer.push(await time(() => computeMetric(db, name, {})));
			plain.push(await time(async () => {
				for (const q of bare) await runQuery(db, q.query, { ...lineParams(params, settings), ...q.extra(settings) });
			}));
		}
		const l = median(layer);
		const b = median(plain);
		rows.push({ metric: name, layer_ms: Math.round(l), bare_ms: Math.round(b), ratio: +(l / b).toFixed(2), target: l <= 300 && l / b <= 1.3 ? 'met' : 'missed' });
	}
	console.table(rows);
	db.close();
}

await main();
