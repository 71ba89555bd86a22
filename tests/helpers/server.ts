// Starts the built app (build/index.js, as `npm test` builds it before vitest) on a free port
// against a given database file, and stops it again. The file gets an admin account and an API
// token first (every route checks who calls); `fetch` and `auth` carry the token.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createToken } from '../../src/lib/server/auth/tokens';
import { createUser, hasUsers } from '../../src/lib/server/auth/users';
import { Database } from '../../src/lib/server/db/database';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// CARTERA_BUILD_DIR: the build folder when several builds run side by side (svelte.config.js).
const ENTRY = join(ROOT, process.env.CARTERA_BUILD_DIR ?? 'build', 'index.js');
const READY_TIMEOUT_MS = 30_000;

export interface RunningServer {
	url: string;
	/** An admin API token created before the start (null with `accounts: false`). */
	token: string | null;
	/** The header that authenticates with it, for browser contexts (`extraHTTPHeaders`). */
	auth: Record<string, string>;
	/** fetch with the token sent along (unless the call gives its own Authorization). */
	fetch(input: string, init?: RequestInit): Promise<Response>;
	/** What the server printed so far (stdout and stderr), e.g. the setup code of a fresh installation. */
	output(): string;
	stop(): Promise<void>;
}

export const TEST_ADMIN = { name: 'gerencia', password: 'clave de prueba larga' };

/**
 * Every route asks who is calling (issue 7): an admin account and an admin API token are created
 * in the file before the server takes it, unless the test wants a fresh installation.
 */
async function seedAccounts(databasePath: string): Promise<string> {
	const db = await Database.open(databasePath);
	try {
		if (!(await hasUsers(db))) await createUser(db, TEST_ADMIN.name, TEST_ADMIN.password, 'admin');
		return (await createToken(db, 'tests', 'admin', TEST_ADMIN.name)).token;
	} finally {
		db.close();
	}
}

/** A port nobody listens on now (the OS picks it). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No port'))));
		});
	});
}

/** `env`: extra environment for the server (e.g. ORIGIN, PROTOCOL_HEADER), over the defaults. */
export async function startServer(databasePath: string, options: { accounts?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<RunningServer> {
	if (!existsSync(ENTRY)) {
		throw new Error(`${ENTRY} is missing: build the app first with \`npm run build\` (\`npm test\` does it).`);
	}
	const token = options.accounts === false ? null : await seedAccounts(databasePath);
	const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [ENTRY], {
		cwd: ROOT,
		env: { ...process.env, CARTERA_DB: databasePath, PORT: String(port), HOST: '127.0.0.1', BODY_SIZE_LIMIT: 'Infinity', ...options.env },
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
	const authFetch = (input: string, init: RequestInit = {}) => {
		const headers = new Headers(init.headers);
		if (token && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
		return fetch(input, { ...init, headers });
	};
	return { url, token, auth, fetch: authFetch, output: () => output, stop };
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
