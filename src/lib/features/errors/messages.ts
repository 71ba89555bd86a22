// What an error page says (400, 403, 404, 500), in the page's language and in business words:
// never the server's technical message.
import type { Lang } from '$lib/i18n/lang';

export interface ErrorTexts {
	title: Record<'400' | '403' | '404' | '500', string>;
	badPeriod: string;
	badAddress: string;
	forbidden: (role: string | null) => string;
	forbiddenHelp: string;
	notFound: string;
	failed: string;
	code: (status: number) => string;
	home: string;
	signIn: string;
}

export const messages: Record<Lang, ErrorTexts> = {
	es: {
		title: { '400': 'La dirección no es válida', '403': 'No tienes acceso', '404': 'Página no encontrada', '500': 'No se pudo mostrar la página' },
		badPeriod: 'El período de la dirección no existe o está al revés (por ejemplo, un mes 13, o un inicio posterior al final). Elige el período con los filtros.',
		badAddress: 'La dirección pide un filtro, una lista o una opción que no existe. Vuelve a la sección y elige desde sus menús.',
		forbidden: (role) => (role ? `Tu rol (${role}) no permite ver esta página ni hacer esta acción.` : 'No puedes ver esta página ni hacer esta acción.'),
		forbiddenHelp: 'Si la necesitas, pide acceso a la administración.',
		notFound: 'No hay ninguna página en esta dirección. Puede que el enlace esté incompleto o que lo que buscabas ya no exista.',
		failed: 'Algo falló en el servidor al preparar esta página. Vuelve a intentarlo en un momento; si sigue pasando, avisa a la administración.',
		code: (status) => `Código ${status}`,
		home: 'Ir al resumen',
		signIn: 'Iniciar sesión'
	},
	en: {
		title: { '400': 'This address is not valid', '403': 'You do not have access', '404': 'Page not found', '500': 'The page could not be shown' },
		badPeriod: 'The period in the address does not exist or is the wrong way round (for example a month 13, or a start after the end). Choose the period with the filters.',
		badAddress: 'The address asks for a filter, list or option that does not exist. Go back to the section and choose from its menus.',
		forbidden: (role) => (role ? `Your role (${role}) may not see this page or do this.` : 'You may not see this page or do this.'),
		forbiddenHelp: 'If you need it, ask an administrator for access.',
		notFound: 'There is no page at this address. The link may be incomplete, or what you were looking for no longer exists.',
		failed: 'Something failed on the server while preparing this page. Try again in a moment; if it keeps happening, tell an administrator.',
		code: (status) => `Code ${status}`,
		home: 'Go to the overview',
		signIn: 'Sign in'
	}
};
