// npm run ingest -- FILE... [--kind K] [--encoding E] [--delimiter D] [--quote Q] [--header-line N]
//                          [--decimal ,|.] [--date-order dmy|mdy|ymd]
//                          [--map mapping.json] [--rejects rejects.csv] [--db PATH | --server URL] [--json]
// With --server the files go through a running Cartera server (POST /api/uploads), which owns
// the database file while it runs; the report is the same. The server asks who is calling:
// CARTERA_TOKEN holds an API token of an analyst or admin.
import { openAsBlob, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { getDatabase } from '../lib/server/db/database';
import { defaultDatabasePath } from '../lib/server/db/db-path';
import { IngestError } from '../lib/server/ingest/errors';
import { ingestFiles, type IngestReport } from '../lib/server/ingest/ingest';
import { KINDS } from '../lib/server/ingest/kinds';
import { ingestOptions } from './ingest-options';
import { runCli, UsageError } from './run';

const USAGE = `Usage: npm run ingest -- FILE... [--kind ${KINDS.join('|')}] [--encoding E] [--delimiter D] [--quote Q]
                         [--header-line N] [--decimal ,|.] [--date-order dmy|mdy|ymd]
                         [--map mapping.json] [--rejects rejects.csv] [--db PATH | --server URL] [--json]`;

await runCli(async () => {
	const { values, positionals } = parseArgs({
		options: {
			kind: { type: 'string' },
			encoding: { type: 'string' },
			delimiter: { type: 'string' },
			'header-line': { type: 'string' },
			quote: { type: 'string' },
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
	if (values.help) return void console.log(USAGE);
	if (positionals.length === 0) throw new UsageError(`No file given.\n${USAGE}`);
	if (values.server && values.db) throw new UsageError('Give either --db or --server, not both.');
	if (values.server && values.rejects) throw new UsageError('--rejects writes a local file: use it with --db, not --server.');
	const raw = {
		kind: values.kind,
		encoding: values.encoding,
		delimiter: values.delimiter,
		headerLine: values['header-line'],
		quote: values.quote,
		decimal: values.decimal,
		dateOrder: values['date-order'],
		mapFile: values.map
	};
	const options = ingestOptions(raw);

	let report: IngestReport;
	if (values.server) {
		report = await ingestThroughServer(values.server, positionals, { ...raw, map: values.map ? readFileSync(values.map, 'utf8') : undefined });
	} else {
		const db = await getDatabase(values.db ?? defaultDatabasePath());
		report = await ingestFiles(db, positionals.map((path) => ({ path })), { ...options, loadedBy: 'cli', rejectsPath: values.rejects });
		db.close();
	}
	process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, values.rejects));
});

async function ingestThroughServer(server: string, paths: string[], fields: Record<string, string | undefined>): Promise<IngestReport> {
	const form = new FormData();
	const sent = {
		kind: fields.kind,
		encoding: fields.encoding,
		delimiter: fields.delimiter,
		header_line: fields.headerLine,
		quote: fields.quote,
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
			throw new IngestError('file not found or not readable.', path);
		}
		form.append('file', blob, basename(path));
	}
	const url = new URL('/api/uploads', server);
	let response: Response;
	try {
		// The server asks who sends the files: an API token of an analyst or admin (npm run user, /usuarios).
		const token = process.env.CARTERA_TOKEN;
		response = await fetch(url, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
	} catch {
		throw new UsageError(`No Cartera server answers at ${url.origin}; start it with npm start, or leave out --server.`);
	}
	if (response.status === 401 || response.status === 403)
		throw new UsageError(`The server at ${url.origin} refused the upload (${response.status}): set CARTERA_TOKEN to an API token of an analyst or admin.`);
	const body = (await response.json()) as IngestReport | { error: string };
	if ('error' in body) throw new IngestError(body.error);
	return body;
}

function formatReport(report: IngestReport, rejectsPath?: string): string {
	const n = (x: number) => x.toLocaleString('es');
	const lines: string[] = [];
	for (const f of report.files) {
		lines.push(
			`${f.file} → ${f.kind}: ${n(f.rows_read)} rows read, ${n(f.loaded)} loaded (${n(f.inserted)} new, ${n(f.updated)} updated, ${n(f.unchanged)} unchanged), ${n(f.rejected)} rejected`
		);
		for (const [kind, c] of Object.entries(f.also)) lines.push(`  also ${kind}: ${n(c.loaded)} (${n(c.inserted)} new, ${n(c.updated)} updated)`);
		if (f.mapping_source !== 'detected') lines.push(`  mapping: ${f.mapping_source === 'given' ? 'as given (remembered for these headers)' : 'remembered for these headers'}`);
		for (const r of f.rejections.slice(0, 10)) lines.push(`  line ${r.line ?? '?'}, column "${r.column}": ${r.reason} (found "${r.value ?? ''}")`);
		if (f.rejected > 10) lines.push(`  … ${n(f.rejected - 10)} more rejected rows (--json lists the first ${f.rejections.length}; --rejects FILE writes them all)`);
		for (const w of f.warnings) lines.push(`  note: ${w}`);
	}
	if (rejectsPath) lines.push(`Rejected rows written to ${rejectsPath}.`);
	return lines.join('\n') + '\n';
}
