// Ajustes' history and rules show a stored value as the forms take it: never JSON nor a fraction.
import { describe, expect, it } from 'vitest';
import { settingValueText } from '../../../src/lib/features/settings/history-text';

// Intl puts no-break spaces before % and the currency: compared as plain spaces.
const say = (key: string, value: unknown, lang: 'es' | 'en' = 'es') => settingValueText(key, JSON.stringify(value), lang, 'Bs.').replace(/[\u00a0\u202f]/g, ' ');

describe('settingValueText', () => {
	it('says bands in per cent with what each limit means, for both directions', () => {
		expect(say('thresholds.activation_rate', { direction: 'higher', approve: 0.33, observe: 0.2, reject: 0.1 })).toBe(
			'Mayor es mejor · Aprobado desde 33,0 % · Observado por debajo de 20,0 % · Rechazado por debajo de 10,0 %'
		);
		expect(say('thresholds.top10_share', { direction: 'lower', approve: 0.4, observe: 0.5, reject: 0.6 }, 'en')).toBe(
			'Lower is better · Approved up to 40.0% · Observed above 50.0% · Rejected above 60.0%'
		);
		expect(say('growth', { approve_at: 0.1, observe_below: 0.05, reject_below: 0 })).toBe(
			'Mayor es mejor · Aprobado desde +10,0 % · Observado por debajo de +5,0 % · Rechazado por debajo de 0,0 %'
		);
	});

	it('says amounts, shares, choices and counts in words, with thousands separators', () => {
		expect(say('min_amount', 9767)).toBe('9.767,00 Bs.');
		expect(say('abc_a', 0.8)).toBe('80,0 %');
		expect(say('window_days', 90)).toBe('90');
		expect(say('activation_event', 'invoice')).toBe('su primera compra (factura)');
		expect(say('default_lang', 'en')).toBe('English');
		expect(say('stage_probabilities', { Negociación: 0.75 })).toBe('Negociación = 75 %');
		expect(say('goal', { revenue_target: 12000.5, new_clients_target: 2, activated_target: null, quotes_target: null })).toBe('Meta 12.000,50 Bs. · 2 clientes nuevos');
	});

	it('never shows JSON, even for a setting it does not know', () => {
		const text = say('some_new_rule', { lower_limit: 0.5 });
		expect(text).not.toMatch(/[{}"]|_/);
	});
});
