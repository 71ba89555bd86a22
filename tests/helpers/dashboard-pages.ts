// Every dashboard page's data for one URL, built the way the server builds it: one DashboardContext
// (src/lib/server/pages/context.ts) handed to each feature's loader, as the routes' +page.server.ts
// do, plus the documents the API serves for the same query (kpis, retention). The invariant tests
// compare a figure across these.
import type { Database } from '../../src/lib/server/db/database';
import { activationPage, type ActivationPage } from '../../src/lib/features/activation/loader.server';
import { clientsPage, type ClientsData } from '../../src/lib/features/clients/loader.server';
import { concentrationPage, type ConcentrationData } from '../../src/lib/features/concentration/loader.server';
import { forecastPage, type ForecastPage } from '../../src/lib/features/forecast/loader.server';
import { overviewComparison, overviewPage, type OverviewPage, type OverviewSide } from '../../src/lib/features/overview/loader.server';
import { pipelinePage, type PipelinePage } from '../../src/lib/features/pipeline/loader.server';
import { segmentDimensions, segmentsPage, type SegmentsData } from '../../src/lib/features/segments/loader.server';
import { computeMetric } from '../../src/lib/server/metrics/index';
import type { Kpi, KpisDocument } from '../../src/lib/server/metrics/kpis';
import type { RetentionDocument } from '../../src/lib/server/metrics/retention';
import { dashboardContext, type DashboardContext } from '../../src/lib/server/pages/context';

export interface DashboardPages {
	context: DashboardContext;
	/** Resumen: the period's side, and the comparison's (null when the data does not reach back to it). */
	overview: OverviewPage;
	overviewComparison: OverviewSide | null;
	activation: ActivationPage;
	forecast: ForecastPage;
	pipeline: PipelinePage;
	concentration: ConcentrationData;
	/** Segmentos by product line (the page's default) and by status. */
	segments: SegmentsData;
	segmentsByStatus: SegmentsData;
	clients: ClientsData;
	/** GET /api/metrics/kpis and /retention with the URL's query and comparison. */
	kpis: KpisDocument;
	retention: RetentionDocument;
}

export function dashboardUrl(query: Record<string, string>): URL {
	return new URL(`http://cartera.test/?${new URLSearchParams(query)}`);
}

export async function dashboardPages(db: Database, query: Record<string, string>): Promise<DashboardPages> {
	const c = await dashboardContext(db, dashboardUrl(query));
	const api = { ...c.query, compare: c.compare };
	return {
		context: c,
		overview: await overviewPage(db, c),
		overviewComparison: await overviewComparison(db, c),
		activation: await activationPage(db, c.params, c.settings),
		forecast: await forecastPage(db, c.params, c.settings, c.comparison),
		pipeline: await pipelinePage(db, c.params, c.settings, c.comparison),
		concentration: await concentrationPage(db, c, 'client'),
		segments: await segmentsPage(db, c, segmentDimensions(null, null)),
		segmentsByStatus: await segmentsPage(db, c, segmentDimensions('status', null)),
		clients: await clientsPage(db, c, { pageSize: 1 }),
		kpis: (await computeMetric(db, 'kpis', api)) as KpisDocument,
		retention: (await computeMetric(db, 'retention', api)) as RetentionDocument
	};
}

/** A KPI of a kpis document (Resumen's tiles read the same). */
export function kpiOf(doc: KpisDocument | undefined, id: Kpi['id']): Kpi | undefined {
	return doc?.kpis.find((k) => k.id === id);
}
