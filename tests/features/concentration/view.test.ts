// Concentración's view decisions (src/lib/features/concentration/view.ts): the HHI bands from the
// settings' thresholds and the Pareto cut-offs of the A and B tiers.
import { describe, expect, it } from 'vitest';
import { hhiBands, paretoCuts } from '../../../src/lib/features/concentration/view';

const labels = { approved: 'Aprobado', acceptable: 'Aceptable', observed: 'Observado', rejected: 'Rechazado' };

describe('concentration view', () => {
	it('splits the HHI scale at the thresholds, lower is better, up to 10 000', () => {
		const bands = hhiBands({ approve: 1500, observe: 2000, reject: 2500 }, labels, (v) => `${v}`);
		expect(bands.map((b) => [b.status, b.from, b.to, b.range, b.label])).toEqual([
			['approved', 0, 1500, '≤ 1500', 'Aprobado'],
			['acceptable', 1500, 2000, '1500 – 2000', 'Aceptable'],
			['observed', 2000, 2500, '2000 – 2500', 'Observado'],
			['rejected', 2500, 10000, '> 2500', 'Rechazado']
		]);
	});

	it('puts the A cut after the A tier and the B cut after A and B, as shares of the ranked entities', () => {
		const abc = [
			{ tier: 'A', count: 2 },
			{ tier: 'B', count: 3 },
			{ tier: 'C', count: 5 }
		];
		expect(paretoCuts(abc, 10, { a: 0.8, b: 0.95 })).toEqual([
			{ tier: 'A', share: 0.8, x: 0.2 },
			{ tier: 'B', share: 0.95, x: 0.5 }
		]);
		expect(paretoCuts([{ tier: 'C', count: 4 }], 4, { a: 0.8, b: 0.95 }).map((c) => c.x)).toEqual([0, 0]);
		expect(paretoCuts([], 0, { a: 0.8, b: 0.95 })).toEqual([]);
	});
});
