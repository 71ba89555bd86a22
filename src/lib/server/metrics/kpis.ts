// The KPIs management reviews, each against its thresholds (docs/contract.md kpis): the figures
// come from the other documents (never computed again here), the bands from the settings.
import type { Database } from '../db/database';
import { activation, type ActivationDocument } from './activation';
import { concentration, growth, type ConcentrationDocument, type GrowthDocument } from './documents';
import { forecast, type ForecastDocument } from './forecast';
import type { MetricParams } from './params';
import { pipeline, type PipelineDocument } from './pipeline';
import { prospectSize, type ProspectSizeDocument } from './prospect-size';
import { quotes, type QuotesDocument } from './quotes';
import { retention, type RetentionDocument } from './retention';
import { judged, judgeKpi, scopeOf, type Bands, type KpiId, type Settings, type Status, type ThresholdScope } from './settings';

export interface Kpi {
	id: 'growth' | KpiId;
	value: number | null;
	/** Null under filters when the threshold is the portfolio's (docs/definitions.md "KPIs and thresholds"). */
	status: Status | null;
	/** Whether the KPI is judged at all (settings.ts judged()): false under filters with the portfolio's thresholds, so a page shows no badge. */
	judged: boolean;
	thresholds: Bands | Settings['growth'];
	/** The segment the thresholds were set for; null: the whole portfolio's (or the defaults). */
	threshold_scope: ThresholdScope;
	/** Growth only: the month judged (the last of the period neither after as_of nor provisional). */
	month?: string | null;
}

export interface KpisDocument {
	as_of: string;
	kpis: Kpi[];
}

/** The documents the KPIs are read from. */
export interface KpiSources {
	growth: GrowthDocument;
	concentration: ConcentrationDocument;
	forecast: ForecastDocument;
	quotes: QuotesDocument;
	activation: ActivationDocument;
	/** The commercial process (issue 15): win rate and quotes per month. */
	pipeline: PipelineDocument;
	prospect_size: ProspectSizeDocument;
	/** Repeat rate (the four sales events' repeat purchase over the period's buyers). */
	retention: RetentionDocument;
}

/**
 * `known`: the growth document when the caller already has it for these parameters, or is computing
 * it (not computed again).
 */
export async function kpiSources(db: Database, p: MetricParams, s: Settings, known: { growth?: KpiSources['growth'] | Promise<KpiSources['growth']> } = {}): Promise<KpiSources> {
	const [g, c, f, q, a, pl, ps, r] = await db.readEach([
		() => (known.growth ? Promise.resolve(known.growth) : growth(db, p, s)),
		() => concentration(db, { ...p, by: 'client' }, s),
		() => forecast(db, p, s),
		() => quotes(db, p, s),
		() => activation(db, p, s),
		() => pipeline(db, p, s),
		() => prospectSize(db, p, s),
		() => retention(db, p, s)
	] as const);
	return { growth: g, concentration: c, forecast: f, quotes: q, activation: a, pipeline: pl, prospect_size: ps, retention: r };
}

/** The KPIs from their documents (the overview page reads the same documents for its charts). */
export function kpisFrom(d: KpiSources, as_of: string, s: Settings): KpisDocument {
	// Growth: the last month of the period that is over at as_of and not provisional (partial covers
	// both), judged as the growth figure does.
	const month = [...d.growth.months].reverse().find((m) => !m.partial);
	const rated = (id: KpiId, value: number | null): Kpi => ({
		id,
		value,
		status: judgeKpi(s, id, value),
		judged: judged(s, id),
		thresholds: s.thresholds[id],
		threshold_scope: scopeOf(s.threshold_sources[id])
	});
	return {
		as_of,
		kpis: [
			{
				id: 'growth',
				value: month?.mom ?? null,
				status: month?.status ?? null,
				judged: judged(s, 'growth'),
				thresholds: s.growth,
				threshold_scope: scopeOf(s.threshold_sources.growth),
				month: month?.month ?? null
			},
			rated('activation_rate', d.activation.activation_rate),
			rated('top10_share', d.concentration.top_shares.top10),
			rated('hhi', d.concentration.hhi),
			rated('forecast_accuracy', d.forecast.accuracy),
			rated('quote_hit_rate', d.quotes.hit_rate),
			// The commercial process's indicators (docs/definitions.md "KPIs and thresholds"), each its figure's own value.
			rated('quotes_per_month', d.pipeline.quotes_per_month),
			rated('prospect_size', d.prospect_size.value),
			rated('repeat_rate', d.retention.repeat_rate),
			rated('prospect_conversion_rate', d.activation.prospect_conversion_rate),
			rated('win_rate', d.pipeline.win_rate)
		]
	};
}

export async function kpis(db: Database, p: MetricParams, s: Settings): Promise<KpisDocument> {
	return kpisFrom(await kpiSources(db, p, s), p.as_of, s);
}
