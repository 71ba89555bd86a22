// npm run report -- --month 2026-10 --out informe-2026-10.pdf [--lang es|en] [--db PATH]
// Prints Informe del mes to an A4 PDF: starts the built app (built first when the sources changed)
// on a free local port against the database, with a viewer token made for this run and revoked
// after it (where no account exists yet, a viewer account removed after it too), and prints
// /informe/MONTH with headless Chromium, as the page's PDF button does.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reportMonth } from '../lib/features/report/loader.server';
import { randomBytes } from 'node:crypto';
import { createToken, revokeToken } from '../lib/server/auth/tokens';
import { createUser, deleteUser, hasUsers } from '../lib/server/auth/users';
import { Database, DatabaseLockedError } from '../lib/server/db/database';
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
	const db = resolve(values.db ?? defaultDatabasePath());
	// Opening a missing file would create an empty database and print an empty report.
	if (!existsSync(db)) throw new UsageError(`No database at ${db}: give its path with --db or CARTERA_DB. ${USAGE}`);
	const out = resolve(values.out);
	if (!existsSync(dirname(out))) throw new UsageError(`No folder ${dirname(out)} to write ${out} in. ${USAGE}`);
	return { month, out, lang, db };
}

/** Opens the database, saying in one line what to do while the server holds it. */
async function openDatabase(path: string, month: string): Promise<Database> {
	try {
		return await Database.open(path);
	} catch (e) {
		if (e instanceof DatabaseLockedError)
			throw new UsageError(
				`The database ${path} is in use by another process${e.pid ? ` (PID ${e.pid})` : ''}, most likely the running Cartera server: stop it and run this command again, or use the PDF button of /informe/${month} on that server.`
			);
		throw e;
	}
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

/**
 * Runs `use` with a viewer token that exists only for it. A database without accounts (the demo,
 * a fresh installation) sends every page to /setup: a viewer account is made for the run too and
 * removed after it, so the installation is left as fresh as it was.
 */
async function withToken<T>(path: string, month: string, use: (token: string) => Promise<T>): Promise<T> {
	let db = await openDatabase(path, month);
	let made: { token: string; token_id: number };
	let tempUser: string | null = null;
	try {
		if (!(await hasUsers(db))) tempUser = (await createUser(db, `informe-pdf-${randomBytes(4).toString('hex')}`, randomBytes(24).toString('base64url'), 'viewer')).name;
		made = await createToken(db, 'informe PDF (npm run report)', 'viewer', null);
	} finally {
		db.close();
	}
	try {
		return await use(made.token);
	} finally {
		db = await openDatabase(path, month);
		try {
			await revokeToken(db, made.token_id);
			if (tempUser !== null) await deleteUser(db, tempUser);
		} finally {
			db.close();
		}
	}
}

await runCli(async () => {
	const { month, out, lang, db } = options();
	const root = projectRoot();
	// The database first: a locked or missing one is said at once, not after a build.
	await withToken(db, month, async (token) => {
		await buildIfChanged(root);
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
