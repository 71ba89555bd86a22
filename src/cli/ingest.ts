// npm run ingest -- FILE... [--kind K] [--db PATH | --server URL] [--json]
// With --server the files go through a running Cartera server (POST /api/uploads), which owns
// the database file while it runs; the report is the same.
import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { getDatabase } from '../lib/server/db/database';
import { defaultDatabasePath } from '../lib/server/db/db-path';
import { IngestError } from '../lib/server/ingest/errors';
import { ingestFiles, type IngestReport } from '../lib/server/ingest/ingest';
import { KINDS, type Kind } from '../lib/server/ingest/kinds';
import { runCli, UsageError } from './run';

const USAGE = `Usage: npm run ingest -- FILE... [--kind ${KINDS.join('|')}] [--db PATH | --server URL] [--json]`;

await runCli(async () => {
	const { values, positionals } = parseArgs({
		options: {
			kind: { type: 'string' },
			db: { type: 'string' },
			server: { type: 'string' },
			json: { type: 'boolean' },
			help: { type: 'boolean', short: 'h' }
		},
		allowPositionals: true
	});
	if (values.help) return void console.log(USAGE);
	if (positionals.length === 0) throw new UsageError(`No file given.\n${USAGE}`);
	const kind = values.kind as Kind | undefined;
	if (kind && !KINDS.includes(kind)) throw new UsageError(`Unknown kind "${kind}"; expected one of ${KINDS.join(', ')}.`);
	if (values.server && values.db) throw new UsageError('Give either --db or --server, not both.');

	let report: IngestReport;
	if (values.server) {
		report = await ingestThroughServer(values.server, positionals, kind);
	} else {
		const db = await getDatabase(values.db ?? defaultDatabasePath());
		report = await ingestFiles(db, positionals.map((path) => ({ path })), { kind, loadedBy: 'cli' });
		db.close();
	}
	process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
});

async function ingestThroughServer(server: string, paths: string[], kind?: Kind): Promise<IngestReport> {
	const form = new FormData();
	if (kind) form.append('kind', kind);
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
		response = await fetch(url, { method: 'POST', body: form });
	} catch {
		throw new UsageError(`No Cartera server answers at ${url.origin}; start it with npm start, or leave out --server.`);
	}
	const body = (await response.json()) as IngestReport | { error: string };
	if ('error' in body) throw new IngestError(body.error);
	return body;
}

function formatReport(report: IngestReport): string {
	const n = (x: number) => x.toLocaleString('es');
	return (
		report.files
			.map((f) => {
				const lines = [
					`${f.file} → ${f.kind}: ${n(f.rows_read)} rows read, ${n(f.loaded)} loaded (${n(f.inserted)} new, ${n(f.updated)} updated, ${n(f.unchanged)} unchanged), ${n(f.rejected)} rejected`
				];
				for (const r of f.rejections.slice(0, 10)) lines.push(`  line ${r.line ?? '?'}, column "${r.column}": ${r.reason} (found "${r.value ?? ''}")`);
				if (f.rejected > 10) lines.push(`  … ${n(f.rejected - 10)} more rejected rows (--json lists the first ${f.rejections.length})`);
				for (const w of f.warnings) lines.push(`  note: ${w}`);
				return lines.join('\n');
			})
			.join('\n') + '\n'
	);
}
