// Delivery settings from the environment (README "Alerts"): the SMTP server, the waits between
// attempts and the webhook timeout (the tests shorten both).
export interface SmtpConfig {
	host: string;
	port: number;
	secure: boolean;
	user?: string;
	password?: string;
	from: string;
}

/** The SMTP server, or null when CARTERA_SMTP_HOST is not set (e-mail attempts then fail, logged). */
export function smtpConfig(env: NodeJS.ProcessEnv = process.env): SmtpConfig | null {
	const host = env.CARTERA_SMTP_HOST?.trim();
	if (!host) return null;
	const secure = /^(1|true|yes)$/i.test(env.CARTERA_SMTP_SECURE ?? '');
	return {
		host,
		port: Number(env.CARTERA_SMTP_PORT) || (secure ? 465 : 587),
		secure,
		user: env.CARTERA_SMTP_USER || undefined,
		password: env.CARTERA_SMTP_PASSWORD || undefined,
		from: env.CARTERA_SMTP_FROM || `cartera@${host}`
	};
}

/** Waits before each retry, in ms (CARTERA_ALERT_RETRY_MS, e.g. "1000,4000,16000": 1 try + 3 retries). */
export function retryDelays(env: NodeJS.ProcessEnv = process.env): number[] {
	const raw = env.CARTERA_ALERT_RETRY_MS;
	if (raw === undefined) return [1000, 4000, 16000];
	return raw.split(',').map((s) => Number(s.trim())).filter((n) => Number.isFinite(n) && n >= 0);
}

/** A webhook call that has not answered in this time has failed (CARTERA_WEBHOOK_TIMEOUT_MS, default 5 s). */
export function webhookTimeout(env: NodeJS.ProcessEnv = process.env): number {
	return Number(env.CARTERA_WEBHOOK_TIMEOUT_MS) || 5000;
}
