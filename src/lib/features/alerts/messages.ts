// Texts of /alertas, Spanish and English (KPI and status names: i18n/alert-messages.ts).
import type { Lang } from '../../i18n/lang';

interface AlertsMessages {
	title: string;
	intro: string;
	empty: string;
	when: string;
	month: string;
	scope: string;
	kpi: string;
	change: string;
	value: string;
	cause: string;
	portfolio: string;
	causes: Record<'load' | 'undo', (batch: number | null) => string>;
	directions: Record<'worse' | 'better', string>;
	subscriptions: string;
	subscriptionsIntro: string;
	noSubscriptions: string;
	webhook: string;
	emails: string;
	emailsHint: string;
	add: string;
	remove: string;
	created: string;
	secretOnce: string;
	signatureNote: string;
	ssrfNote: string;
	errors: Record<string, string>;
	deliveries: string;
	noDeliveries: string;
	channel: string;
	channels: Record<'webhook' | 'email', string>;
	attempt: string;
	outcome: string;
	outcomes: Record<'sent' | 'failed' | 'gave_up', string>;
	detail: string;
	subscription: string;
	alert: string;
}

export const messages: Record<Lang, AlertsMessages> = {
	es: {
		title: 'Alertas',
		intro: 'Tras cada carga o deshacer, cada indicador (de toda la cartera y de cada segmento con umbral propio) y cada meta del mes (de la cartera, de cada ejecutivo de cuenta, línea de producto, región o unidad de negocio) cuyo estado empeoró a observado o rechazado, o mejoró.',
		empty: 'Todavía no hay alertas: aparecen cuando una carga cambia el estado de un indicador o de una meta.',
		when: 'Cuándo',
		month: 'Mes',
		scope: 'Ámbito',
		kpi: 'Indicador',
		change: 'Estado anterior → nuevo',
		value: 'Valor',
		cause: 'Origen',
		portfolio: 'Toda la cartera',
		causes: { load: (b) => (b === null ? 'Carga' : `Carga n.º ${b}`), undo: (b) => (b === null ? 'Carga deshecha' : `Carga n.º ${b} deshecha`) },
		directions: { worse: 'empeoró', better: 'mejoró' },
		subscriptions: 'Suscripciones',
		subscriptionsIntro: 'Cada alerta se envía a estas direcciones después de la carga, en segundo plano: un envío que falla se reintenta y nunca detiene ni hace fallar la carga.',
		noSubscriptions: 'Nadie está suscrito.',
		webhook: 'Dirección del webhook (http o https)',
		emails: 'Correos electrónicos',
		emailsHint: 'Separados por comas.',
		add: 'Suscribir',
		remove: 'Quitar',
		created: 'Suscripción creada.',
		secretOnce: 'Clave para verificar la firma del webhook. Se muestra solo esta vez: cópiela ahora.',
		signatureNote: 'Cada envío al webhook es un POST con el JSON de la alerta y la cabecera X-Cartera-Signature: sha256=… (HMAC-SHA256 del cuerpo con esta clave).',
		ssrfNote: 'El servidor enviará a la dirección indicada, también dentro de la red interna: solo los administradores pueden fijarla.',
		errors: {
			url_invalid: 'La dirección del webhook no es válida.',
			url_scheme: 'La dirección del webhook debe empezar por http:// o https://.',
			email_invalid: 'Algún correo no es válido.',
			empty: 'Indique una dirección de webhook, correos o ambos.'
		},
		deliveries: 'Envíos',
		noDeliveries: 'Todavía no hubo envíos.',
		channel: 'Canal',
		channels: { webhook: 'Webhook', email: 'Correo' },
		attempt: 'Intento',
		outcome: 'Resultado',
		outcomes: { sent: 'Enviado', failed: 'Falló, se reintentará', gave_up: 'Falló, sin más intentos' },
		detail: 'Detalle',
		subscription: 'Suscripción',
		alert: 'Alerta'
	},
	en: {
		title: 'Alerts',
		intro: 'After every load or undo, each KPI (of the whole portfolio and of each segment with a threshold of its own) and each month’s goal (of the portfolio, each account manager, product line, region or business unit) whose status got worse to observed or rejected, or got better.',
		empty: 'No alerts yet: they appear when a load changes the status of a KPI or a goal.',
		when: 'When',
		month: 'Month',
		scope: 'Scope',
		kpi: 'KPI',
		change: 'Old → new status',
		value: 'Value',
		cause: 'Cause',
		portfolio: 'Whole portfolio',
		causes: { load: (b) => (b === null ? 'Load' : `Load no. ${b}`), undo: (b) => (b === null ? 'Load undone' : `Load no. ${b} undone`) },
		directions: { worse: 'got worse', better: 'got better' },
		subscriptions: 'Subscriptions',
		subscriptionsIntro: 'Each alert is sent to these addresses after the load, in the background: a failed delivery is retried and never holds up or fails the load.',
		noSubscriptions: 'Nobody is subscribed.',
		webhook: 'Webhook URL (http or https)',
		emails: 'E-mail addresses',
		emailsHint: 'Separated by commas.',
		add: 'Subscribe',
		remove: 'Remove',
		created: 'Subscription created.',
		secretOnce: 'Key to verify the webhook’s signature. Shown this once only: copy it now.',
		signatureNote: 'Each webhook delivery is a POST of the alert’s JSON with the header X-Cartera-Signature: sha256=… (HMAC-SHA256 of the body with this key).',
		ssrfNote: 'The server will post to the address given, inside the internal network too: only admins may set it.',
		errors: {
			url_invalid: 'The webhook URL is not valid.',
			url_scheme: 'The webhook URL must start with http:// or https://.',
			email_invalid: 'An e-mail address is not valid.',
			empty: 'Give a webhook URL, e-mail addresses or both.'
		},
		deliveries: 'Deliveries',
		noDeliveries: 'No deliveries yet.',
		channel: 'Channel',
		channels: { webhook: 'Webhook', email: 'E-mail' },
		attempt: 'Attempt',
		outcome: 'Outcome',
		outcomes: { sent: 'Sent', failed: 'Failed, will retry', gave_up: 'Failed, no more tries' },
		detail: 'Detail',
		subscription: 'Subscription',
		alert: 'Alert'
	}
};
