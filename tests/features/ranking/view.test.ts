// Ranking's view decisions (src/lib/features/ranking/view.ts): where the "portfolio threshold"
// mark goes and how a status cell reads.
import { describe, expect, it } from 'vitest';
import type { RankingRow } from '../../../src/lib/features/ranking/loader.server';
import { anyPortfolio, markInHeader, statusCell } from '../../../src/lib/features/ranking/view';

const words = { statuses: { approved: 'Aprobado', acceptable: 'Aceptable', observed: 'Observado', rejected: 'Rechazado', none: 'Sin evaluar' }, mark: '*' };
const row = (value: string, activation: Partial<Pick<RankingRow, 'activation_status' | 'activation_threshold'>>): RankingRow =>
	({
		value,
		mom_status: null,
		mom_threshold: 'portfolio',
		activation_status: 'approved',
		activation_threshold: 'portfolio',
		quote_hit_status: null,
		quote_hit_threshold: 'portfolio',
		...activation
	}) as RankingRow;

describe('ranking view', () => {
	it('marks the header when every row was judged by the portfolio threshold, not the cells', () => {
		const rows = [row('Ana', {}), row('Beto', { activation_status: 'rejected' })];
		expect(markInHeader(rows, 'activation')).toBe(true);
		expect(statusCell(rows, rows[1]!, 'activation', words)).toBe('Rechazado');
		expect(statusCell(rows, rows[1]!, 'activation', words, true)).toBe('✕ Rechazado');
		expect(anyPortfolio(rows)).toBe(true);
	});

	it('marks the cells judged by the portfolio when some value has its own threshold', () => {
		const rows = [row('Ana', {}), row('Beto', { activation_threshold: 'value' })];
		expect(markInHeader(rows, 'activation')).toBe(false);
		expect(statusCell(rows, rows[0]!, 'activation', words)).toBe('Aprobado *');
		expect(statusCell(rows, rows[1]!, 'activation', words)).toBe('Aprobado');
	});

	it('a missing status is "not judged", never marked; no status at all needs no note', () => {
		const rows = [row('Ana', { activation_status: null })];
		expect(statusCell(rows, rows[0]!, 'activation', words)).toBe('Sin evaluar');
		expect(anyPortfolio(rows)).toBe(false);
		expect(anyPortfolio([row('Ana', { activation_threshold: 'value' })])).toBe(false);
	});
});
