// npm run bench:pages — how long each dashboard page's data takes to arrive over HTTP, on the demo
// database and on the portfolio of bench/metrics.ts with BENCH_LINES lines (1,000,000 by default)
// over BENCH_YEARS years (3 by default), in date order with BENCH_ORDER=chronological (run npm run
// bench:metrics with the same three first to create it).
// SvelteKit serves a page's data at <page>/__data.json: that is what a navigation waits for.
// "first" is the first request for the page after the server started, with background warming off
// (figures computed for that request; "first_part" until its first streamed part arrives, which
// is when the page shows its figures), "again" the median of later requests (from the result cache
// until data changes). "warmed" is the first request of a second server left to warm for a while. Printed, never asserted. Targets (issues 5 and 19): < 300 ms on the demo, < 1 s on 1M and 10M lines.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoDatabase } from '../src/lib/server/demo';
import { startServer, type RunningServer } from '../tests/helpers/server';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGES = ['/', '/segmentos', '/concentracion', '/activacion', '/pronostico', '/embudo', '/clientes'];
/** Resumen under a status and a billing-tier filter (every figure classifies the clients), under
 * the largest product line (LINE) alone and with a status (the status within that line), and the
 * monthly report Resumen links to (its period's last month, asked of the server), then Ranking. */
/** Ranking by its default dimension (account managers: none on the generated portfolio), by client
 * type and by product line: every value's figures under that value's filter. Last, because the
 * figures under LINE (one product line of six) may be cached by then from Resumen within it. */
const RANKINGS = ['/ranking', '/ranking?dim=client_type', '/ranking?dim=product_line'];
const MORE = ['/?status=active', '/?billing_tier=A', '/?product_line=LINE', '/?product_line=LINE&status=active', '/informe/MONTH', ...RANKINGS];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const WARM_WAIT_MS = Number(process.env.BENCH_WARM_WAIT_MS ?? 15_000);

/** Milliseconds to the whole answer; `chunk`: to its first part (a page that streams part of its
 * figures, like the overview's comparison, is usable from there). */
async function timed(server: RunningServer, url: string): Promise<{ chunk: number; total: number }> {
	const t = performance.now();
	const response = await server.fetch(url, { headers: { cookie: 'lang=es' } });
	if (response.status !== 200) throw new Error(`${url}: ${response.status} ${(await response.text()).slice(0, 200)}`);
	const reader = response.body!.getReader();
	let chunk = 0;
	for (let part = await reader.read(); !part.done; part = await reader.read()) if (!chunk) chunk = performance.now() - t;
	return { chunk, total: performance.now() - t };
}

/** The page's data (SvelteKit's <page>/__data.json, its query string kept). */
function dataUrl(server: RunningServer, page: string): string {
	const [path, query] = page.split('?') as [string, string | undefined];
	return `${server.url}${path === '/' ? '' : path}/__data.json${query ? `?${query}` : ''}`;
}

const fetchTime = async (server: RunningServer, url: string) => (await timed(server, url)).total;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(label: string, dbPath: string, target: number): Promise<void> {
	// Warming off: "first" is the figures computed for the request itself (warm.ts would have them
	// ready in the background a few seconds after start or an upload).
	process.env.CARTERA_WARM = '0';
	const server = await startServer(dbPath);
	try {
		await fetchTime(server, `${server.url}/api/metrics/segmentation`); // the server's first query registers macros
		const month = ((await (await server.fetch(`${server.url}/api/metrics/kpis`)).json()) as { as_of: string }).as_of.slice(0, 7);
		const segments = ((await (await server.fetch(`${server.url}/api/metrics/segmentation?dim=product_line`)).json()) as { segments: { value: string | null }[] }).segments;
		const line = encodeURIComponent(segments.find((s) => s.value !== null)?.value ?? '');
		const pages = [...PAGES, ...MORE].map((page) => page.replace('MONTH', month).replace(/LINE/g, line));
		const rows: Record<string, string | number>[] = [];
		for (const page of pages) {
			const url = dataUrl(server, page);
			const { chunk, total: first } = await timed(server, url);
			const again: number[] = [];
			for (let i = 0; i < RUNS; i++) again.push(await fetchTime(server, url));
			rows.push({ page, first_ms: Math.round(first), first_part_ms: Math.round(chunk), again_ms: Math.round(median(again)), target: `< ${target} ms`, first_met: chunk < target ? 'yes' : 'no' });
		}
		await server.stop();
		process.env.CARTERA_WARM = '1';
		const warm = await startServer(dbPath);
		try {
			await new Promise((resolve) => setTimeout(resolve, WARM_WAIT_MS));
			for (const [i, page] of pages.entries()) rows[i]!.warmed_ms = Math.round(await fetchTime(warm, dataUrl(warm, page)));
		} finally {
			await warm.stop();
		}
		console.log(`\n${label} (${dbPath})`);
		console.table(rows);
	} catch (error) {
		await server.stop();
		throw error;
	}
}

const demo = join(ROOT, 'bench', 'out', 'demo.duckdb');
if (!existsSync(demo)) await buildDemoDatabase(demo);
await measure('Demo database', demo, 300);
const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const YEARS = Number(process.env.BENCH_YEARS ?? 3);
const ORDER = process.env.BENCH_ORDER === 'chronological' ? '-chrono' : '';
const big = join(ROOT, 'bench', 'out', `metrics-${LINES}${YEARS === 3 ? '' : `-${YEARS}y`}${ORDER}.duckdb`);
if (existsSync(big)) await measure(`${LINES.toLocaleString('en')} invoice lines over ${YEARS} years${ORDER ? ' in date order' : ''}, 20,000 clients`, big, 1000);
else console.log(`\n${big} is missing: run BENCH_LINES=${LINES} BENCH_YEARS=${YEARS} BENCH_ORDER=${process.env.BENCH_ORDER ?? 'random'} npm run bench:metrics first to create it.`);
