// npm start [-- --demo]: builds the app when its sources changed, then serves it. A first install
// starts empty (the first-run page offers the demo); --demo or CARTERA_DEMO=1 loads the demo
// exports of data/demo into a database where nothing was ever loaded, and never by itself.
// CARTERA_SOURCE=parquet:DIR serves an export of npm run export read-only instead (docs/parquet.md).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Database } from '../lib/server/db/database';
import { defaultDatabasePath } from '../lib/server/db/db-path';
import { ParquetError } from '../lib/server/db/parquet-messages';
import { readManifest, readOnlyExport } from '../lib/server/db/parquet-source';
import { loadDemo, neverLoaded } from '../lib/server/demo';
import { projectRoot } from '../lib/server/project-root';
import { buildDir, buildIfChanged } from './build-if-changed';
import { runCli, UsageError } from './run';

const ALL_INTERFACES = ['0.0.0.0', '::'];

/** One line per language on where the server listens, and how to keep it to this machine. */
function listeningLines(host: string, port: string): string {
	const shown = host.includes(':') ? `[${host}]` : host;
	if (!ALL_INTERFACES.includes(host)) return `Cartera escucha en http://${shown}:${port}\nCartera listens on http://${shown}:${port}`;
	return (
		`Cartera escucha en http://${shown}:${port} (todas las interfaces; HOST=127.0.0.1 para limitarlo)\n` +
		`Cartera listens on http://${shown}:${port} (all interfaces; HOST=127.0.0.1 to restrict it)`
	);
}

async function loadDemoIfEmpty(path: string): Promise<void> {
	const db = await Database.open(path);
	try {
		if (!(await neverLoaded(db))) {
			console.log('La base ya tiene cargas: no se cargan los datos de ejemplo (npm run demo la reemplaza por ellos).');
			console.log('The database already holds loads: the demo is not loaded (npm run demo replaces it with the demo).');
			return;
		}
		console.log(`Cargando los datos de ejemplo de data/demo en ${path}… / Loading the demo exports of data/demo into ${path}…`);
		await loadDemo(db);
	} finally {
		// Waits for the load's alerts: the server opens the same file next, in this process.
		await db.close();
	}
}

await runCli(async () => {
	let demo: boolean | undefined;
	try {
		demo = parseArgs({ options: { demo: { type: 'boolean' } } }).values.demo;
	} catch (error) {
		throw new UsageError(`${(error as Error).message}. Usage: npm start [-- --demo]`);
	}
	// CARTERA_SOURCE=parquet:DIR: the export is served read-only (no demo is loaded into it); a
	// value not understood, or a folder without an export for this schema, stops here in one line.
	let exported: string | null;
	try {
		exported = readOnlyExport();
		if (exported) readManifest(exported);
	} catch (error) {
		if (error instanceof ParquetError) throw new UsageError(`${error.text('es')}\n${error.text('en')}`);
		throw error;
	}
	const root = projectRoot();
	await buildIfChanged(root);
	const path = defaultDatabasePath();
	process.env.CARTERA_DB = path;
	if (!exported && (demo || process.env.CARTERA_DEMO === '1')) await loadDemoIfEmpty(path);
	const port = (process.env.PORT ??= '3000');
	const host = (process.env.HOST ||= '0.0.0.0');
	// Uploads stream to disk with their own size limit (CARTERA_MAX_UPLOAD_MB); adapter-node's
	// default request body limit (512 kB) would refuse any real export.
	process.env.BODY_SIZE_LIMIT ??= 'Infinity';
	await import(pathToFileURL(join(buildDir(root), 'index.js')).href);
	console.log(listeningLines(host, port));
});
