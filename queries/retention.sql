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
-- Money is rounded half-up to cents only at the end. The rounded bridge is made to reconcile with the
-- rounded revenues too: when sub-cent amounts leave the half-up cents of the bridge short of
-- round(R) − round(R0) (by at most a few cents), the missing cents go one each to the events whose
-- rounding moved them furthest (largest remainder); with whole-cent data nothing changes.
WITH events AS MATERIALIZED (
	-- Each client's r, r0 and event: the one definition, retention_events.sql (the lists behind
	-- these counts and bars read the same, list_retention_event.sql).
	SELECT * FROM cartera_retention_events($prev_from_date, $prev_to_date, {{filters}})
),
totals AS (
	SELECT round(coalesce(sum(r), 0), 2) AS revenue, round(coalesce(sum(r0), 0), 2) AS revenue_previous FROM events
),
bridge AS (
	SELECT b.event, coalesce(sum(e.change), 0) AS exact, round(coalesce(sum(e.change), 0), 2) AS half
	FROM (VALUES ('new'), ('reactivated'), ('expansion'), ('contraction'), ('churned'), ('other')) b(event)
	LEFT JOIN events e USING (event)
	GROUP BY b.event
),
gap AS (
	-- Whole cents by which the half-up bridge misses round(R) − round(R0); 0 with whole-cent data.
	SELECT ((any_value(t.revenue) - any_value(t.revenue_previous) - sum(b.half)) * 100)::INTEGER AS cents
	FROM bridge b, totals t
),
reconciled AS (
	SELECT b.event,
		b.half + CASE
			WHEN g.cents > 0 AND row_number() OVER (ORDER BY b.exact - b.half DESC, b.event) <= g.cents THEN 0.01
			WHEN g.cents < 0 AND row_number() OVER (ORDER BY b.exact - b.half ASC, b.event) <= -g.cents THEN -0.01
			ELSE 0
		END AS amount
	FROM bridge b, gap g
),
counts AS (
	SELECT
		count(*) FILTER (WHERE event = 'new') AS new,
		count(*) FILTER (WHERE event = 'reactivated') AS reactivated,
		count(*) FILTER (WHERE event = 'expansion') AS expanded,
		count(*) FILTER (WHERE event = 'contraction') AS contracted,
		count(*) FILTER (WHERE event = 'churned') AS churned,
		count(*) FILTER (WHERE event = 'stable') AS stable,
		count(*) FILTER (WHERE event = 'other') AS other,
		count(*) FILTER (WHERE bought_in_period) AS buyers,
		count(*) FILTER (WHERE bought_in_period AND bought_before) AS repeat_buyers,
		avg(product_lines) FILTER (WHERE bought_in_period) AS product_lines_per_client
	FROM events
)
SELECT
	t.revenue_previous::DOUBLE AS revenue_previous,
	t.revenue::DOUBLE AS revenue,
	(SELECT amount FROM reconciled WHERE event = 'new')::DOUBLE AS bridge_new,
	(SELECT amount FROM reconciled WHERE event = 'reactivated')::DOUBLE AS bridge_reactivated,
	(SELECT amount FROM reconciled WHERE event = 'expansion')::DOUBLE AS bridge_expansion,
	(SELECT amount FROM reconciled WHERE event = 'contraction')::DOUBLE AS bridge_contraction,
	(SELECT amount FROM reconciled WHERE event = 'churned')::DOUBLE AS bridge_churned,
	(SELECT amount FROM reconciled WHERE event = 'other')::DOUBLE AS bridge_other,
	c.new::INTEGER AS new,
	c.reactivated::INTEGER AS reactivated,
	c.expanded::INTEGER AS expanded,
	c.contracted::INTEGER AS contracted,
	c.churned::INTEGER AS churned,
	c.stable::INTEGER AS stable,
	c.other::INTEGER AS other,
	CASE WHEN c.buyers > 0 THEN c.repeat_buyers::DOUBLE / c.buyers END AS repeat_rate,
	c.product_lines_per_client::DOUBLE AS product_lines_per_client
FROM totals t, counts c;
