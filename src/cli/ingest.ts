// npm run ingest -- FILE... [--kind K] [--encoding E] [--delimiter D] [--quote Q] [--header-line N]
//                          [--sheet NAME|N] [--decimal ,|.] [--date-order dmy|mdy|ymd]
//                          [--map mapping.json] [--rejects rejects.csv] [--db PATH | --server URL] [--json]
// With --server the files go through a running Cartera server (POST /api/uploads), which owns
// the database file while it runs; the report is the same. The server asks who is calling:
// CARTERA_TOKEN holds an API token of an analyst or admin.
// It speaks Spanish when CARTERA_LANG=es, or else the locale (LC_ALL, LANG…) is Spanish; English
// otherwise: messages, rejection reasons and warnings, in the summary and in the --json report.
import { openAsBlob, readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { Lang } from '../lib/i18n/lang';
import { DatabaseLockedError, getDatabase } from '../lib/server/db/database';
import { defaultDatabasePath } from '../lib/server/db/db-path';
import { IngestError } from '../lib/server/ingest/errors';
import { ingestFiles, type IngestReport } from '../lib/server/ingest/ingest';
import { alertsSettled } from '../lib/server/alerts/record';
import { reasonWords, sayReport } from '../lib/i18n/ingest-report';
import { KIND_SPECS, type Kind } from '../lib/server/ingest/kinds';
import { ingestUsage } from '../lib/i18n/ingest-messages';
import { fieldName } from '../lib/i18n/field-names';
import { cliLang, ingestOptions } from './ingest-options';
import { runCli, UsageError } from './run';

const lang = cliLang();

const n = (x: number) => x.toLocaleString('es');
/** Spanish singular or plural by count. */
const pl = (count: number, one: string, many: string) => (count === 1 ? one : many);
const kindName = (kind: string) => (lang === 'es' ? (KIND_SPECS[kind as Kind]?.label ?? kind) : kind);

/** The summary's own lines (the reasons and warnings come said in the CLI's language). */
const SUMMARY: Record<Lang, {
	file: (f: IngestReport['files'][number]) => string;
	also: (kind: string, c: { loaded: number; inserted: number; updated: number }) => string;
	mapping: (source: 'given' | 'remembered') => string;
	recognised: (r: NonNullable<IngestReport['files'][number]['recognition']>) => string;
	rejection: (line: number | null, column: string, reason: string, value: string | null, identity: string) => string;
	more: (rows: number, listed: number) => string;
	note: (text: string) => string;
	written: (path: string) => string;
}> = {
	en: {
		file: (f) =>
			`${f.file} → ${f.kind}: ${n(f.rows_read)} ${pl(f.rows_read, 'row', 'rows')} read, ${n(f.loaded)} loaded (${n(f.inserted)} new, ${n(f.updated)} updated, ${n(f.unchanged)} unchanged), ${n(f.rejected)} rejected`,
		also: (kind, c) => `  also ${kind}: ${n(c.loaded)} (${n(c.inserted)} new, ${n(c.updated)} updated)`,
		mapping: (source) => `  mapping: ${source === 'given' ? 'as given (remembered for these headers)' : 'remembered for these headers'}`,
		recognised: (r) => `  recognised with ${Math.round(r.confidence * 100)} % confidence: ${r.evidence}`,
		rejection: (line, column, reason, value, identity) => `  line ${line ?? '?'}, column "${column}": ${reason} (found "${value ?? ''}")${identity ? ` · ${identity}` : ''}`,
		more: (rows, listed) => `  … ${n(rows)} more rejected ${pl(rows, 'row', 'rows')} (--json lists the first ${listed} cells; --rejects FILE writes them all)`,
		note: (text) => `  note: ${text}`,
		written: (path) => `Rejected rows written to ${path}.`
	},
	es: {
		file: (f) =>
			`${f.file} → ${kindName(f.kind)}: ${n(f.rows_read)} ${pl(f.rows_read, 'fila leída', 'filas leídas')}, ${n(f.loaded)} ${pl(f.loaded, 'cargada', 'cargadas')} ` +
			`(${n(f.inserted)} ${pl(f.inserted, 'nueva', 'nuevas')}, ${n(f.updated)} ${pl(f.updated, 'actualizada', 'actualizadas')}, ${n(f.unchanged)} sin cambios), ` +
			`${n(f.rejected)} ${pl(f.rejected, 'rechazada', 'rechazadas')}`,
		also: (kind, c) =>
			`  también ${kindName(kind)}: ${n(c.loaded)} (${n(c.inserted)} ${pl(c.inserted, 'nuevo', 'nuevos')}, ${n(c.updated)} ${pl(c.updated, 'actualizado', 'actualizados')})`,
		mapping: (source) =>
			`  asignación de columnas: ${source === 'given' ? 'la indicada (se recordará para estos encabezados)' : 'la recordada para estos encabezados'}`,
		recognised: (r) => `  reconocido con una confianza del ${Math.round(r.confidence * 100)} %: ${r.evidence}`,
		rejection: (line, column, reason, value, identity) =>
			`  línea ${line ?? '?'}, columna "${column}": ${reason} (se encontró "${value ?? ''}")${identity ? ` · ${identity}` : ''}`,
		more: (rows, listed) =>
			`  … ${n(rows)} ${pl(rows, 'fila rechazada', 'filas rechazadas')} más (--json lista las primeras ${listed} celdas; --rejects ARCHIVO las escribe todas)`,
		note: (text) => `  aviso: ${text}`,
		written: (path) => `Filas rechazadas escritas en ${path}.`
	}
};

await runCli(async () => {
	const { values, positionals } = parseArgs({
		options: {
			kind: { type: 'string' },
			encoding: { type: 'string' },
			delimiter: { type: 'string' },
			'header-line': { type: 'string' },
			quote: { type: 'string' },
			sheet: { type: 'string' },
			decimal: { type: 'string' },
			'date-order': { type: 'string' },
			map: { type: 'string' },
			rejects: { type: 'string' },
			db: { type: 'string' },
			server: { type: 'string' },
			json: { type: 'boolean' },
			help: { type: 'boolean', short: 'h' }
		},
		allowPositionals: true
	});
	if (values.help) return void console.log(ingestUsage(lang));
	if (positionals.length === 0) throw new IngestError('cli_no_file', {});
	if (values.server && values.db) throw new IngestError('cli_db_and_server', {});
	if (values.server && values.rejects) throw new IngestError('cli_rejects_server', {});
	const raw = {
		kind: values.kind,
		encoding: values.encoding,
		delimiter: values.delimiter,
		headerLine: values['header-line'],
		quote: values.quote,
		sheet: values.sheet,
		decimal: values.decimal,
		dateOrder: values['date-order'],
		mapFile: values.map
	};
	const options = ingestOptions(raw);

	let report: IngestReport;
	let local: Awaited<ReturnType<typeof openDatabase>> | undefined;
	if (values.server) {
		report = await ingestThroughServer(values.server, positionals, { ...raw, map: values.map ? readFileSync(values.map, 'utf8') : undefined });
	} else {
		const db = await openDatabase(values.db ?? defaultDatabasePath());
		const flow = { ...options, loadedBy: 'cli', rejectsPath: values.rejects, words: reasonWords(lang) };
		report = sayReport(await ingestFiles(db, positionals.map((path) => ({ path })), flow), lang);
		local = db;
	}
	process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, values.rejects));
	// The load's alerts are delivered after its report (deliver.ts): the process stays until they
	// end, retries included (closing alone would keep a retry stored for the server's next start).
	if (local) {
		await alertsSettled();
		await local.close();
	}
}, lang);

/** The database, or why it cannot be opened now (the running server holds it), said in the CLI's language. */
async function openDatabase(path: string) {
	try {
		return await getDatabase(path);
	} catch (error) {
		if (!(error instanceof DatabaseLockedError)) throw error;
		const rel = relative(process.cwd(), error.path);
		throw new IngestError('db_locked', { database: rel && !rel.startsWith('..') ? rel : error.path, pid: error.pid });
	}
}

async function ingestThroughServer(server: string, paths: string[], fields: Record<string, string | undefined>): Promise<IngestReport> {
	const form = new FormData();
	const sent = {
		kind: fields.kind,
		encoding: fields.encoding,
		delimiter: fields.delimiter,
		header_line: fields.headerLine,
		quote: fields.quote,
		sheet: fields.sheet,
		decimal: fields.decimal,
		date_order: fields.dateOrder,
		map: fields.map
	};
	for (const [name, value] of Object.entries(sent))
		if (value !== undefined) form.append(name, value);
	for (const path of paths) {
		let blob: Blob;
		try {
			blob = await openAsBlob(path);
		} catch {
			throw new IngestError('file_unreadable', { file: path });
		}
		form.append('file', blob, basename(path));
	}
	const url = new URL('/api/uploads', server);
	let response: Response;
	try {
		// The server asks who sends the files: an API token of an analyst or admin (npm run user, /usuarios).
		// It answers in the language asked for: the CLI's.
		const token = process.env.CARTERA_TOKEN;
		const headers: Record<string, string> = { 'accept-language': lang };
		if (token) headers.authorization = `Bearer ${token}`;
		response = await fetch(url, { method: 'POST', body: form, headers });
	} catch {
		throw new IngestError('cli_no_server', { origin: url.origin });
	}
	if (response.status === 401 || response.status === 403) throw new IngestError('cli_server_refused', { origin: url.origin, status: response.status });
	const body = (await response.json()) as IngestReport | { error: string; code?: string };
	if ('error' in body) throw new UsageError(body.error); // said by the server, in the CLI's language
	return body;
}

/** What identifies a rejected row, with the fields' business names: `Nº de factura F-3, Cliente C2, Fecha de factura 07/01/2025`. */
function identityText(kind: string, values: Record<string, string | null> | undefined): string {
	return Object.entries(values ?? {})
		.filter(([, v]) => v !== null)
		.map(([column, v]) => `${fieldName(kind, column, lang)} ${v}`)
		.join(', ');
}

function formatReport(report: IngestReport, rejectsPath?: string): string {
	const say = SUMMARY[lang];
	const lines: string[] = [];
	for (const f of report.files) {
		lines.push(say.file(f));
		for (const [kind, c] of Object.entries(f.also)) lines.push(say.also(kind, c));
		if (f.mapping_source !== 'detected') lines.push(say.mapping(f.mapping_source));
		if (f.recognition) lines.push(say.recognised(f.recognition));
		// The cells of the first 10 rejected rows, each with what identifies its row; "more" counts rows too.
		const identities = new Map((f.rejected_rows ?? []).map((r) => [r.line, r.values]));
		const shown = new Set<number | null>();
		for (const r of f.rejections) {
			if (!shown.has(r.line) && shown.size >= 10) break;
			shown.add(r.line);
			lines.push(say.rejection(r.line, r.column, r.reason, r.value, identityText(f.kind, identities.get(r.line))));
		}
		if (f.rejected > shown.size) lines.push(say.more(f.rejected - shown.size, f.rejections.length));
		for (const w of f.warnings) lines.push(say.note(w));
	}
	if (rejectsPath) lines.push(say.written(rejectsPath));
	return lines.join('\n') + '\n';
}
