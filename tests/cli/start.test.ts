// npm start (issue 13, installing for real), in its own processes as an admin runs it: a first
// start on a fresh database serves the first-run page, prints the setup code and where it listens,
// and loads no demo; --demo loads it into a database where nothing was ever loaded, and only
// then; after every demo batch is undone, a start loads nothing again; a start after an unchanged
// source tree does not build. It builds into CARTERA_BUILD_DIR when set (build/ under npm test).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIsCurrent } from '../../src/cli/build-if-changed';
import { listBatches, undoBatch } from '../../src/lib/server/batches';
import { hasUsers } from '../../src/lib/server/auth/users';
import { Database } from '../../src/lib/server/db/database';
import { freePort } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const ROOT = join(import.meta.dirname, '..', '..');
const BUILD_DIR = process.env.CARTERA_BUILD_DIR ?? 'build';
// The first start may have to build (the sources changed since the last build): minutes on a busy machine.
const START_TIMEOUT_MS = 240_000;
const folder = tempFolder('cartera-start-');
const dbPath = folder.path('cartera.duckdb');

afterAll(() => folder.remove());

interface Started {
	url: string;
	output(): string;
	stop(): Promise<void>;
}

/** `npm start -- ARGS` (node --import tsx: one process to stop), until it answers over HTTP. */
async function npmStart(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Started> {
	const port = await freePort();
	const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'start.ts'), ...args], {
		cwd: ROOT,
		env: { ...process.env, CARTERA_BUILD_DIR: BUILD_DIR, CARTERA_DB: dbPath, PORT: String(port), CARTERA_WARM: '0', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
		child.kill('SIGTERM');
		await exited;
		clearTimeout(force);
	};
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + START_TIMEOUT_MS;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode}:\n${output}`);
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`npm start did not answer within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
		}
		try {
			await fetch(`${url}/_app/version.json`, { signal: AbortSignal.timeout(2_000) });
			// The listening line comes right after the server module has loaded.
			if (output.includes('Cartera listens on')) return { url, output: () => output, stop };
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
}

/** The batches and whether an account exists, read from the file once the server has stopped. */
async function inspect(): Promise<{ batches: { batch_id: number; undone_at: unknown }[]; users: boolean }> {
	const db = await Database.open(dbPath);
	try {
		return { batches: await listBatches(db), users: await hasUsers(db) };
	} finally {
		db.close();
	}
}

const CODE = /ingrese el código: [A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}\n/;

describe('npm start', () => {
	it('starts a fresh install empty, on the first-run page, saying the setup code and where it listens', { timeout: START_TIMEOUT_MS + 60_000 }, async () => {
		// No HOST: the default, every interface, as a company's install runs.
		const started = await npmStart([], { HOST: undefined });
		try {
			const output = started.output();
			expect(output).toMatch(CODE);
			expect(output).toMatch(/To create the admin account open http:\/\/localhost:\d+\/setup and enter the code: /);
			expect(output).toMatch(/Cartera escucha en http:\/\/0\.0\.0\.0:\d+ \(todas las interfaces; HOST=127\.0\.0\.1 para limitarlo\)/);
			expect(output).toMatch(/Cartera listens on http:\/\/0\.0\.0\.0:\d+ \(all interfaces; HOST=127\.0\.0\.1 to restrict it\)/);
			expect(output).not.toContain('Loading the demo');
			const home = await fetch(`${started.url}/`, { redirect: 'manual' });
			expect(home.status).toBe(303);
			expect(home.headers.get('location')).toBe('/setup');
			const setup = await fetch(`${started.url}/setup`);
			expect(setup.status).toBe(200);
			expect(await setup.text()).toContain('name="code"');
		} finally {
			await started.stop();
		}
		expect(await inspect()).toEqual({ batches: [], users: false });
		expect(existsSync(join(ROOT, BUILD_DIR, '.cartera-build-stamp'))).toBe(true);
	});

	it('loads the demo with --demo, building only when the sources changed since the last build', { timeout: START_TIMEOUT_MS }, async () => {
		// The first start left a current build; other work in the tree may have changed a source since.
		const current = buildIsCurrent(ROOT);
		const started = await npmStart(['--demo'], { HOST: '127.0.0.1' });
		try {
			const output = started.output();
			if (current) expect(output).not.toMatch(/Building/);
			else expect(output).toMatch(/Building/);
			expect(output).toContain('Loading the demo exports of data/demo');
			expect(output).toMatch(/Cartera listens on http:\/\/127\.0\.0\.1:\d+\n/);
			expect(output).not.toContain('all interfaces');
			expect(output).toMatch(CODE); // still no account
		} finally {
			await started.stop();
		}
		expect((await inspect()).batches).toHaveLength(10);
	});

	it('never loads the demo again by itself, nor with --demo, once anything was loaded, even all undone', { timeout: START_TIMEOUT_MS }, async () => {
		const db = await Database.open(dbPath);
		for (const batch of await listBatches(db)) await undoBatch(db, batch.batch_id, 'tests');
		db.close();
		for (const args of [[], ['--demo']]) {
			const started = await npmStart(args, { HOST: '127.0.0.1' });
			const output = started.output();
			await started.stop();
			expect(output).not.toContain('Loading the demo');
			if (args.length) expect(output).toContain('the demo is not loaded');
		}
		const { batches } = await inspect();
		expect(batches).toHaveLength(10);
		expect(batches.every((b) => b.undone_at !== null)).toBe(true);
	});
});
