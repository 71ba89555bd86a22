// Starts the built app (build/index.js, as `npm test` builds it before vitest) on a free port
// against a given database file, and stops it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// CARTERA_BUILD_DIR: the build folder when several builds run side by side (svelte.config.js).
const ENTRY = join(ROOT, process.env.CARTERA_BUILD_DIR ?? 'build', 'index.js');
const READY_TIMEOUT_MS = 30_000;

export interface RunningServer {
	url: string;
	stop(): Promise<void>;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No port'))));
		});
	});
}

export async function startServer(databasePath: string): Promise<RunningServer> {
	if (!existsSync(ENTRY)) {
		throw new Error(`${ENTRY} is missing: build the app first with \`npm run build\` (\`npm test\` does it).`);
	}
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [ENTRY], {
		cwd: ROOT,
		env: { ...process.env, CARTERA_DB: databasePath, PORT: String(port), HOST: '127.0.0.1', BODY_SIZE_LIMIT: 'Infinity' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const stop = () => stopProcess(child);
	try {
		await waitUntilUp(url, child, () => output);
	} catch (error) {
		await stop();
		throw error;
	}
	return { url, stop };
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
	const deadline = Date.now() + READY_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${output()}`);
		try {
			// A static file: probing a page would compute (and cache) its figures before the test asks.
			await fetch(`${url}/_app/version.json`, { signal: AbortSignal.timeout(2_000) });
			return;
		} catch {
			await new Promise((r) => setTimeout(r, 200));
		}
	}
	throw new Error(`The server did not answer at ${url} within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
		child.once('exit', () => {
			clearTimeout(force);
			resolve();
		});
		child.kill('SIGTERM');
	});
}
