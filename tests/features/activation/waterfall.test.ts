// The revenue bridge drawn as a waterfall: each event floats from the running total, in cents.
import { describe, expect, it } from 'vitest';
import { waterfallSteps } from '../../../src/lib/features/activation/waterfall';

describe('waterfallSteps', () => {
	it('floats each event from the running total and lands on the revenue to the cent', () => {
		// 100.10 + 20.20 + 0.30 + 5.05 − 7.70 − 12.34 + 0.01 = 105.62.
		const { steps, reconciles } = waterfallSteps({
			revenue_previous: 100.1,
			revenue: 105.62,
			bridge: { new: 20.2, reactivated: 0.3, expansion: 5.05, contraction: -7.7, churned: -12.34, other: 0.01 }
		});
		expect(reconciles).toBe(true);
		expect(steps.map((s) => [s.key, s.kind, s.value, s.start, s.end])).toEqual([
			['revenue_previous', 'total', 100.1, 0, 100.1],
			['new', 'up', 20.2, 100.1, 120.3],
			['reactivated', 'up', 0.3, 120.3, 120.6],
			['expansion', 'up', 5.05, 120.6, 125.65],
			['contraction', 'down', -7.7, 125.65, 117.95],
			['churned', 'down', -12.34, 117.95, 105.61],
			['other', 'up', 0.01, 105.61, 105.62],
			['revenue', 'total', 105.62, 0, 105.62]
		]);
	});

	it('says when the events do not add up to the revenue', () => {
		const zero = { new: 0, reactivated: 0, expansion: 0, contraction: 0, churned: 0, other: 0 };
		expect(waterfallSteps({ revenue_previous: 10, revenue: 10, bridge: zero }).reconciles).toBe(true);
		expect(waterfallSteps({ revenue_previous: 10, revenue: 10.01, bridge: zero }).reconciles).toBe(false);
	});
});
