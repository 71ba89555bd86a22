// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Lang } from '$lib/i18n/lang';

declare global {
	namespace App {
		/** What an error carries to the error page: the parameter a 400 refused, the role a 403 refused. */
		interface Error {
			message: string;
			param?: string;
			role?: string;
		}
		interface Locals {
			/** The interface language of this request, chosen in hooks.server.ts. */
			lang: Lang;
			/** Who is asking (a signed-in user or an API token), set in hooks.server.ts; null when anonymous. */
			user?: { name: string; role: 'viewer' | 'analyst' | 'admin' } | null;
		}
	}
}

export {};
