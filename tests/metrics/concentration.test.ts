// Concentration on the worked example of ../shared/reference/kpi-and-exports.md §1 (the ineq /
// DescTools help vector): ten clients billing 541 … 22261 in one month, Σ = 66 586.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { computeMetric } from '../../src/lib/server/metrics/index';
import type { ConcentrationDocument } from '../../src/lib/server/metrics/documents';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const REVENUES = [541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261]; // ascending, K01 … K10
const T = 66586; // Σ: 541 + 1463 + 2445 + 3438 + 4437 + 5401 + 6392 + 8304 + 11904 + 22261
const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	const lines = ['Nº factura;Fecha;Código cliente;Código producto;Importe'];
	REVENUES.forEach((r, i) => {
		const client = `K${String(i + 1).padStart(2, '0')}`;
		// Two lines per client (P1 and P2) that add up to its revenue, plus a credit note of 0 effect on K01.
		lines.push(`F-${i}-1;10/03/2025;${client};P1;${r - 100},00`, `F-${i}-2;20/03/2025;${client};P2;100,00`);
	});
	lines.push('NC-1;21/03/2025;K01;P1;-10,00', 'F-X;22/03/2025;K01;P1;10,00'); // K01 still 541
	lines.push('F-0;05/02/2025;K99;P1;-5,00'); // February: outside the period below
	await ingestFiles(db, [{ path: folder.write('f.csv', lines.join('\n')) }]);
});
afterAll(() => {
	db.close();
	folder.remove();
});

const get = (raw: Record<string, string> = {}) => computeMetric(db, 'concentration', { from: '2025-03', to: '2025-03', ...raw }) as Promise<ConcentrationDocument>;

describe('concentration by client', () => {
	it('matches the reference example: top-N, HHI 1841, normalized 0.093, Gini 0.462', async () => {
		const c = await get();
		expect(c.n).toBe(10);
		expect(c.total_revenue).toBe(66586);
		expect(c.top_shares.top1).toBeCloseTo(22261 / T, 12);
		expect(c.top_shares.top5).toBeCloseTo((22261 + 11904 + 8304 + 6392 + 5401) / T, 12); // 54262 / 66586
		expect(c.top_shares.top10).toBe(1);
		expect(c.top_shares.top10pct).toBeCloseTo(22261 / T, 12); // ceil(0.1 × 10) = 1 client
		expect(c.top_shares.top20pct).toBeCloseTo((22261 + 11904) / T, 12); // ceil(0.2 × 10) = 2
		// HHI = Σ (100·r/T)² = 10 000 · Σ r² / T²; Σ r² = 816 160 106 → 1 840.8
		const sumSquares = REVENUES.reduce((s, r) => s + r * r, 0);
		expect(sumSquares).toBe(816160106);
		expect(c.hhi).toBeCloseTo((10000 * sumSquares) / (T * T), 9);
		expect(Math.round(c.hhi!)).toBe(1841); // the reference's 0.1841
		expect(c.hhi_normalized).toBeCloseTo((sumSquares / (T * T) - 1 / 10) / (1 - 1 / 10), 12);
		expect(c.hhi_normalized!.toFixed(3)).toBe('0.093');
		// Gini = 2·Σ i·x_(i) / (n·Σx) − (n+1)/n, ascending: Σ i·x_i = 541·1 + 1463·2 + … + 22261·10 = 520 067 → 0.4621
		const weighted = REVENUES.reduce((s, r, i) => s + (i + 1) * r, 0);
		expect(weighted).toBe(520067);
		expect(c.gini).toBeCloseTo((2 * weighted) / (10 * T) - 11 / 10, 12);
		expect(c.gini!.toFixed(3)).toBe('0.462');
	});

	it('tiers by the share before each client: the client crossing 80 % is A (DESIGN.md boundary rule)', async () => {
		const c = await get();
		// Before K06 (5 401, 5th largest): (22261 + 11904 + 8304 + 6392) / T = 48861 / 66586 = 0.734 < 0.80 → A.
		// Before K05 (4 437): 54262 / T = 0.815 → B; before K04: 58699 / T = 0.882 → B; before K03: 62137 / T = 0.933 → B;
		// before K02: 64582 / T = 0.970 → C; before K01: 66045 / T = 0.992 → C.
		expect(c.abc).toEqual([
			{ tier: 'A', count: 5, revenue: 54262, share: 54262 / T },
			{ tier: 'B', count: 3, revenue: 4437 + 3438 + 2445, share: 10320 / T },
			{ tier: 'C', count: 2, revenue: 1463 + 541, share: 2004 / T }
		]);
	});

	it('gives n Lorenz points (i/n, share of the i smallest), ending at (1, 1)', async () => {
		const c = await get();
		expect(c.lorenz).toHaveLength(10);
		let cumulative = 0;
		REVENUES.forEach((r, i) => {
			cumulative += r;
			expect(c.lorenz[i]![0]).toBeCloseTo((i + 1) / 10, 12);
			expect(c.lorenz[i]![1]).toBeCloseTo(cumulative / T, 12);
		});
	});

	it('by product: P1 carries Σr − 1 000, P2 1 000 (100 per client)', async () => {
		// P1: 66 586 − 1 000 = 65 586 (the credit note and its reversal on K01 cancel out); P2: 10 × 100.
		const c = await get({ by: 'product' });
		expect(c.n).toBe(2);
		expect(c.total_revenue).toBe(T);
		expect(c.top_shares.top1).toBeCloseTo((T - 1000) / T, 12);
		// two products: HHI = 100² · ((65587/T)² + (1000/T)²)
		expect(c.hhi).toBeCloseTo(10000 * (((T - 1000) / T) ** 2 + (1000 / T) ** 2), 9);
	});

	it('is a valid document with nulls when nothing has revenue', async () => {
		const c = await get({ from: '2024-01', to: '2024-01' });
		expect(c).toMatchObject({ n: 0, total_revenue: 0, hhi: null, hhi_normalized: null, gini: null, lorenz: [] });
		expect(c.top_shares).toEqual({ top1: null, top5: null, top10: null, top10pct: null, top20pct: null });
		expect(c.abc.map((t) => [t.tier, t.count, t.revenue, t.share])).toEqual([['A', 0, 0, null], ['B', 0, 0, null], ['C', 0, 0, null]]);
	});

	it('equal shares: Gini 0, normalized HHI 0; tiers are computed on the filtered lines', async () => {
		const equal = await get({ product: 'P2' }); // P2 is sold to all ten clients, 100 each
		expect(equal.n).toBe(10);
		expect(equal.gini).toBeCloseTo(0, 12);
		expect(equal.hhi).toBeCloseTo(1000, 9); // 10 × (100 × 0.1)²
		expect(equal.hhi_normalized).toBeCloseTo(0, 12);
		// On P2's lines, ties ranked by client code: shares before K01 … K10 are 0, 0.1, …, 0.9:
		// the first eight (before < 0.8) are A, K09 and K10 (0.8 and 0.9 < 0.95) are B.
		expect(equal.abc.map((t) => t.count)).toEqual([8, 2, 0]);
		const tierA = await get({ product: 'P2', billing_tier: 'A' });
		expect(tierA.n).toBe(8);
	});
});
