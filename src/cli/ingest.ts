// npm run ingest -- FILE... [--kind K] [--db PATH] [--json]
import { parseArgs } from 'node:util';
import { getDatabase } from '../lib/server/db/database';
import { defaultDatabasePath } from '../lib/server/db/db-path';
import { ingestFiles, type IngestReport } from '../lib/server/ingest/ingest';
import { KINDS, type Kind } from '../lib/server/ingest/kinds';
import { runCli, UsageError } from './run';

const USAGE = `Usage: npm run ingest -- FILE... [--kind ${KINDS.join('|')}] [--db PATH] [--json]`;

await runCli(async () => {
	const { values, positionals } = parseArgs({
		options: { kind: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
		allowPositionals: true
	});
	if (values.help) return void console.log(USAGE);
	if (positionals.length === 0) throw new UsageError(`No file given.\n${USAGE}`);
	if (values.kind && !KINDS.includes(values.kind as Kind)) throw new UsageError(`Unknown kind "${values.kind}"; expected one of ${KINDS.join(', ')}.`);

	const db = await getDatabase(values.db ?? defaultDatabasePath());
	const report = await ingestFiles(db, positionals.map((path) => ({ path })), { kind: values.kind as Kind | undefined, loadedBy: 'cli' });
	if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
	else process.stdout.write(formatReport(report));
	db.close();
});

function formatReport(report: IngestReport): string {
	const n = (x: number) => x.toLocaleString('es');
	return report.files
		.map((f) => {
			const lines = [
				`${f.file} → ${f.kind}: ${n(f.rows_read)} rows read, ${n(f.loaded)} loaded (${n(f.inserted)} new, ${n(f.updated)} updated, ${n(f.unchanged)} unchanged), ${n(f.rejected)} rejected`
			];
			for (const r of f.rejections.slice(0, 10)) lines.push(`  line ${r.line ?? '?'}, column "${r.column}": ${r.reason} (found "${r.value ?? ''}")`);
			if (f.rejected > 10) lines.push(`  … ${n(f.rejected - 10)} more rejected rows (--json lists the first ${f.rejections.length})`);
			for (const w of f.warnings) lines.push(`  note: ${w}`);
			return lines.join('\n');
		})
		.join('\n') + '\n';
}
