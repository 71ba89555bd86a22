-- Each client's retention event (docs/definitions.md "Retention"), in one place for retention.sql
-- (the counts and the bridge) and list_retention_event.sql (the clients behind each of them), so
-- a list and its figure cannot disagree. Period P = from_date..to_date against the comparison
-- period P0 = prev_from_date..prev_to_date. Population: clients with any line in P or P0, after the
-- filters; the lines without a client form one client (GROUP BY keeps NULL as one group). Per
-- client r, r0 = Σ amount in P, P0 (credit notes negative), in DECIMAL; events by value:
--   stable r = r0; r > 0 ≥ r0: new if no positive line before P (any date), else reactivated;
--   expansion r > r0 > 0; contraction 0 < r < r0; churned r0 > 0 ≥ r; other (both ≤ 0, different).
-- bought_in_period, bought_before and product_lines feed the repeat rate and lines per client.
-- by_product_line (a constant true or false) also gives each client's cross-sell (docs/definitions.md
-- "The four sales events", for sales_events.sql and list_sales_event.sql): when it had bought before
-- P and bought in P in product lines new to it (client_product_lines.sql), cross_sell_lines = how
-- many (0 otherwise), cross_sell_amount = their revenue in P, cross_sell_product_lines = their names.
-- Without it (retention, new captures, their lists) the cross-sell columns are NULL. Every column
-- comes from each client's purchases (cartera_client_purchases, client_product_lines.sql): one pass
-- over the rows, grouped per client and product line when by_product_line, else straight per client.
CREATE OR REPLACE TEMP MACRO cartera_retention_events(prev_from_date, prev_to_date, by_product_line, use_rollups, {{filter_params}}) AS TABLE
WITH per_client AS (
	SELECT client_id, coalesce(r, 0) AS r, coalesce(r0, 0) AS r0, in_population, bought_before, bought_in_period, product_lines,
		CASE WHEN NOT by_product_line THEN NULL WHEN bought_before THEN new_lines ELSE 0 END AS cross_sell_lines,
		-- NULL without by_product_line: cartera_client_purchases gives no new lines then.
		CASE WHEN bought_before THEN new_lines_amount END AS cross_sell_amount,
		CASE WHEN bought_before THEN new_line_names END AS cross_sell_product_lines
	FROM cartera_client_purchases(prev_from_date, prev_to_date, by_product_line, use_rollups, {{filter_params}})
)
SELECT *, r - r0 AS change,
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
