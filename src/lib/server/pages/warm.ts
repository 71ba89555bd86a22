// Keeps the default view of every dashboard page ready: when the server starts and right after every
// change of the data (an upload's commit, an undo), the figures each page shows first are computed in
// the background on a connection of their own, so they land in the result cache before anyone asks.
// A request arriving meanwhile waits for the same running query instead of starting another
// (Database.cachedAll). CARTERA_WARM=0 turns it off (to measure cold loads).
import type { Database } from '../db/database';
import { activationPage } from '../../features/activation/loader.server';
import { clientsPage } from '../../features/clients/loader.server';
import { concentrationPage } from '../../features/concentration/loader.server';
import { dashboardContext } from './context';
import { forecastPage } from '../../features/forecast/loader.server';
import { overviewComparison, overviewPage } from '../../features/overview/loader.server';
import { pipelinePage } from '../../features/pipeline/loader.server';
import { reportData } from '../../features/report/loader.server';
import { DEFAULT_RANKING_DIM, rankingPage } from '../../features/ranking/loader.server';
import { segmentDimensions, segmentsPage } from '../../features/segments/loader.server';

/** A burst of writes (several autocommit statements) warms once. */
const SETTLE_MS = 50;

/** Computes what the pages show for the default period and no filters, through the pages' own functions. */
export async function warmDefaults(database: Database): Promise<void> {
	const db = await database.fork();
	try {
		const c = await dashboardContext(db, new URL('http://localhost/'));
		if (!c.data) return;
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
		// The monthly report Resumen links to: its period's last month (about 30 figures, 2 s cold at 10M lines).
		await reportData(db, p.to);
	} finally {
		db.close();
	}
}

let started = false;

/**
 * Warms now and again as soon as the data version moves: after an upload's COMMIT (not during
 * its transaction, which moves no version: readers keep the cached figures of the last committed
 * data until then), so the first readers after a load wait for these same queries instead of
 * starting their own. A change while warming warms again when it ends.
 */
export function keepWarm(db: Database): void {
	if (started || process.env.CARTERA_WARM === '0') return;
	started = true;
	let warmed = -1;
	let busy = false;
	let timer: ReturnType<typeof setTimeout> | null = null;
	const tick = async () => {
		if (busy || db.dataVersion === warmed) return;
		busy = true;
		const version = db.dataVersion;
		try {
			await warmDefaults(db);
		} catch (error) {
			console.error('Warming the dashboards failed:', error instanceof Error ? error.message : error);
		} finally {
			warmed = version; // after a failure too: no retry in a loop, the next change tries again
			busy = false;
		}
		void tick();
	};
	db.onDataChange(() => {
		if (timer) return;
		timer = setTimeout(() => {
			timer = null;
			void tick();
		}, SETTLE_MS);
		timer.unref();
	});
	void tick();
}
