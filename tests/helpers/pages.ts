// Every page of the app, for the tests that visit them all (the words a user sees, axe-core):
// one list, so a new page is checked by both. A page's URL may need a value of the data: the
// client and the report's month are given by the test (from its database), or read by `pagesOf`.
import type { Database } from '../../src/lib/server/db/database';

export interface PageUrl {
	/** The page's name in test output. */
	name: string;
	path: string;
}

export function everyPage(data: { client: string; month: string }): PageUrl[] {
	return [
		{ name: 'Resumen', path: '/' },
		{ name: 'Segmentos', path: '/segmentos' },
		{ name: 'Concentración', path: '/concentracion' },
		{ name: 'Activación', path: '/activacion' },
		{ name: 'Pronóstico', path: '/pronostico' },
		{ name: 'Embudo', path: '/embudo' },
		{ name: 'Ranking', path: '/ranking' },
		{ name: 'Clientes', path: '/clientes' },
		{ name: 'Cliente', path: `/clientes/${encodeURIComponent(data.client)}` },
		{ name: 'Lista', path: '/lista/abc_tier?key=A' },
		{ name: 'Informe del mes', path: `/informe/${data.month}` },
		{ name: 'Alertas', path: '/alertas' },
		{ name: 'Cargar datos', path: '/cargar' },
		{ name: 'Historial de cargas', path: '/cargar/historial' },
		{ name: 'Ajustes', path: '/ajustes' },
		{ name: 'Usuarios', path: '/usuarios' },
		{ name: 'Página no encontrada', path: '/no-existe' }
	];
}

/** Every page, with the database's first client and the month before its last invoice. */
export async function pagesOf(db: Database): Promise<PageUrl[]> {
	const [data] = await db.all<{ client: string; month: string }>(
		"SELECT (SELECT min(client_id) FROM clients) AS client, (SELECT strftime(max(invoice_date) - INTERVAL 1 MONTH, '%Y-%m') FROM invoice_lines) AS month"
	);
	return everyPage(data!);
}

/** Pages seen without signing in. */
export const SIGNED_OUT_PAGES: PageUrl[] = [{ name: 'Iniciar sesión', path: '/login' }];
