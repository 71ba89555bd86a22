// Readers during a load (issue 13), the last phase of bench/upload.ts: the built server (as
// tests/helpers/server.ts starts it, CARTERA_BUILD_DIR honoured, background warming on as in
// production) holds a loaded database; a large export is POSTed to /api/uploads while two loops
// ask GET /api/metrics/kpis and GET / (the signed-in home page, whole body, with an admin API
// token) every ~100 ms. Latencies are printed before, during and for 10 s after the load, with the
// targets beside them. Printed, never asserted: other work on the machine moves the figures.
// BENCH_TRACE=1 also prints every request with its wall-clock time; BENCH_WARM_WAIT_MS (20 s) is
// how long the server may warm the default views before the load.
import { openAsBlob } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { startServer, type RunningServer } from '../tests/helpers/server';

const EVERY_MS = 100;
const AFTER_MS = 10_000;
const BEFORE_MS = 3_000;
/** Time for the server to warm the default views before the load (warm.ts). */
const WARM_WAIT_MS = Number(process.env.BENCH_WARM_WAIT_MS ?? 20_000);
const TARGETS: Record<string, number> = { '/api/metrics/kpis': 300, '/': 1000 };

interface Sample {
	path: string;
	start: number;
	ms: number;
	status: number;
}

/** One GET, timed until its whole body has arrived. */
async function timedGet(server: RunningServer, path: string): Promise<Sample> {
	const start = performance.now();
	const response = await server.fetch(`${server.url}${path}`, { headers: { cookie: 'lang=es' } });
	await response.arrayBuffer();
	return { path, start, ms: performance.now() - start, status: response.status };
}

/** Asks `path` every EVERY_MS (or right after the previous answer, when slower) until stop() is called. */
function poll(server: RunningServer, path: string, samples: Sample[]) {
	let running = true;
	const done = (async () => {
		while (running) {
			const sample = await timedGet(server, path);
			samples.push(sample);
			const wait = EVERY_MS - sample.ms;
			if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		}
	})();
	return async () => {
		running = false;
		await done;
	};
}

const percentile = (xs: number[], p: number) => {
	const sorted = [...xs].sort((a, b) => a - b);
	return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
};

export async function readersDuringLoad(dbPath: string, uploadFile: string): Promise<void> {
	const server = await startServer(dbPath);
	try {
		// The figures' first computation and the background warming are not part of the load.
		for (const path of Object.keys(TARGETS)) await timedGet(server, path);
		await new Promise((r) => setTimeout(r, WARM_WAIT_MS));
		const samples: Sample[] = [];
		const stops = Object.keys(TARGETS).map((path) => poll(server, path, samples));
		const t0 = performance.now();
		await new Promise((r) => setTimeout(r, BEFORE_MS));
		const form = new FormData();
		form.append('file', await openAsBlob(uploadFile), 'facturas.csv');
		const loadStart = performance.now();
		if (process.env.BENCH_TRACE) console.log(`load starts ${new Date().toISOString()}`);
		const load = { before: loadavg()[0]! };
		const upload = await server.fetch(`${server.url}/api/uploads`, { method: 'POST', body: form });
		const report = (await upload.json()) as { files?: { loaded: number }[]; error?: string };
		const loadEnd = performance.now();
		if (process.env.BENCH_TRACE) console.log(`load ends ${new Date().toISOString()}`);
		if (upload.status !== 200) throw new Error(`The upload failed: ${upload.status} ${JSON.stringify(report).slice(0, 300)}`);
		await new Promise((r) => setTimeout(r, AFTER_MS));
		await Promise.all(stops.map((stop) => stop()));

		if (process.env.BENCH_TRACE)
			for (const s of samples.sort((a, b) => a.start - b.start))
				console.log(`${new Date(performance.timeOrigin + s.start).toISOString().slice(11, 23)} ${((s.start - loadStart) / 1000).toFixed(2).padStart(7)} s  ${s.path.padEnd(18)} ${Math.round(s.ms)} ms`);
		const phases: [string, (s: Sample) => boolean][] = [
			['before the load', (s) => s.start >= t0 && s.start < loadStart],
			['during the load', (s) => s.start >= loadStart && s.start < loadEnd],
			['10 s after it', (s) => s.start >= loadEnd && s.start < loadEnd + AFTER_MS]
		];
		const rows = [];
		for (const [phase, inPhase] of phases)
			for (const [path, target] of Object.entries(TARGETS)) {
				const mine = samples.filter((s) => s.path === path && inPhase(s));
				const ms = mine.map((s) => s.ms);
				rows.push({
					phase,
					request: `GET ${path}`,
					n: mine.length,
					not_200: mine.filter((s) => s.status !== 200).length,
					median_ms: Math.round(percentile(ms, 0.5)),
					p95_ms: Math.round(percentile(ms, 0.95)),
					max_ms: Math.round(percentile(ms, 1)),
					target: phase === 'during the load' ? `p95 < ${target} ms` : '',
					met: phase === 'during the load' ? (percentile(ms, 0.95) < target ? 'yes' : 'no') : ''
				});
			}
		console.log(
			`\nReaders during a load: ${report.files?.[0]?.loaded ?? '?'} lines uploaded through POST /api/uploads in ` +
				`${((loadEnd - loadStart) / 1000).toFixed(1)} s, GET every ${EVERY_MS} ms ` +
				`(1-minute load average ${load.before.toFixed(2)} at its start, ${loadavg()[0]!.toFixed(2)} at its end: far above the ` +
				`${availableParallelism()} cores means other work shared them)`
		);
		console.table(rows);
	} finally {
		await server.stop();
	}
}
