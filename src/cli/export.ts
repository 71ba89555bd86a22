// npm run export -- --parquet DIR [--db PATH]   the database written as Parquet into DIR (new or
//                                              empty): invoice lines one folder per month, every
//                                              other table one file, and cartera-export.json naming
//                                              them (src/lib/server/db/parquet-export.ts, docs/parquet.md).
// The database must be free: with the server running, back it up through it first (npm run backup
// -- --server) and export the backup. CARTERA_SOURCE=parquet:DIR serves the folder read-only.
// It speaks Spanish with CARTERA_LANG=es or a Spanish locale, English otherwise (as npm run backup).
import { parseArgs } from 'node:util';
import type { Lang } from '../lib/i18n/lang';
import { defaultDatabasePath } from '../lib/server/db/db-path';
import { exportParquetFile, shownPath, type ExportSummary } from '../lib/server/db/parquet-export';
import { ParquetError } from '../lib/server/db/parquet-messages';
import { cliLang } from './ingest-options';
import { runCli, UsageError } from './run';

const lang = cliLang();
const n = (x: number) => x.toLocaleString('es');
const mb = (bytes: number) => (bytes / 1_048_576).toLocaleString('es', { maximumFractionDigits: 1 });

const SAY: Record<Lang, { usage: string; written: (s: ExportSummary) => string; serve: (dir: string) => string }> = {
	en: {
		usage: 'Usage: npm run export -- --parquet DIR [--db PATH]   (DIR new or empty; with the server stopped)',
		written: (s) =>
			`Exported to ${s.dir}: schema ${s.schema_version}, ${n(s.tables)} tables, ${n(s.invoice_lines)} invoice lines in ${n(s.months)} monthly folders (${mb(s.bytes)} MB in ${n(s.ms)} ms).`,
		serve: (dir) => `Serve it read-only with CARTERA_SOURCE=parquet:${dir} npm start`
	},
	es: {
		usage: 'Uso: npm run export -- --parquet CARPETA [--db RUTA]   (CARPETA nueva o vacía; con el servidor detenido)',
		written: (s) =>
			`Exportado en ${s.dir}: esquema ${s.schema_version}, ${n(s.tables)} tablas, ${n(s.invoice_lines)} líneas de factura en ${n(s.months)} carpetas mensuales (${mb(s.bytes)} MB en ${n(s.ms)} ms).`,
		serve: (dir) => `Sírvela en solo lectura con CARTERA_SOURCE=parquet:${dir} npm start`
	}
};
const say = SAY[lang];

await runCli(async () => {
	let parsed;
	try {
		parsed = parseArgs({ options: { parquet: { type: 'string' }, db: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
	} catch (error) {
		throw new UsageError(`${(error as Error).message}\n${say.usage}`);
	}
	const { values, positionals } = parsed;
	if (values.help) return void console.log(say.usage);
	if (!values.parquet || positionals.length) throw new UsageError(say.usage);
	try {
		const summary = await exportParquetFile(values.db ?? defaultDatabasePath(), values.parquet, shownPath);
		console.log(say.written(summary));
		console.log(say.serve(summary.dir));
	} catch (error) {
		if (error instanceof ParquetError) throw new UsageError(error.text(lang));
		throw error;
	}
}, lang);
