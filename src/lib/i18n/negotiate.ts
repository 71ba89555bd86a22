// Picks the interface language: the `lang` cookie (the user's own choice) wins, then the
// browser's Accept-Language preferences, then the installation's default (Ajustes; Spanish).
import { DEFAULT_LANG, isLang, type Lang } from './lang';

/** The best supported language in an Accept-Language header, by q-value then order; null if none. */
export function fromAcceptLanguage(header: string | null | undefined): Lang | null {
	if (!header) return null;
	let best: { lang: Lang; q: number } | null = null;
	for (const part of header.split(',')) {
		const [tag = '', ...params] = part.trim().split(';');
		const primary = tag.trim().toLowerCase().split('-')[0];
		const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const q = qParam ? Number(qParam.slice(2)) : 1;
		if (!isLang(primary) || !(q > 0)) continue;
		if (!best || q > best.q) best = { lang: primary, q };
	}
	return best?.lang ?? null;
}

export function pickLang(cookie: string | undefined, acceptLanguage: string | null | undefined, fallback: Lang = DEFAULT_LANG): Lang {
	if (isLang(cookie)) return cookie;
	return fromAcceptLanguage(acceptLanguage) ?? fallback;
}
