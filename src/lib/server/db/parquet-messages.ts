// What the Parquet export (npm run export -- --parquet DIR) and a server reading such a folder
// (CARTERA_SOURCE=parquet:DIR) say when they refuse, in Spanish and English: a stable code and the
// values it names (ParquetError), as backups do (backup-messages.ts).
import type { Lang } from '../../i18n/lang';

interface Params {
	dir?: string;
	database?: string;
	pid?: number | null;
	found?: number | null;
	expected?: number;
	value?: string;
}

const EN = {
	export_not_empty: (p: Params) => `The folder ${p.dir} is not empty: export into a new or empty folder (nothing was written).`,
	export_not_folder: (p: Params) => `${p.dir} is a file, not a folder: export into a new or empty folder (nothing was written).`,
	export_no_database: (p: Params) => `There is no database at ${p.database} (nothing was written).`,
	export_in_use: (p: Params) =>
		`The database ${p.database} is in use by another process${p.pid ? ` (PID ${p.pid})` : ''}, most likely the running Cartera server: ` +
		'stop it and run this command again, or export a backup made through it (npm run backup -- --server http://localhost:3000 FILE, then npm run export -- --db FILE --parquet DIR).',
	source_bad: (p: Params) => `CARTERA_SOURCE=${p.value} is not understood: leave it unset to serve the database, or write parquet:DIR.`,
	source_missing: (p: Params) => `${p.dir} holds no Cartera export (no cartera-export.json): write one with npm run export -- --parquet ${p.dir}.`,
	source_schema: (p: Params) =>
		`${p.dir} was exported with schema ${p.found ?? '?'} and this Cartera reads schema ${p.expected}: export the database again with this version (npm run export -- --parquet NEW_DIR).`
} satisfies Record<string, (p: Params) => string>;

export type ParquetCode = keyof typeof EN;

const ES: Record<ParquetCode, (p: Params) => string> = {
	export_not_empty: (p) => `La carpeta ${p.dir} no está vacía: exporta a una carpeta nueva o vacía (no se escribió nada).`,
	export_not_folder: (p) => `${p.dir} es un archivo, no una carpeta: exporta a una carpeta nueva o vacía (no se escribió nada).`,
	export_no_database: (p) => `No hay ninguna base de datos en ${p.database} (no se escribió nada).`,
	export_in_use: (p) =>
		`La base de datos ${p.database} está en uso por otro proceso${p.pid ? ` (PID ${p.pid})` : ''}, seguramente el servidor de Cartera en marcha: ` +
		'detenlo y vuelve a ejecutar este comando, o exporta una copia hecha a través de él (npm run backup -- --server http://localhost:3000 ARCHIVO, y luego npm run export -- --db ARCHIVO --parquet CARPETA).',
	source_bad: (p) => `CARTERA_SOURCE=${p.value} no se entiende: déjala sin poner para servir la base de datos, o escribe parquet:CARPETA.`,
	source_missing: (p) => `${p.dir} no contiene ninguna exportación de Cartera (falta cartera-export.json): créala con npm run export -- --parquet ${p.dir}.`,
	source_schema: (p) =>
		`${p.dir} se exportó con el esquema ${p.found ?? '?'} y este Cartera lee el esquema ${p.expected}: vuelve a exportar la base de datos con esta versión (npm run export -- --parquet CARPETA_NUEVA).`
};

export class ParquetError extends Error {
	constructor(
		readonly code: ParquetCode,
		readonly params: Params
	) {
		super(EN[code](params));
		this.name = 'ParquetError';
	}

	text(lang: Lang): string {
		return (lang === 'es' ? ES : EN)[this.code](this.params);
	}
}
