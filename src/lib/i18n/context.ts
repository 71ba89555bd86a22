// The current language and its texts, shared from the root layout with every component
// (the language only changes through a full page load, see hooks.server.ts).
import { createContext } from 'svelte';
import type { Messages } from './es';
import type { Lang } from './lang';

export interface I18n {
	readonly lang: Lang;
	readonly m: Messages;
}

export const [getI18n, setI18n] = createContext<I18n>();
