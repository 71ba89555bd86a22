// Warming (src/lib/server/pages/warm.ts) computes each page's default view through the pages'
// own functions: afterwards, loading any page's default view runs no query at all (every result
// comes from the result cache), so warming keeps helping when a page changes what it loads.
import { describe, expect, it, vi } from 'vitest';
import { Database } from '../../../src/lib/server/db/database';
import { activationPage } from '../../../src/lib/features/activation/loader.server';
import { clientsPage } from '../../../src/lib/features/clients/loader.server';
import { concentrationPage } from '../../../src/lib/features/concentration/loader.server';
import { dashboardContext } from '../../../src/lib/server/pages/context';
import { forecastPage } from '../../../src/lib/features/forecast/loader.server';
import { overviewComparison, overviewPage } from '../../../src/lib/features/overview/loader.server';
import { pipelinePage } from '../../../src/lib/features/pipeline/loader.server';
import { DEFAULT_RANKING_DIM, rankingPage } from '../../../src/lib/features/ranking/loader.server';
import { segmentDimensions, segmentsPage } from '../../../src/lib/features/segments/loader.server';
import { reportData } from '../../../src/lib/features/report/loader.server';
import { warmDefaults } from '../../../src/lib/server/pages/warm';
import { useDemoDatabase } from '../../helpers/demo-database';

const demo = useDemoDatabase({ resultCache: true });

describe('warmDefaults', () => {
	it('leaves every page’s default view in the result cache', async () => {
		const db = demo.db;
		await warmDefaults(db);
		// Any connection's queries: misses run on the database's reader connections (reader-pool.ts).
		const queries = vi.spyOn(Database.prototype, 'all');
		const c = await dashboardContext(db, new URL('http://localhost/'));
		const { params: p, settings: s, comparison } = c;
		await overviewPage(db, c);
		await overviewComparison(db, c);
		await activationPage(db, p, s);
		await clientsPage(db, c);
		await segmentsPage(db, c, segmentDimensions(null, null));
		await concentrationPage(db, c, 'client');
		await forecastPage(db, p, s, comparison);
		await pipelinePage(db, p, s, comparison);
		await rankingPage(db, c, DEFAULT_RANKING_DIM);
		// The monthly report Resumen links to: its period's last month.
		await reportData(db, p.to);
		expect(queries.mock.calls.map(([sql]) => sql.slice(0, 80))).toEqual([]);
		// Another view is not warmed: it runs its queries.
		await segmentsPage(db, c, segmentDimensions('region', null));
		expect(queries).toHaveBeenCalled();
		queries.mockRestore();
	}, 60_000);
});
