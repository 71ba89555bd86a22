// What backups and restores say when they refuse, in Spanish and English: a stable code and the
// values it names (BackupError), as the upload messages do.
import type { Lang } from '../../i18n/lang';

interface Params {
	file?: string;
	database?: string;
	pid?: number | null;
}

const EN = {
	backup_exists: (p: Params) => `${p.file} already exists: choose another name (nothing was written).`,
	backup_same_file: (p: Params) => `${p.file} is the database itself: choose another file.`,
	backup_no_database: (p: Params) => `There is no database at ${p.database}.`,
	backup_in_use: (p: Params) =>
		`The database ${p.database} is in use by another process${p.pid ? ` (PID ${p.pid})` : ''}, most likely the running Cartera server: ` +
		'back it up through it with --server (CARTERA_TOKEN=… npm run backup -- --server http://localhost:3000 DEST).',
	restore_in_use: (p: Params) =>
		`The database ${p.database} is in use by another process${p.pid ? ` (PID ${p.pid})` : ''}, most likely the running Cartera server: ` +
		'stop it and run this command again (nothing was restored).',
	restore_missing: (p: Params) => `${p.file} does not exist: nothing was restored.`,
	restore_not_cartera: (p: Params) => `${p.file} is not a Cartera database, or it is damaged: nothing was restored.`
} satisfies Record<string, (p: Params) => string>;

export type BackupCode = keyof typeof EN;

const ES: Record<BackupCode, (p: Params) => string> = {
	backup_exists: (p) => `${p.file} ya existe: elige otro nombre (no se escribió nada).`,
	backup_same_file: (p) => `${p.file} es la propia base de datos: elige otro archivo.`,
	backup_no_database: (p) => `No hay ninguna base de datos en ${p.database}.`,
	backup_in_use: (p) =>
		`La base de datos ${p.database} está en uso por otro proceso${p.pid ? ` (PID ${p.pid})` : ''}, seguramente el servidor de Cartera en marcha: ` +
		'haz la copia a través de él con --server (CARTERA_TOKEN=… npm run backup -- --server http://localhost:3000 DESTINO).',
	restore_in_use: (p) =>
		`La base de datos ${p.database} está en uso por otro proceso${p.pid ? ` (PID ${p.pid})` : ''}, seguramente el servidor de Cartera en marcha: ` +
		'detenlo y vuelve a ejecutar este comando (no se restauró nada).',
	restore_missing: (p) => `${p.file} no existe: no se restauró nada.`,
	restore_not_cartera: (p) => `${p.file} no es una base de datos de Cartera, o está dañada: no se restauró nada.`
};

export class BackupError extends Error {
	constructor(
		readonly code: BackupCode,
		readonly params: Params,
		/** The HTTP status when the API answers it. */
		readonly status = 400
	) {
		super(EN[code](params));
		this.name = 'BackupError';
	}

	text(lang: Lang): string {
		return (lang === 'es' ? ES : EN)[this.code](this.params);
	}

	body(lang: Lang): { error: string; code: BackupCode; params: Params } {
		return { error: this.text(lang), code: this.code, params: this.params };
	}
}
