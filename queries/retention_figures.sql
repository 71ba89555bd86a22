-- Retention and the sales events of period P = from_date..to_date against the comparison period
-- P0 = prev_from_date..prev_to_date, one row, for retention.sql (the retention document) and
-- sales_events.sql (the four sales events): both from one computation of each client's event
-- (retention_events.sql), so higher volume is the bridge's expansion by construction and the sales
-- events need no second run of retention. with_sales (a constant true or false) asks the events per
-- product line, with cross-sell (retention_events.sql's by_product_line); without it cross-sell is 0.
-- The definitions are in retention.sql (bridge, its cents, movements, repeat rate) and
-- sales_events.sql (repeat, first purchase, cross-sell).
CREATE OR REPLACE TEMP MACRO cartera_retention_figures(prev_from_date, prev_to_date, with_sales, use_rollups, {{filter_params}}) AS TABLE
WITH events AS MATERIALIZED (
	-- Each client's r, r0 and event: the one definition, retention_events.sql (the lists behind
	-- these counts and bars read the same, list_retention_event.sql).
	SELECT * FROM cartera_retention_events(prev_from_date, prev_to_date, with_sales, use_rollups, {{filter_params}})
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
		avg(product_lines) FILTER (WHERE bought_in_period) AS product_lines_per_client,
		-- The sales events (sales_events.sql).
		coalesce(sum(r) FILTER (WHERE bought_in_period AND bought_before), 0) AS repeat_amount,
		count(*) FILTER (WHERE bought_in_period AND NOT bought_before) AS first_clients,
		coalesce(sum(r) FILTER (WHERE bought_in_period AND NOT bought_before), 0) AS first_amount,
		count(*) FILTER (WHERE cross_sell_lines > 0) AS cross_sell_clients,
		coalesce(sum(cross_sell_amount), 0) AS cross_sell_amount,
		coalesce(sum(cross_sell_lines), 0) AS cross_sell_lines
	FROM events
)
SELECT
	t.revenue_previous::DOUBLE AS revenue_previous,
	t.revenue::DOUBLE AS revenue,
	r.new::DOUBLE AS bridge_new,
	r.reactivated::DOUBLE AS bridge_reactivated,
	r.expansion::DOUBLE AS bridge_expansion,
	r.contraction::DOUBLE AS bridge_contraction,
	r.churned::DOUBLE AS bridge_churned,
	r.other::DOUBLE AS bridge_other,
	c.new::INTEGER AS new,
	c.reactivated::INTEGER AS reactivated,
	c.expanded::INTEGER AS expanded,
	c.contracted::INTEGER AS contracted,
	c.churned::INTEGER AS churned,
	c.stable::INTEGER AS stable,
	c.other::INTEGER AS other,
	CASE WHEN c.buyers > 0 THEN c.repeat_buyers::DOUBLE / c.buyers END AS repeat_rate,
	c.product_lines_per_client::DOUBLE AS product_lines_per_client,
	c.buyers::INTEGER AS buyers,
	c.repeat_buyers::INTEGER AS repeat_clients,
	round(c.repeat_amount, 2)::DOUBLE AS repeat_amount,
	c.first_clients::INTEGER AS first_clients,
	round(c.first_amount, 2)::DOUBLE AS first_amount,
	c.cross_sell_clients::INTEGER AS cross_sell_clients,
	round(c.cross_sell_amount, 2)::DOUBLE AS cross_sell_amount,
	c.cross_sell_lines::INTEGER AS cross_sell_lines
-- The six bridge amounts read in one pass over reconciled, not by six scalar subqueries: DuckDB plans
-- each subquery's copy of reconciled apart (at 1M lines an EXPLAIN took 35 → 27 ms).
FROM totals t, counts c, (
	SELECT any_value(amount) FILTER (WHERE event = 'new') AS new,
		any_value(amount) FILTER (WHERE event = 'reactivated') AS reactivated,
		any_value(amount) FILTER (WHERE event = 'expansion') AS expansion,
		any_value(amount) FILTER (WHERE event = 'contraction') AS contraction,
		any_value(amount) FILTER (WHERE event = 'churned') AS churned,
		any_value(amount) FILTER (WHERE event = 'other') AS other
	FROM reconciled
) r;
