// A figure under filters carries a verdict only by a threshold set for the segment; the note says
// which threshold, or that the portfolio's do not judge a segment (issue 14).
import { describe, expect, it } from 'vitest';
import { verdictNote } from '../../../src/lib/features/shared/verdict';
import { es } from '../../../src/lib/i18n/es';
import { en } from '../../../src/lib/i18n/en';

const scope = { dim: 'product_line', value: 'Mobiliario' };

describe('verdicts under filters', () => {
	it('names the segment’s threshold, or says the portfolio’s give no verdict, in each language', () => {
		expect(verdictNote(true, scope, 'es', es.dims)).toBe('Umbral de Línea de producto = Mobiliario');
		expect(verdictNote(true, scope, 'en', en.dims)).toBe('Threshold for Product line = Mobiliario');
		expect(verdictNote(true, null, 'es', es.dims)).toBe('Sin veredicto: los umbrales son los de toda la cartera');
		expect(verdictNote(true, null, 'en', en.dims)).toBe("No verdict: the thresholds are the whole portfolio's");
		expect(verdictNote(false, null, 'es', es.dims)).toBeUndefined();
	});
});
