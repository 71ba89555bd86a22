// The part of a shared parameter set one SQL text binds (queries.ts, metrics/line-statuses.ts).
import type { Params } from './db/database';

/**
 * The parameters the query's text names ($name): DuckDB refuses a bound name the SQL does not use,
 * and figures share one parameter set (metrics/bind.ts) of which each query uses a part.
 */
export function usedParams(text: string, params: Params): Params {
	if (Array.isArray(params)) return params;
	const used: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(params)) if (new RegExp(`\\$${k}\\b`).test(text)) used[k] = v;
	return used as Params;
}
