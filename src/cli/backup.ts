// npm run backup -- DEST [--db PATH]            a consistent copy of the database into DEST (a new
//                                               file, or a folder to put it in), with the file free
// npm run backup -- --server URL DEST           the same through a running server, which owns the
//                                               file (POST /api/backup); CARTERA_TOKEN: an admin's API token
// npm run backup -- restore SRC [--db PATH]     replace the database with the backup SRC (server stopped)
// It speaks Spanish with CARTERA_LANG=es or a Spanish locale, English otherwise (as npm run ingest).
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { Lang } from '../lib/i18n/lang';
import { backupFile, readBackup, restoreDatabase, shown, type BackupSummary } from '../lib/server/db/backup';
import { BackupError } from '../lib/server/db/backup-messages';
import { defaultDatabasePath } from '../lib/server/db/db-path';
import { syncPath } from '../lib/server/db/upgrade';
import { cliLang } from './ingest-options';
import { runCli, UsageError } from './run';

const lang = cliLang();
const n = (x: number) => x.toLocaleString('es');
const mb = (bytes: number) => (bytes / 1_048_576).toLocaleString(lang, { maximumFractionDigits: 1 });

const SAY: Record<Lang, {
	usage: string;
	holds: (s: BackupSummary) => string;
	written: (dest: string, bytes: number, ms: number) => string;
	kept: (file: string) => string;
	restored: (path: string, source: string) => string;
	previous: (file: string) => string;
	noServer: (origin: string) => string;
	refused: (origin: string, status: number) => string;
	failed: (origin: string, status: number) => string;
	dbAndServer: string;
}> = {
	en: {
		usage:
			'Usage: npm run backup -- DEST [--db PATH]   (or --server URL DEST while the server runs, with CARTERA_TOKEN of an admin)\n' +
			'       npm run backup -- restore SRC [--db PATH]   (with the server stopped)',
		holds: (s) => `schema ${s.schema_version}, ${n(s.batches)} loads, ${n(s.clients)} clients, ${n(s.invoice_lines)} invoice lines`,
		written: (dest, bytes, ms) => `Backup written to ${dest} (${mb(bytes)} MB in ${n(ms)} ms)`,
		kept: (file) => `The server keeps a copy too: ${file}, next to its database.`,
		restored: (path, source) => `${path} restored from ${source}`,
		previous: (file) => `The database it replaced is kept as ${file}.`,
		noServer: (origin) => `No Cartera server answers at ${origin}; start it with npm start, or leave out --server.`,
		refused: (origin, status) => `The server at ${origin} refused the backup (${status}): set CARTERA_TOKEN to an API token of an admin.`,
		failed: (origin, status) => `The server at ${origin} could not make the backup (${status}); see its log.`,
		dbAndServer: '--db and --server exclude each other: the server uses its own database.'
	},
	es: {
		usage:
			'Uso: npm run backup -- DESTINO [--db RUTA]   (o --server URL DESTINO con el servidor en marcha, con CARTERA_TOKEN de una cuenta de administración)\n' +
			'     npm run backup -- restore ORIGEN [--db RUTA]   (con el servidor detenido)',
		holds: (s) => `esquema ${s.schema_version}, ${n(s.batches)} cargas, ${n(s.clients)} clientes, ${n(s.invoice_lines)} líneas de factura`,
		written: (dest, bytes, ms) => `Copia de seguridad escrita en ${dest} (${mb(bytes)} MB en ${n(ms)} ms)`,
		kept: (file) => `El servidor también guarda una copia: ${file}, junto a su base de datos.`,
		restored: (path, source) => `${path} restaurada desde ${source}`,
		previous: (file) => `La base de datos que reemplazó se guarda como ${file}.`,
		noServer: (origin) => `Ningún servidor de Cartera responde en ${origin}; inícialo con npm start, o quita --server.`,
		refused: (origin, status) => `El servidor de ${origin} rechazó la copia (${status}): pon en CARTERA_TOKEN un token de API de una cuenta de administración.`,
		failed: (origin, status) => `El servidor de ${origin} no pudo hacer la copia (${status}); mira su registro.`,
		dbAndServer: '--db y --server se excluyen: el servidor usa su propia base de datos.'
	}
};
const say = SAY[lang];

await runCli(async () => {
	const { values, positionals } = parseArgs({
		options: { db: { type: 'string' }, server: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
		allowPositionals: true
	});
	if (values.help) return void console.log(say.usage);
	try {
		if (positionals[0] === 'restore') {
			const [, source, ...extra] = positionals;
			if (!source || extra.length || values.server) throw new UsageError(say.usage);
			const path = values.db ?? defaultDatabasePath();
			const result = await restoreDatabase(source, path);
			console.log(`${say.restored(shown(path), source)}: ${say.holds(result)}.`);
			if (result.previous) console.log(say.previous(shown(result.previous)));
			return;
		}
		const [target, ...extra] = positionals;
		if (!target || extra.length) throw new UsageError(say.usage);
		if (values.server && values.db) throw new UsageError(say.dbAndServer);
		const dest = destination(target);
		if (values.server) return await throughServer(values.server, dest);
		const report = await backupFile(values.db ?? defaultDatabasePath(), dest);
		console.log(`${say.written(shown(dest), report.bytes, report.ms)}: ${say.holds(report)}.`);
	} catch (error) {
		if (error instanceof BackupError) throw new UsageError(error.text(lang));
		throw error;
	}
}, lang);

/** DEST as given, or a dated file inside it when it is a folder. */
function destination(target: string): string {
	const path = resolve(target);
	if (existsSync(path) && statSync(path).isDirectory()) return join(path, `cartera-${new Date().toISOString().replace(/[-:]/g, '')}.duckdb`);
	if (existsSync(path)) throw new BackupError('backup_exists', { file: target });
	return path;
}

async function throughServer(server: string, dest: string): Promise<void> {
	const url = new URL('/api/backup', server);
	const headers: Record<string, string> = { 'accept-language': lang };
	if (process.env.CARTERA_TOKEN) headers.authorization = `Bearer ${process.env.CARTERA_TOKEN}`;
	let response: Response;
	try {
		response = await fetch(url, { method: 'POST', headers });
	} catch {
		throw new UsageError(say.noServer(url.origin));
	}
	if (response.status === 401 || response.status === 403) throw new UsageError(say.refused(url.origin, response.status));
	if (!response.ok || !response.body) {
		const body = (await response.json().catch(() => null)) as { error?: string } | null;
		throw new UsageError(body?.error ?? say.failed(url.origin, response.status));
	}
	const started = performance.now();
	const partial = `${dest}.partial`;
	try {
		mkdirSync(dirname(dest), { recursive: true });
		await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), createWriteStream(partial));
		syncPath(partial);
		// What arrived is checked as a restore would: DuckDB opens it and it holds a Cartera database.
		const summary = await readBackup(partial);
		renameSync(partial, dest);
		console.log(`${say.written(shown(dest), statSync(dest).size, Math.round(performance.now() - started))}: ${say.holds(summary)}.`);
	} finally {
		rmSync(partial, { force: true });
	}
	const kept = response.headers.get('x-cartera-backup');
	if (kept) console.log(say.kept(kept));
}
