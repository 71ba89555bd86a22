// What the server does with an error nobody foresaw: a request that fails unexpectedly gets a 500
// with a generic message in its language (no error text, no stack), and the server keeps serving;
// an unhandled rejection or an uncaught exception is logged and the process lives on.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { startServer, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const folder = tempFolder();
const dbPath = folder.path('errors.duckdb');
let server: RunningServer;

beforeAll(async () => {
	(await Database.open(dbPath)).close();
	server = await startServer(dbPath);
});
afterAll(async () => {
	await server?.stop();
	folder.remove();
});

describe('a request that fails unexpectedly', () => {
	it('gets a 500 with a generic message in its language, no error text nor stack, and the server keeps serving', async () => {
		// A staged "file" that is a folder: reading it fails with EISDIR, an error no code foresees.
		const id = 'c'.repeat(32);
		const files = join(folder.dir, 'staging', 'files');
		mkdirSync(join(files, id), { recursive: true });
		writeFileSync(join(files, `${id}.json`), JSON.stringify({ id, name: 'carpeta.csv', size: 1, stagedAt: Date.now() }));
		for (const [lang, text] of [
			['es', /^Algo falló en el servidor/],
			['en', /^Something went wrong on the server/]
		] as const) {
			const r = await server.fetch(`${server.url}/api/uploads/stage/preview`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'accept-language': lang },
				body: JSON.stringify({ ids: [id], parts: ['records'] })
			});
			expect(r.status).toBe(500);
			const body = await r.text();
			expect(JSON.parse(body).message).toMatch(text);
			expect(body).not.toMatch(/EISDIR|\bat .+:\d+:\d+|node:internal/);
		}
		expect(server.output()).toMatch(/EISDIR/); // logged on the server's side
		expect((await server.fetch(`${server.url}/api/metrics/kpis`)).status).toBe(200);
	});
});

describe('the process guard', () => {
	it('logs an unhandled rejection and an uncaught exception, and the process lives on', () => {
		const script = `
			import { keepServingOnUncaught } from './src/lib/server/crash-guard.ts';
			keepServingOnUncaught();
			keepServingOnUncaught(); // twice: still one handler each
			console.log('handlers', process.listenerCount('unhandledRejection'), process.listenerCount('uncaughtException'));
			Promise.reject(new Error('rejected nowhere'));
			setTimeout(() => { throw new Error('thrown in a callback'); }, 10);
			setTimeout(() => console.log('still alive'), 200);
		`;
		const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('handlers 1 1');
		expect(run.stdout).toContain('still alive');
		expect(run.stderr).toMatch(/Unhandled rejection[\s\S]*rejected nowhere/);
		expect(run.stderr).toMatch(/Uncaught exception[\s\S]*thrown in a callback/);
	});
});
