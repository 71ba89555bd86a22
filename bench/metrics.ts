// npm run bench:metrics — every figure on a generated portfolio of 1,000,000 invoice lines and
// 20,000 clients: through the typed layer (parameters, settings, shaping: what the CLI and the API
// call) and its SQL run bare on the connection with the same bound parameters, in one run.
// The CRM figures (pipeline, funnel, loss_reasons, open_pipeline) also read 200,000 generated
// opportunities and 100,000 quotes (BENCH_OPPORTUNITIES).
// BENCH_LINES sets the lines (1,000,000 by default; 10,000,000 for issue 19's table); BENCH_YEARS
// the years of history they spread over (3 by default, up to 2025: a longer history, same volume);
// BENCH_ORDER=chronological writes the invoices in date order, as ERPs export them (random dates by
// default: the worst case, where no block of lines can be skipped by its dates).
// Target: each figure ≤ 1.3× its bare SQL and under 100 ms median at 1,000,000 lines, 300 ms at
// 10,000,000. Printed, never asserted. lines_ms is the same figure with the stored rollups off
// (CARTERA_ROLLUPS=0: every sum read from the lines), side by side with layer_ms.
// BENCH_ONLY=sales_events,activation runs only those rows (a figure's name, 'activation (formalised)'
// as 'formalised', the lists as 'lists'); BENCH_RUNS repeats (median printed, 7 by default). The
// machine's load average is printed before and after, and cpu_ms (the process's CPU time, DuckDB's
// threads included; median) beside the wall times: a busy machine stretches wall time, less CPU time.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWindowValues } from '../src/lib/server/db/client-windows';
import { Database } from '../src/lib/server/db/database';
import { ingestFiles } from '../src/lib/server/ingest/ingest';
import { LIST_PAGE_SIZE } from '../src/lib/features/lists/loader.server';
import { computeList, runList } from '../src/lib/server/lists/list';
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
const YEARS = Number(process.env.BENCH_YEARS ?? 3);
const CHRONOLOGICAL = process.env.BENCH_ORDER === 'chronological';
/** The files' names carry the years when not the default 3, and the order when chronological. */
const SPAN = `${YEARS === 3 ? '' : `-${YEARS}y`}${CHRONOLOGICAL ? '-chrono' : ''}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_MS = LINES > 1_000_000 ? 300 : 100;
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
const chosen = (name: string) => !ONLY || ONLY.has(name);
const out = join(fileURLToPath(new URL('.', import.meta.url)), 'out');

/** The SQL files each figure runs, with the extra parameters it binds. */
const BARE: Record<string, { query: string; extra: (s: Awaited<ReturnType<typeof loadSettings>>) => Record<string, string | number | boolean | null> }[]> = {
	segmentation: [{ query: 'segmentation', extra: () => ({ dim: 'product_line' }) }],
	concentration: [{ query: 'concentration', extra: () => ({ by: 'client' }) }],
	activation: [{ query: 'activation', extra: (s) => ({ activation_event: s.activation_event }) }],
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
	pipeline: [{ query: 'pipeline', extra: () => ({}) }],
	// sales_events gives retention's expansion too (against the comparison months).
	sales_events: [{ query: 'sales_events', extra: () => previousDates() }],
	prospect_size: [{ query: 'prospect_size', extra: () => ({}) }],
	funnel: [
		{ query: 'funnel', extra: () => ({}) },
		{ query: 'decision_reasons', extra: () => ({}) }
	],
	loss_reasons: [{ query: 'loss_reasons', extra: () => ({}) }],
	open_pipeline: [
		{ query: 'open_pipeline', extra: (s) => ({ stage_probabilities: JSON.stringify(Object.entries(s.stage_probabilities).map(([stage, probability]) => ({ stage, probability }))) }) },
		{ query: 'stale_opportunities', extra: (s) => ({ stale_days: s.stale_days, limit: 200, offset: null }) },
		{ query: 'quotes_past_validity', extra: () => ({ limit: 200, offset: null }) }
	]
};

/** The comparison months retention and the sales events bind (the previous period). */
function previousDates(): Record<string, string> {
	const previous = previousPeriod(PARAMS!.from, PARAMS!.to);
	return { prev_from_date: `${previous.from}-01`, prev_to_date: monthEnd(previous.to) };
}

const OPPORTUNITIES = Number(process.env.BENCH_OPPORTUNITIES ?? 200_000);

/**
 * The CRM side of the portfolio (issue 15's figures): opportunities of the four entry kinds with
 * stages, decisions, reasons and last changes, and quotes with a validity date, over 2024–2025 (the invoices' default period).
 * Added once to a portfolio that has none.
 */
async function crm(db: Database): Promise<void> {
	const [row] = await db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM opportunities');
	if (row!.n > 0) return;
	const kinds = ['Lead', 'Oportunidad', 'Licitación', 'Solicitud de presupuesto'];
	const stages = ['Prospección', 'Calificación', 'Propuesta', 'Negociación'];
	const reasons = ['Precio', 'Competencia', 'Plazo', 'Sin presupuesto'];
	const day = (n: number) => {
		const d = new Date(Date.UTC(2024, 0, 1) + n * 86_400_000);
		return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
	};
	const opps = ['ID oportunidad;Código cliente;Tipo;Etapa;Línea de producto;Responsable;Fecha de creación;Fecha prevista de cierre;Fecha de cierre;Importe;Resultado;Motivo de pérdida;Decisión;Motivo no go;Última modificación'];
	for (let i = 1; i <= OPPORTUNITIES; i++) {
		const created = (i * 7919) % 700;
		const r = (i * 104_729) % 10;
		const result = r < 3 ? 'Ganada' : r < 6 ? 'Perdida' : r < 7 ? 'Descartada' : 'Abierta';
		const closed = result === 'Abierta' ? '' : day(created + 20 + (i % 60));
		opps.push([`OP-${i}`, `CL-${String(1 + (i % CLIENTS)).padStart(5, '0')}`, kinds[i % 4], result === 'Abierta' ? stages[i % 4] : result,
			`Línea ${1 + (i % 6)}`, `Vendedor ${i % 25}`, day(created), day(created + 90), closed, `${100 + (i % 5000)},00`, result,
			result === 'Perdida' ? reasons[i % 4] : '', result === 'Descartada' ? 'No go' : i % 5 === 0 ? 'Pendiente' : 'Go',
			result === 'Descartada' ? 'Sin capacidad' : '', day(created + (i % 40))].join(';'));
	}
	const quotes = ['Nº presupuesto;Código cliente;Fecha presupuesto;Importe;Estado;Válido hasta'];
	const states = ['Enviado', 'Aceptado', 'Rechazado', 'Vencido', 'Borrador'];
	for (let i = 1; i <= OPPORTUNITIES / 2; i++) {
		const issued = (i * 6007) % 700;
		quotes.push([`PR-${i}`, `CL-${String(1 + (i % CLIENTS)).padStart(5, '0')}`, day(issued), `${50 + (i % 3000)},00`, states[i % 5], day(issued + 30)].join(';'));
	}
	const oppFile = join(out, `opportunities-${OPPORTUNITIES}.csv`);
	const quoteFile = join(out, `quotes-${OPPORTUNITIES / 2}.csv`);
	writeFileSync(oppFile, opps.join('\n') + '\n');
	writeFileSync(quoteFile, quotes.join('\n') + '\n');
	await ingestFiles(db, [{ path: oppFile }, { path: quoteFile }]);
}

async function portfolio(path: string): Promise<void> {
	if (existsSync(path)) return;
	mkdirSync(out, { recursive: true });
	const invoices = join(out, `invoices-${LINES}${SPAN}.csv`);
	if (!existsSync(invoices)) await generateInvoices(invoices, LINES, CLIENTS, YEARS, CHRONOLOGICAL);
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
	// The 10M-line file is ~730 MB: over the upload limit a server keeps, not a limit of the engine.
	await ingestFiles(db, [{ path: clients }, { path: products }, { path: invoices }], { maxBytes: Infinity });
	db.close();
}

/** CPU time (ms) of the runs timed so far, in order: read beside time()'s wall time. */
let cpu: number[] = [];

async function time(fn: () => Promise<unknown>): Promise<number> {
	const c = process.cpuUsage();
	const t = performance.now();
	await fn();
	const wall = performance.now() - t;
	const used = process.cpuUsage(c);
	cpu.push((used.user + used.system) / 1000);
	return wall;
}

/** The median CPU time of the runs since the last call. */
function cpuMedian(): number {
	const m = cpu.length ? Math.round(median(cpu)) : 0;
	cpu = [];
	return m;
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

let PARAMS: MetricParams | undefined;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
	const path = join(out, `metrics-${LINES}${SPAN}.duckdb`);
	console.log(`Portfolio: ${LINES.toLocaleString('en')} invoice lines over ${YEARS} years${CHRONOLOGICAL ? ' in date order' : ''}, ${CLIENTS.toLocaleString('en')} clients (${path})`);
	await portfolio(path);
	let db = await Database.open(path);
	await crm(db);
	db.close();
	db = await Database.open(path);
	// What the server does when it starts (hooks.server.ts): the status windows for the window in
	// force, before the settings, which say whether the stored ones serve (stored_windows).
	await ensureWindowValues(db);
	const settings = await loadSettings(db);
	const params = await resolveParams(db, {});
	PARAMS = params;
	console.log(`Load average before: ${load()} (${RUNS} runs each, medians)`);
	const rows = [];
	for (const name of METRIC_NAMES) {
		const bare = BARE[name];
		if (!bare || !chosen(name)) continue;
		await computeMetric(db, name, {}); // warm: macros registered, file cached
		const layer: number[] = [];
		const lines: number[] = [];
		const plain: number[] = [];
		const layerCpu: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			layer.push(await time(() => computeMetric(db, name, {})));
			layerCpu.push(...cpu.splice(0));
			process.env.CARTERA_ROLLUPS = '0';
			lines.push(await time(() => computeMetric(db, name, {})));
			delete process.env.CARTERA_ROLLUPS;
			plain.push(await time(async () => {
				for (const q of bare) await runQuery(db, q.query, { ...lineParams(params, settings), ...q.extra(settings) });
			}));
			cpu = [];
		}
		const l = median(layer);
		const b = median(plain);
		rows.push({ metric: name, layer_ms: Math.round(l), cpu_ms: Math.round(median(layerCpu)), lines_ms: Math.round(median(lines)), bare_ms: Math.round(b), ratio: +(l / b).toFixed(2), target: l <= TARGET_MS && l / b <= 1.3 ? 'met' : 'missed' });
	}
	// Activation with activation_event = 'formalised' (won opportunities and accepted quotes activate
	// too): a setting, not a figure of its own, so its SQL alone.
	if (chosen('formalised')) {
		const formalised: number[] = [];
		for (let i = 0; i < RUNS; i++)
			formalised.push(await time(() => runQuery(db, 'activation', { ...lineParams(params, settings), activation_event: 'formalised' })));
		rows.push({ metric: 'activation (formalised)', layer_ms: null, cpu_ms: cpuMedian(), bare_ms: Math.round(median(formalised)), ratio: null, target: median(formalised) <= TARGET_MS ? 'met' : 'missed' });
	}
	// Embudo's lists (not the document's first 200): the stale opportunities, the expired quotes and
	// one open stage, through the list layer: every row (what the CLI and the API give), and the Lista
	// page's first page of LIST_PAGE_SIZE rows (count and total still every row's).
	const listParams = await resolveParams(db, {});
	const listSettings = await loadSettings(db, { filters: listParams.filters, month: listParams.to });
	for (const [name, key] of chosen('lists') ? ([['stale', 'opportunities'], ['stale', 'quotes'], ['open_stage', 'Negociación']] as const) : []) {
		await computeList(db, name, { key });
		const runs: number[] = [];
		let count = 0;
		for (let i = 0; i < RUNS; i++) runs.push(await time(async () => (count = (await computeList(db, name, { key })).count)));
		rows.push({ metric: `list ${name} ${key} (${count} rows)`, layer_ms: Math.round(median(runs)), cpu_ms: cpuMedian(), bare_ms: null, ratio: null, target: median(runs) <= 300 ? 'met' : 'missed' });
		const paged: number[] = [];
		for (let i = 0; i < RUNS; i++) paged.push(await time(() => runList(db, name, key, listParams, listSettings, null, { page: 1, size: LIST_PAGE_SIZE })));
		rows.push({ metric: `  its Lista page (${LIST_PAGE_SIZE} rows)`, layer_ms: Math.round(median(paged)), cpu_ms: cpuMedian(), bare_ms: null, ratio: null, target: median(paged) <= 300 ? 'met' : 'missed' });
	}
	console.table(rows);
	console.log(`Load average after: ${load()}`);
	db.close();
}

await main();
