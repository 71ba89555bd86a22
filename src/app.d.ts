// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Lang } from '$lib/i18n/lang';

declare global {
	namespace App {
		interface Locals {
			/** The interface language of this request, chosen in hooks.server.ts. */
			lang: Lang;
			/** Who is asking (a signed-in user or an API token), set in hooks.server.ts; null when anonymous. */
			user?: { name: string; role: 'viewer' | 'analyst' | 'admin' } | null;
		}
	}
}

export {};
