-- Each client's retention event (docs/definitions.md "Retention"), in one place for retention.sql
-- (the counts and the bridge) and list_retention_event.sql (the clients behind each of them), so
-- a list and its figure cannot disagree. Period P = from_date..to_date against the comparison
-- period P0 = prev_from_date..prev_to_date. Population: clients with any line in P or P0, after the
-- filters; the lines without a client form one client (GROUP BY keeps NULL as one group). Per
-- client r, r0 = Σ amount in P, P0 (credit notes negative), in DECIMAL; events by value:
--   stable r = r0; r > 0 ≥ r0: new if no positive line before P (any date), else reactivated;
--   expansion r > r0 > 0; contraction 0 < r < r0; churned r0 > 0 ≥ r; other (both ≤ 0, different).
-- bought_in_period, bought_before and product_lines feed the repeat rate and lines per client.
-- The sales events (docs/definitions.md "The four sales events") of each client, for sales_events.sql
-- and list_sales_event.sql: cross-sell when it had bought before P and bought in P in product lines
-- new to it: cross_sell_lines = how many (0 otherwise), cross_sell_amount = their revenue in P,
-- cross_sell_product_lines = their names. From one pass over the lines per client and product line
-- (client_product_lines.sql).
CREATE OR REPLACE TEMP MACRO cartera_retention_events(prev_from_date, prev_to_date, {{filter_params}}) AS TABLE
WITH per_client AS (
	SELECT client_id,
		coalesce(sum(r), 0) AS r,
		coalesce(sum(r0), 0) AS r0,
		bool_or(in_population) AS in_population,
		bool_or(bought_before) AS bought_before,
		bool_or(bought_in_period) AS bought_in_period,
		count(*) FILTER (WHERE bought_in_period AND product_line IS NOT NULL) AS product_lines,
		count(*) FILTER (WHERE new_line) AS new_lines,
		sum(r) FILTER (WHERE new_line) AS new_lines_amount,
		string_agg(product_line, ', ' ORDER BY product_line) FILTER (WHERE new_line) AS new_line_names
	FROM cartera_client_product_lines(prev_from_date, prev_to_date, {{filter_params}})
	GROUP BY client_id
)
SELECT client_id, r, r0, in_population, bought_before, bought_in_period, product_lines,
	CASE WHEN bought_before THEN new_lines ELSE 0 END AS cross_sell_lines,
	CASE WHEN bought_before THEN new_lines_amount END AS cross_sell_amount,
	CASE WHEN bought_before THEN new_line_names END AS cross_sell_product_lines,
	r - r0 AS change,
	CASE
		WHEN r = r0 THEN 'stable'
		WHEN r > 0 AND r0 <= 0 THEN CASE WHEN bought_before THEN 'reactivated' ELSE 'new' END
		WHEN r > r0 AND r0 > 0 THEN 'expansion'
		WHEN r > 0 AND r < r0 THEN 'contraction'
		WHEN r0 > 0 AND r <= 0 THEN 'churned'
		ELSE 'other'
	END AS event
FROM per_client
WHERE in_population;
