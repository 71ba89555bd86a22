// Entry point of the i18n module: the dictionaries by language.
import { en } from './en';
import { es, type Messages } from './es';
import type { Lang } from './lang';

export { DEFAULT_LANG, LANGS, isLang, type Lang } from './lang';
export type { Messages } from './es';

const dictionaries: Record<Lang, Messages> = { es, en };

export function messages(lang: Lang): Messages {
	return dictionaries[lang];
}
