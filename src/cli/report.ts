// npm run report -- --month 2026-10 --out informe-2026-10.pdf [--lang es|en] [--db PATH]
// Prints Informe del mes to an A4 PDF: starts the built app (built first when the sources changed)
// on a free local port against the database, with a viewer token made for this run and revoked
// after it, and prints /informe/MONTH with headless Chromium, as the page's PDF button does.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reportMonth } from '../lib/features/report/loader.server';
import { createToken, revokeToken } from '../lib/server/auth/tokens';
import { Database } from '../lib/server/db/database';
import { defaultDatabasePath } from '../lib/server/db/db-path';
import { ParamError } from '../lib/server/metrics/params';
import { printPdf } from '../lib/server/pdf/chromium';
import { projectRoot } from '../lib/server/project-root';
import { buildDir, buildIfChanged } from './build-if-changed';
import { runCli, UsageError } from './run';

const USAGE = 'Usage: npm run report -- --month YYYY-MM --out FILE.pdf [--lang es|en] [--db PATH]';
const READY_TIMEOUT_MS = 30_000;

function options() {
	let values;
	try {
		values = parseArgs({ options: { month: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, db: { type: 'string' } } }).values;
	} catch (error) {
		throw new UsageError(`${(error as Error).message}. ${USAGE}`);
	}
	if (!values.month || !values.out) throw new UsageError(`--month and --out are required. ${USAGE}`);
	const lang = values.lang ?? 'es';
	if (lang !== 'es' && lang !== 'en') throw new UsageError(`--lang must be es or en. ${USAGE}`);
	let month: string;
	try {
		month = reportMonth(values.month);
	} catch (e) {
		if (e instanceof ParamError) throw new UsageError(`--month must be YYYY-MM. ${USAGE}`);
		throw e;
	}
	return { month, out: resolve(values.out), lang, db: resolve(values.db ?? defaultDatabasePath()) };
}

function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const probe = createServer();
		probe.once('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('No free port'))));
		});
	});
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
	const deadline = Date.now() + READY_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`The app exited with code ${child.exitCode}:\n${output()}`);
		try {
			await fetch(`${url}/_app/version.json`, { signal: AbortSignal.timeout(2_000) });
			return;
		} catch {
			await new Promise((r) => setTimeout(r, 200));
		}
	}
	throw new Error(`The app did not answer at ${url} within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((done) => {
		const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
		child.once('exit', () => {
			clearTimeout(force);
			done();
		});
		child.kill('SIGTERM');
	});
}

/** Runs `use` with a viewer token that exists only for it. */
async function withToken<T>(path: string, use: (token: string) => Promise<T>): Promise<T> {
	let db = await Database.open(path);
	let made: { token: string; token_id: number };
	try {
		made = await createToken(db, 'informe PDF (npm run report)', 'viewer', null);
	} finally {
		db.close();
	}
	try {
		return await use(made.token);
	} finally {
		db = await Database.open(path);
		try {
			await revokeToken(db, made.token_id);
		} finally {
			db.close();
		}
	}
}

await runCli(async () => {
	const { month, out, lang, db } = options();
	const root = projectRoot();
	await buildIfChanged(root);
	await withToken(db, async (token) => {
		const port = await freePort();
		const url = `http://127.0.0.1:${port}`;
		const child = spawn(process.execPath, [join(buildDir(root), 'index.js')], {
			cwd: root,
			env: { ...process.env, CARTERA_DB: db, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout!.on('data', (chunk) => (output += chunk));
		child.stderr!.on('data', (chunk) => (output += chunk));
		try {
			await waitUntilUp(url, child, () => output);
			const pdf = await printPdf(`${url}/informe/${month}?lang=${lang}`, { authorization: `Bearer ${token}` }, lang);
			writeFileSync(out, pdf);
		} finally {
			await stop(child);
		}
	});
	console.log(`Informe de ${month} guardado en ${out} / Report for ${month} saved to ${out}`);
});
