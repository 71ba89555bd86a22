// What a dashboard served from a Parquet export (CARTERA_SOURCE=parquet:DIR, read-only) says:
// the note every page shows, and the refusal of a write (HTTP 409: the server's state, not the
// caller's role, refuses it; a role that may not write still gets its 403 first).
import type { Lang } from './lang';

export const READ_ONLY_CODE = 'read_only_source';

const TEXT: Record<Lang, { note: string; refused: string }> = {
	es: {
		note: 'Solo lectura: este panel se sirve desde una exportación en Parquet. Las cargas, los ajustes, las cuentas, los comentarios y los informes publicados se cambian en la base de datos de la que salió.',
		refused:
			'Este panel se sirve en solo lectura desde una exportación en Parquet: aquí no se cargan ni se deshacen datos, ni se cambian ajustes, cuentas, comentarios o informes. Hazlo en la base de datos de la que salió y vuelve a exportarla.'
	},
	en: {
		note: 'Read-only: this dashboard is served from a Parquet export. Loads, settings, accounts, comments and published reports are changed in the database it came from.',
		refused:
			'This dashboard is served read-only from a Parquet export: nothing is loaded or undone here, and no settings, accounts, comments or reports change. Do it in the database it came from and export it again.'
	}
};

export function readOnlyNote(lang: Lang): string {
	return TEXT[lang].note;
}

export function readOnlyRefusal(lang: Lang): string {
	return TEXT[lang].refused;
}
