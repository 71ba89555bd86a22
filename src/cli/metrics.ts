// npm run metrics -- NAME [--from YYYY-MM] [--to YYYY-MM] [--as-of YYYY-MM-DD] [--dim D] [--by product]
//                         [--compare year] [--filter dim=value ...] [--db PATH | --parquet DIR] [--json]
// npm run metrics -- list NAME --key K [--month YYYY-MM] [same options] [--json | --csv]: the rows behind one number.
// --parquet DIR: from an export of npm run export -- --parquet DIR instead of the database (read-only).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dimension, dimensionOfCli } from '../lib/dimensions';
import { getDatabase, openExport, type Database } from '../lib/server/db/database';
import { ParquetError } from '../lib/server/db/parquet-messages';
import { defaultDatabasePath } from '../lib/server/db/db-path';
import { computeList, listCsv } from '../lib/server/lists/list';
import { LIST_NAMES } from '../lib/server/lists/registry';
import { computeMetric, METRIC_NAMES } from '../lib/server/metrics/index';
import { ParamError } from '../lib/server/metrics/params';
import { printDocument } from './print-document';
import { printList } from './print-list';
import { runCli, UsageError } from './run';

const USAGE = `Usage: npm run metrics -- ${METRIC_NAMES.join('|')} [--from YYYY-MM] [--to YYYY-MM] [--as-of YYYY-MM-DD]
                          [--dim D] [--by product] [--compare year] [--filter dim=value ...] [--db PATH | --parquet DIR] [--json]
       npm run metrics -- list ${LIST_NAMES.join('|')} --key K [--month YYYY-MM] [the same options] [--json | --csv]`;

await runCli(async () => {
	const { values, positionals } = parseArgs({
		options: {
			from: { type: 'string' },
			to: { type: 'string' },
			'as-of': { type: 'string' },
			dim: { type: 'string' },
			by: { type: 'string' },
			compare: { type: 'string' },
			key: { type: 'string' },
			month: { type: 'string' },
			csv: { type: 'boolean' },
			filter: { type: 'string', multiple: true },
			db: { type: 'string' },
			parquet: { type: 'string' },
			json: { type: 'boolean' },
			help: { type: 'boolean', short: 'h' }
		},
		allowPositionals: true
	});
	if (values.help) return void console.log(USAGE);
	// `list NAME`: the rows behind one number of a figure (src/lib/server/lists/).
	const isList = positionals[0] === 'list';
	const [name, ...extra] = isList ? positionals.slice(1) : positionals;
	if (!name || extra.length) throw new UsageError(`Give one ${isList ? 'list' : 'metric'} name.\n${USAGE}`);
	const raw: Record<string, string | undefined> = { from: values.from, to: values.to, as_of: values['as-of'], dim: values.dim, by: values.by, compare: values.compare };
	for (const f of values.filter ?? []) {
		const eq = f.indexOf('=');
		if (eq <= 0) throw new UsageError(`--filter takes dimension=value (got "${f}").`);
		// The registry's CLI name becomes its query-string name; an unknown one is refused by resolveParams.
		const cli = f.slice(0, eq);
		const dim = dimensionOfCli(cli);
		raw[dim ? dimension(dim).param : cli] = f.slice(eq + 1);
	}
	if (values.db && values.parquet) throw new UsageError('--db and --parquet exclude each other: give the database or an export of it.');
	let db: Database;
	try {
		db = values.parquet ? await openExport(resolve(values.parquet)) : await getDatabase(values.db ?? defaultDatabasePath());
	} catch (error) {
		if (error instanceof ParquetError) throw new UsageError(error.text('en'));
		throw error;
	}
	try {
		if (isList) {
			const list = await computeList(db, name, { ...raw, key: values.key, month: values.month });
			process.stdout.write(values.json ? `${JSON.stringify(list, null, 2)}\n` : values.csv ? listCsv(list) : printList(list));
			return;
		}
		const doc = await computeMetric(db, name, raw);
		process.stdout.write(values.json ? `${JSON.stringify(doc, null, 2)}\n` : printDocument(name, doc));
	} catch (error) {
		if (error instanceof ParamError) throw new UsageError(`${error.param}: ${error.message}`);
		throw error;
	} finally {
		db.close();
	}
});
