-- Retention and the four sales events (docs/definitions.md), period P = $from_date..$to_date against the
-- comparison period P0 = $prev_from_date..$prev_to_date (as many whole months just before P, or the
-- same months a year before, see retention.ts: with a period over 12 months that one overlaps P).
-- Population, r, r0 and each client's event: retention_events.sql, the one definition (clients with
-- any line in P or P0 after the filters; stable, new, reactivated, expansion, contraction, churned,
-- other by r and r0).
-- bridge[e] = Σ (r − r0) over the event's clients, so R0 + Σ bridge = R.
-- repeat_rate = clients with a positive line in P that also had one before P / clients with a
-- positive line in P; product_lines_per_client = mean, over the same clients, of the distinct
-- non-null product lines of their positive lines in P. NULL when no client has a positive line in P.
-- Computed, with the sales events, by cartera_retention_figures (retention_figures.sql).
-- Money is rounded half-up to cents only at the end. The rounded bridge is made to reconcile with the
-- rounded revenues too: when sub-cent amounts leave the half-up cents of the bridge short of
-- round(R) − round(R0) (by at most a few cents), the missing cents go one each to the events whose
-- rounding moved them furthest (largest remainder); with whole-cent data nothing changes.
SELECT revenue_previous, revenue, bridge_new, bridge_reactivated, bridge_expansion, bridge_contraction,
	bridge_churned, bridge_other, new, reactivated, expanded, contracted, churned, stable, other,
	repeat_rate, product_lines_per_client
FROM cartera_retention_figures($prev_from_date, $prev_to_date, false, $use_rollups, {{filters}});
