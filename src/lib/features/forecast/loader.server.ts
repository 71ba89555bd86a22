// The forecast and budgets page (Pronóstico y presupuestos): the forecast document (forecast
// against actual by month, WAPE, accuracy, bias, MAPE) with accuracy judged against its bands, the
// quotes document (hit rate by month and by amount), and the same figures on the comparison months.
import type { Database } from '../../server/db/database';
import { forecast, type ForecastDocument } from '../../server/metrics/forecast';
import type { MetricParams } from '../../server/metrics/params';
import { quotes, type QuotesDocument } from '../../server/metrics/quotes';
import { judgeKpi, verdictOf, type Settings, type Status, type Verdict } from '../../server/metrics/settings';
import { comparedPageFrame, comparisonParams, heldComparison, type Compared } from '../../server/pages/compare';

export interface ForecastTiles {
	wape: number | null;
	accuracy: number | null;
	bias: number | null;
	mape: number | null;
	hit_rate: number | null;
	hit_rate_amount: number | null;
	issued: number;
}

export interface ForecastPage {
	forecast: ForecastDocument;
	/**
	 * The months MAPE leaves out, by name: those compared (with a forecast) whose actual is 0, the
	 * ones the document counts in mape_excluded_months (docs/definitions.md "Forecast accuracy").
	 */
	mape_excluded: string[];
	accuracy_status: Status | null;
	hit_rate_status: Status | null;
	/** Whether each status is shown and by which threshold (no verdict under filters with the portfolio's). */
	verdicts: Record<'forecast_accuracy' | 'quote_hit_rate', Verdict>;
	quotes: QuotesDocument;
	/** The tiles' figures on the comparison months (each null when those start before the data: no change shown, as on Resumen). */
	comparison: Compared<ForecastTiles>;
}

function tiles(f: ForecastDocument, q: QuotesDocument): ForecastTiles {
	return { wape: f.wape, accuracy: f.accuracy, bias: f.bias, mape: f.mape, hit_rate: q.hit_rate, hit_rate_amount: q.hit_rate_amount, issued: q.issued };
}

export function mapeExcludedMonths(f: ForecastDocument): string[] {
	return f.months.filter((m) => m.forecast !== null && m.actual === 0).map((m) => m.month);
}

export async function forecastPage(db: Database, p: MetricParams, s: Settings, comparison: { from: string; to: string }): Promise<ForecastPage> {
	const f = await forecast(db, p, s);
	const q = await quotes(db, p, s);
	const cp = comparisonParams(p, comparison);
	return {
		forecast: f,
		mape_excluded: mapeExcludedMonths(f),
		// Under filters, judged only by a threshold set for the segment (settings.ts judged()).
		accuracy_status: judgeKpi(s, 'forecast_accuracy', f.accuracy),
		hit_rate_status: judgeKpi(s, 'quote_hit_rate', q.hit_rate),
		verdicts: { forecast_accuracy: verdictOf(s, 'forecast_accuracy'), quote_hit_rate: verdictOf(s, 'quote_hit_rate') },
		quotes: q,
		comparison: await heldComparison(db, comparison, tiles(await forecast(db, cp, s), await quotes(db, cp, s)))
	};
}

/** What the Pronóstico page receives (its +page.server.ts): the compared page's frame, the hit-rate bands and the figures. */
export type ForecastData = ReturnType<typeof comparedPageFrame> & { hitBands: Settings['thresholds']['quote_hit_rate']; figures: ForecastPage };
