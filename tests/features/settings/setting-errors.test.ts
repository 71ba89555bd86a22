// Ajustes says why it refused a value in the page's language, naming the limit the rule compares with.
import { describe, expect, it } from 'vitest';
import { bandRefusal, definitionRefusal } from '../../../src/lib/features/settings/setting-errors';
import { bandWords } from '../../../src/lib/features/settings/band-words';
import { judge } from '../../../src/lib/thresholds';

describe('band words', () => {
	it('say what judge() does at each limit, for both directions', () => {
		const higher = { direction: 'higher' as const, approve: 0.1, observe: 0.05, reject: 0 };
		// "Aprobado desde 10 %": 10 % itself is approved; "Observado por debajo de 5 %": 5 % is not observed;
		// "Rechazado por debajo de 0 %": 0 % is not rejected, just below is.
		expect(bandWords.es.higher).toEqual({ approve: 'Aprobado desde', observe: 'Observado por debajo de', reject: 'Rechazado por debajo de' });
		expect(judge(0.1, higher)).toBe('approved');
		expect(judge(0.05, higher)).toBe('acceptable');
		expect(judge(0.0499, higher)).toBe('observed');
		expect(judge(0, higher)).toBe('observed');
		expect(judge(-0.0001, higher)).toBe('rejected');
		const lower = { direction: 'lower' as const, approve: 1500, observe: 2000, reject: 2500 };
		expect(bandWords.es.lower).toEqual({ approve: 'Aprobado hasta', observe: 'Observado por encima de', reject: 'Rechazado por encima de' });
		expect(judge(1500, lower)).toBe('approved');
		expect(judge(2000, lower)).toBe('acceptable');
		expect(judge(2001, lower)).toBe('observed');
		expect(judge(2500, lower)).toBe('observed');
		expect(judge(2501, lower)).toBe('rejected');
	});
});

describe('refusals', () => {
	it('name the limit an out-of-order one must not cross, in each language', () => {
		expect(bandRefusal('es', 'higher', { field: 'observe', code: 'order' })).toBe('Debe ser igual o menor que «Aprobado desde».');
		expect(bandRefusal('es', 'higher', { field: 'reject', code: 'order' })).toBe('Debe ser igual o menor que «Observado por debajo de».');
		expect(bandRefusal('en', 'lower', { field: 'observe', code: 'order' })).toBe('Must be at least “Approved up to”.');
		expect(bandRefusal('es', 'higher', { field: 'approve', code: 'range', range: ['0 %', '100 %'] })).toBe('Escribe un valor de 0 % a 100 %.');
		expect(bandRefusal('en', 'higher', { field: 'scope' })).toMatch(/segment/);
		expect(definitionRefusal('es', 'window_days')).toBe('Escribe un número entero de días, de 1 a 3.650.');
		expect(definitionRefusal('en', 'shoe_size')).toMatch(/Could not save/);
	});
});
