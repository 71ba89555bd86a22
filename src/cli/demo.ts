// npm run demo [-- --db PATH] [--json]: (re)creates the demo database from data/demo.
import { parseArgs } from 'node:util';
import { defaultDatabasePath } from '../lib/server/db/db-path';
import { buildDemoDatabase } from '../lib/server/demo';
import { runCli } from './run';

await runCli(async () => {
	const { values } = parseArgs({ options: { db: { type: 'string' }, json: { type: 'boolean' } } });
	const path = values.db ?? defaultDatabasePath();
	const started = performance.now();
	const report = await buildDemoDatabase(path);
	if (values.json) return void process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
	for (const f of report.files) console.log(`${f.file}: ${f.loaded.toLocaleString('es')} ${f.kind} rows`);
	console.log(`Demo database ready at ${path} (${((performance.now() - started) / 1000).toFixed(1)} s).`);
});
