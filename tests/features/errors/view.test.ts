// Which words an error page uses: by status, and for a 400 whether the period was refused.
import { describe, expect, it } from 'vitest';
import { errorKind, titleKey } from '../../../src/lib/features/errors/view';

describe('errorKind', () => {
	it('names a refused period from the parameter the error carries or heads its message with', () => {
		expect(errorKind(400, { message: 'x', param: 'from' })).toBe('badPeriod');
		expect(errorKind(400, { message: 'month: "month" must be a month as YYYY-MM' })).toBe('badPeriod');
		expect(errorKind(400, { message: 'dim: unknown dimension "x"' })).toBe('badAddress');
		expect(errorKind(400, { message: 'no parameter here' })).toBe('badAddress');
	});
	it('reads 403, 404 and any 5xx by status', () => {
		expect(errorKind(403, { message: 'x' })).toBe('forbidden');
		expect(errorKind(404, null)).toBe('notFound');
		expect(errorKind(500, { message: 'x' })).toBe('failed');
		expect(errorKind(503, null)).toBe('failed');
		expect([400, 403, 404, 405, 500, 502].map(titleKey)).toEqual(['400', '403', '404', '400', '500', '500']);
	});
});
