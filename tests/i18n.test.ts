// The dictionaries stay in step, and the language is negotiated as documented in hooks.server.ts.
import { describe, expect, it } from 'vitest';
import { LANGS, isLang, messages } from '../src/lib/i18n';
import { fromAcceptLanguage, pickLang } from '../src/lib/i18n/negotiate';

/** Every leaf of a dictionary as "path: kind", functions called with sample arguments. */
function leaves(value: unknown, path = ''): Map<string, string> {
	const out = new Map<string, string>();
	if (typeof value === 'string') out.set(path, value);
	else if (typeof value === 'function') out.set(path, String((value as (...a: unknown[]) => unknown)('X', 'Y', 'Z')));
	else for (const [key, child] of Object.entries(value as object)) for (const [p, v] of leaves(child, `${path}.${key}`)) out.set(p, v);
	return out;
}

describe('dictionaries', () => {
	const es = leaves(messages('es'));
	const en = leaves(messages('en'));

	it('have the same keys and no empty text', () => {
		expect([...en.keys()].sort()).toEqual([...es.keys()].sort());
		for (const [key, text] of [...es, ...en]) expect(text.trim(), key).not.toBe('');
	});

	it('use their arguments', () => {
		for (const lang of LANGS) {
			expect(messages(lang).kpi.activeHint(365)).toContain('365');
			expect(messages(lang).chart.ariaLabel('A', 'B', 'Bs.')).toMatch(/A.*B/);
		}
		expect(messages('es').kpi.activeHint(365)).toBe('Compraron en los últimos 365 días');
		expect(messages('en').kpi.activeHint(365)).toBe('Bought in the last 365 days');
	});
});

describe('language choice', () => {
	it('knows only es and en', () => {
		expect(isLang('es')).toBe(true);
		expect(isLang('en')).toBe(true);
		expect(isLang('fr')).toBe(false);
		expect(isLang(undefined)).toBe(false);
	});

	it('reads Accept-Language by quality, then order', () => {
		expect(fromAcceptLanguage('es-BO,es;q=0.9,en;q=0.8')).toBe('es');
		expect(fromAcceptLanguage('en-US,en;q=0.9,es;q=0.8')).toBe('en');
		expect(fromAcceptLanguage('fr-FR,fr;q=0.9,en;q=0.7,es;q=0.8')).toBe('es');
		expect(fromAcceptLanguage('es;q=0,en;q=0.1')).toBe('en');
		expect(fromAcceptLanguage('EN-gb')).toBe('en');
		expect(fromAcceptLanguage('fr, de')).toBeNull();
		expect(fromAcceptLanguage('*')).toBeNull();
		expect(fromAcceptLanguage('')).toBeNull();
		expect(fromAcceptLanguage(null)).toBeNull();
	});

	it('prefers the cookie, then the header, then Spanish', () => {
		expect(pickLang('en', 'es-BO')).toBe('en');
		expect(pickLang('xx', 'en-US')).toBe('en');
		expect(pickLang(undefined, 'en-US')).toBe('en');
		expect(pickLang(undefined, 'fr')).toBe('es');
		expect(pickLang(undefined, null)).toBe('es');
		// The installation's default language (Ajustes) replaces Spanish as the last resort.
		expect(pickLang(undefined, 'fr', 'en')).toBe('en');
		expect(pickLang(undefined, 'es-BO', 'en')).toBe('es');
	});
});
