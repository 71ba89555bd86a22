// Texts of Ajustes' alert subscriptions and delivery log (admins), Spanish and English.
import type { Lang } from '../../i18n/lang';

interface SubscriptionMessages {
	subscriptions: string;
	subscriptionsIntro: string;
	alertsLink: string;
	noSubscriptions: string;
	webhook: string;
	emails: string;
	emailsHint: string;
	add: string;
	removeShort: string;
	remove: (id: number) => string;
	created: string;
	removed: string;
	secretOnce: string;
	signatureNote: string;
	ssrfNote: string;
	errors: Record<string, string>;
	deliveries: string;
	deliveriesIntro: string;
	noDeliveries: string;
	when: string;
	channel: string;
	channels: Record<'webhook' | 'email', string>;
	attempt: string;
	outcome: string;
	outcomes: Record<'sent' | 'failed' | 'gave_up', string>;
	detail: string;
	subscription: string;
	alert: string;
}

export const subscriptionMessages: Record<Lang, SubscriptionMessages> = {
	es: {
		subscriptions: 'Suscripciones a las alertas',
		subscriptionsIntro: 'Cada alerta se envía a estas direcciones después de la carga, en segundo plano: un envío que falla se reintenta (también tras reiniciar el servidor) y nunca detiene ni hace fallar la carga.',
		alertsLink: 'Ver las alertas',
		noSubscriptions: 'Nadie está suscrito.',
		webhook: 'Dirección del webhook (http o https)',
		emails: 'Correos electrónicos',
		emailsHint: 'Separados por comas.',
		add: 'Suscribir',
		removeShort: 'Quitar',
		remove: (id) => `Quitar la suscripción n.º ${id}`,
		created: 'Suscripción creada.',
		removed: 'Suscripción quitada.',
		secretOnce: 'Clave para verificar la firma del webhook. Se muestra solo esta vez: cópiela ahora.',
		signatureNote: 'Cada envío al webhook es un POST con el JSON de la alerta y la cabecera X-Cartera-Signature: sha256=… (HMAC-SHA256 del cuerpo con esta clave).',
		ssrfNote: 'El servidor enviará a la dirección indicada, también dentro de la red interna: solo los administradores pueden fijarla.',
		errors: {
			url_invalid: 'La dirección del webhook no es válida.',
			url_scheme: 'La dirección del webhook debe empezar por http:// o https://.',
			email_invalid: 'Algún correo no es válido.',
			empty: 'Indique una dirección de webhook, correos o ambos.'
		},
		deliveries: 'Envíos de alertas',
		deliveriesIntro: 'Cada intento de envío, el más reciente primero.',
		noDeliveries: 'Todavía no hubo envíos.',
		when: 'Cuándo',
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
		subscriptions: 'Alert subscriptions',
		subscriptionsIntro: 'Each alert is sent to these addresses after the load, in the background: a failed delivery is retried (also after the server restarts) and never holds up or fails the load.',
		alertsLink: 'See the alerts',
		noSubscriptions: 'Nobody is subscribed.',
		webhook: 'Webhook URL (http or https)',
		emails: 'E-mail addresses',
		emailsHint: 'Separated by commas.',
		add: 'Subscribe',
		removeShort: 'Remove',
		remove: (id) => `Remove subscription no. ${id}`,
		created: 'Subscription created.',
		removed: 'Subscription removed.',
		secretOnce: 'Key to verify the webhook’s signature. Shown this once only: copy it now.',
		signatureNote: 'Each webhook delivery is a POST of the alert’s JSON with the header X-Cartera-Signature: sha256=… (HMAC-SHA256 of the body with this key).',
		ssrfNote: 'The server will post to the address given, inside the internal network too: only admins may set it.',
		errors: {
			url_invalid: 'The webhook URL is not valid.',
			url_scheme: 'The webhook URL must start with http:// or https://.',
			email_invalid: 'An e-mail address is not valid.',
			empty: 'Give a webhook URL, e-mail addresses or both.'
		},
		deliveries: 'Alert deliveries',
		deliveriesIntro: 'Every delivery attempt, the latest first.',
		noDeliveries: 'No deliveries yet.',
		when: 'When',
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
