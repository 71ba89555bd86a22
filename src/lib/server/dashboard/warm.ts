// Keeps the default view of every dashboard page ready: when the server starts and after every
// change of the data (an upload, an undo), the figures each page shows first are computed in the
// background on a connection of their own, so they land in the result cache before anyone asks.
// A request arriving meanwhile waits for the same running query instead of starting another
// (Database.cachedAll). CARTERA_WARM=0 turns it off (to measure cold loads).
import type { Database } from '../db/database';
import { activationPage } from './activation';
import { clientsPage } from './clients';
import { concentrationPage } from './concentration';
import { dashboardContext } from './context';
import { forecastPage } from './forecast';
import { overviewComparison, overviewPage } from './overview';
import { pipelinePage } from './pipeline';
import { segmentDimensions, segmentsPage } from './segments';

const CHECK_EVERY_MS = 3_000;

/** Computes what the pages show for the default period and no filters, through the pages' own functions. */
export async function warmDefaults(database: Database): Promise<void> {
	const db = await database.fork();
	try {
		const c = await dashboardContext(db, new URL('http://localhost/'));
		if (!c.data) return;
		const { params: p, settings: s, comparison } = c;
		await overviewPage(db, c);
		await overviewComparison(db, c);
		await activationPage(db, p, s, comparison);
		await clientsPage(db, c);
		await segmentsPage(db, c, segmentDimensions(null, null));
		await concentrationPage(db, c, 'client');
		await forecastPage(db, p, s, comparison);
		await pipelinePage(db, p, s, comparison);
	} finally {
		db.close();
	}
}

let started = false;

/** Warms now and again whenever the data version moves; the timer never keeps the process alive. */
export function keepWarm(db: Database): void {
	if (started || process.env.CARTERA_WARM === '0') return;
	started = true;
	let warmed = -1;
	let busy = false;
	const tick = async () => {
		if (busy || db.dataVersion === warmed) return;
		busy = true;
		const version = db.dataVersion;
		try {
			await warmDefaults(db);
			warmed = version;
		} catch (error) {
			console.error('Warming the dashboards failed:', error instanceof Error ? error.message : error);
			warmed = version; // do not retry in a loop; the next data change tries again
		} finally {
			busy = false;
		}
	};
	void tick();
	setInterval(tick, CHECK_EVERY_MS).unref();
}
