// `npm run metrics -- kpis` as a table: each KPI's value and bands written by what it measures
// (prospect size as money, quotes per month as a count, not as percentages).
import { describe, expect, it } from 'vitest';
import { printDocument } from '../../src/cli/print-document';

const row = (text: string, id: string) => text.split('\n').find((l) => l.trim().startsWith(`${id} `))!;

describe('the kpis table', () => {
	it('writes money, counts and shares in their own units', () => {
		const doc = {
			as_of: '2026-10-31',
			kpis: [
				{ id: 'prospect_size', value: 9973.1, status: 'acceptable', thresholds: { direction: 'higher', approve: 10000, observe: 5000, reject: 2000 } },
				{ id: 'quotes_per_month', value: 57.41666, status: 'approved', thresholds: { direction: 'higher', approve: 20, observe: 10, reject: 5 } },
				{ id: 'win_rate', value: 0.2351, status: 'acceptable', thresholds: { direction: 'higher', approve: 0.3, observe: 0.2, reject: 0.1 } }
			]
		};
		const text = printDocument('kpis', doc);
		// Grouped as the pages write numbers (lib/format.ts), not as toLocaleString('es') leaves four digits.
		expect(row(text, 'prospect_size')).toContain('9.973,10');
		expect(row(text, 'prospect_size')).toContain('approved ≥ 10.000,00');
		expect(row(text, 'prospect_size')).not.toContain('%');
		expect(row(text, 'quotes_per_month')).toContain('57,4');
		expect(row(text, 'quotes_per_month')).toContain('approved ≥ 20, observed < 10, rejected < 5');
		expect(row(text, 'win_rate')).toContain('23,5\u00a0%');
		expect(row(text, 'win_rate')).toContain('approved ≥ 30,0\u00a0%, observed < 20,0\u00a0%, rejected < 10,0\u00a0%');
	});
});
