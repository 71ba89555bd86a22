// Ranking's page data (src/lib/features/ranking/loader.server.ts) on the demo, with the server's
// result cache and reader connections: the revenue columns come first, in the ranking's order, and
// the streamed figures, once in, make each row the whole ranking's row (what the API gives).
import { describe, expect, it } from 'vitest';
import { Database } from '../../../src/lib/server/db/database';
import { rankingPage, rankingPageStream } from '../../../src/lib/features/ranking/loader.server';
import { computeMetric } from '../../../src/lib/server/metrics/index';
import type { RankingDocument } from '../../../src/lib/server/metrics/ranking';
import { dashboardContext } from '../../../src/lib/server/pages/context';
import { useDemoDatabase } from '../../helpers/demo-database';

const demo = useDemoDatabase({ resultCache: true });
const AS_OF = new Date('2026-11-20T12:00:00Z');

describe('Ranking page data', () => {
	it.each(['account_manager', 'product_line', 'status'] as const)('by %s: the revenue first, then each row’s figures in its order', async (dim) => {
		const db = demo.db;
		const c = await dashboardContext(db, new URL('http://localhost/'), AS_OF);
		const whole = (await computeMetric(db, 'ranking', { from: c.params.from, to: c.params.to, dim }, AS_OF)) as RankingDocument;
		expect(whole.rows.length).toBeGreaterThan(1);

		const stream = await rankingPageStream(db, c, dim);
		expect(stream.ranking!.rows).toEqual(whole.rows.map(({ value, revenue, revenue_previous, revenue_change }) => ({ value, revenue, revenue_previous, revenue_change })));
		const figures = await stream.kpis;
		expect(stream.ranking!.rows.map((row, i) => ({ ...row, ...figures[i] }))).toEqual(whole.rows);

		// Warming and the tests read it whole: the same rows.
		expect((await rankingPage(db, c, dim)).ranking!.rows).toEqual(whole.rows);
	}, 60_000);

	it('without data: no ranking, and nothing to wait for', async () => {
		const empty = await Database.open(demo.folder.path('empty.duckdb'));
		try {
			const c = await dashboardContext(empty, new URL('http://localhost/'), AS_OF);
			const stream = await rankingPageStream(empty, c, 'account_manager');
			expect(stream.ranking).toBeNull();
			expect(await stream.kpis).toEqual([]);
		} finally {
			empty.close();
		}
	});
});
