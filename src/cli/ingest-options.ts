// The language the CLI speaks; the options it reads are checked by the ingest core
// (src/lib/server/ingest/options.ts), re-exported here for the CLI.
import type { Lang } from '../lib/i18n/lang';

export { ingestOptions, type RawIngestOptions } from '../lib/server/ingest/options';

/**
 * The CLI's language: CARTERA_LANG (es, en), else the locale (LC_ALL, LC_MESSAGES, LANG, the first
 * set): Spanish when it starts with "es" (es_BO.UTF-8), English otherwise (C, POSIX, en_US…).
 */
export function cliLang(env: NodeJS.ProcessEnv = process.env): Lang {
	const chosen = env.CARTERA_LANG?.trim().toLowerCase();
	if (chosen) return chosen.startsWith('es') ? 'es' : 'en';
	const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
	return locale.toLowerCase().startsWith('es') ? 'es' : 'en';
}
