// The activation and life-cycle page (Activación y ciclo de vida): the activation document and its
// monthly status mix (one run of queries/activation.sql), the retention document (revenue bridge,
// client movements, repeat rate, product lines per client) against the page's comparison months, and
// the same figures on those months for the tiles' changes. Every number comes from a metrics-layer document.
import type { Database } from '../../server/db/database';
import { activation, activationWithSeries, type ActivationDocument, type ActivationSeriesRow } from '../../server/metrics/activation';
import type { MetricParams } from '../../server/metrics/params';
import { retention, type RetentionDocument } from '../../server/metrics/retention';
import { salesEvents, type SalesEventsDocument } from '../../server/metrics/sales-events';
import { judgeKpi, verdictOf, type Settings, type Status, type Verdict } from '../../server/metrics/settings';
import { comparedPageFrame, comparisonParams, heldComparison, type Compared } from '../../server/pages/compare';

/** The activation document's period figures (its months are in `series`, with the status counts). */
export type ActivationFigures = Omit<ActivationDocument, 'months'>;

export interface ActivationTiles {
	activation_rate: number | null;
	prospects_exposed: number;
	activated_in_period: number;
	median_days_to_activation: number | null;
	repeat_rate: number | null;
	product_lines_per_client: number | null;
}

export interface ActivationPage {
	activation: ActivationFigures;
	/** activation_rate judged against settings.thresholds.activation_rate. */
	activation_status: Status | null;
	/** Whether the status is shown and by which threshold. */
	activation_verdict: Verdict;
	series: ActivationSeriesRow[];
	retention: RetentionDocument;
	/** The four sales events of the period (higher volume from `retention`, so the same comparison). */
	sales_events: SalesEventsDocument;
	/** What activates a prospect (Ajustes), stated beside the conversion figures. */
	activation_event: Settings['activation_event'];
	/** The tiles' figures on the comparison months (each null when those start before the data: no change shown, as on Resumen). */
	comparison: Compared<ActivationTiles>;
}

function tiles(a: ActivationFigures, r: RetentionDocument): ActivationTiles {
	return {
		activation_rate: a.activation_rate,
		prospects_exposed: a.prospects_exposed,
		activated_in_period: a.activated_in_period,
		median_days_to_activation: a.median_days_to_activation,
		repeat_rate: r.repeat_rate,
		product_lines_per_client: r.product_lines_per_client
	};
}

function figures(d: ActivationDocument): ActivationFigures {
	const { months: _months, ...rest } = d;
	return rest;
}

/**
 * `p.compare` (the context's comparison) sets the bridge's P0; the tiles compare with those same
 * months (bridge.previous, the context's comparison), so the bridge, the movements and the tiles agree by construction.
 */
export async function activationPage(db: Database, p: MetricParams, s: Settings): Promise<ActivationPage> {
	const { document, series } = await activationWithSeries(db, p, s);
	const bridge = await retention(db, p, s);
	const comparison = bridge.previous;
	const cp = comparisonParams(p, comparison);
	const previous = tiles(figures(await activation(db, cp, s)), await retention(db, cp, s));
	return {
		activation: figures(document),
		// Under filters, judged only by a threshold set for the segment (settings.ts judged()).
		activation_status: judgeKpi(s, 'activation_rate', document.activation_rate),
		activation_verdict: verdictOf(s, 'activation_rate'),
		series,
		retention: bridge,
		sales_events: await salesEvents(db, p, s),
		activation_event: s.activation_event,
		comparison: await heldComparison(db, comparison, previous)
	};
}

/** What the Activación page receives (its +page.server.ts): the compared page's frame, the activation-rate bands and the figures. */
export type ActivationData = ReturnType<typeof comparedPageFrame> & { bands: Settings['thresholds']['activation_rate']; figures: ActivationPage };
