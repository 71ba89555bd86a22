// Every page a signed-in user can open, on the demo database: the tests that must cover the whole
// app (phone layout, accessibility, words shown to users) walk this one list.
export interface AppPage {
	/** A short name for screenshots and failure messages. */
	name: string;
	path: string;
}

export const DEMO_PAGES: AppPage[] = [
	{ name: 'resumen', path: '/' },
	{ name: 'segmentos', path: '/segmentos' },
	{ name: 'concentracion', path: '/concentracion' },
	{ name: 'activacion', path: '/activacion' },
	{ name: 'pronostico', path: '/pronostico' },
	{ name: 'embudo', path: '/embudo' },
	{ name: 'ranking', path: '/ranking' },
	{ name: 'clientes', path: '/clientes' },
	{ name: 'cliente', path: '/clientes/CL-00065' },
	{ name: 'lista', path: '/lista/segment?key=Mobiliario&dim=product_line' },
	{ name: 'informe', path: '/informe/2026-10' },
	{ name: 'alertas', path: '/alertas' },
	{ name: 'cargar', path: '/cargar' },
	{ name: 'ajustes', path: '/ajustes' },
	{ name: 'usuarios', path: '/usuarios' }
];

/** With a `?`: the path with `lang` added to its query. */
export function withLang(path: string, lang: string): string {
	return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}
