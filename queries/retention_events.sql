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
-- comes from the one pass per client and product line of client_product_lines.sql, summed per
-- client. A second pass straight per client, for the callers without by_product_line, cost less to
-- run but DuckDB bound both and pruned one only after: its planning took longer than it saved (at
-- 1M lines over three years the sales events spent about 45 ms planning, 25 of them on the pass not taken).
-- The rows come from the lines, the rollup per month, client and product line, or the classified
-- lines, as cartera_retention_rows (retention_rows.sql) decides; they are grouped per client first
-- and the clients joined after: every filter but billing tier and status names the row's product
-- line or its client (kept by the grouping), so filtering the groups keeps exactly the lines
-- cartera_lines keeps (lines.sql: a client-attribute filter drops the clients missing from the
-- clients table), without joining the clients to every line.
CREATE OR REPLACE TEMP MACRO cartera_retention_events(prev_from_date, prev_to_date, by_product_line, use_rollups, {{filter_params}}) AS TABLE
WITH per_client AS (
	SELECT client_id, coalesce(r, 0) AS r, coalesce(r0, 0) AS r0, in_population, bought_before, bought_in_period, product_lines,
		CASE WHEN NOT by_product_line THEN NULL WHEN bought_before THEN new_lines ELSE 0 END AS cross_sell_lines,
		CASE WHEN by_product_line AND bought_before THEN new_lines_amount END AS cross_sell_amount,
		CASE WHEN by_product_line AND bought_before THEN new_line_names END AS cross_sell_product_lines
	FROM (
		SELECT client_id, sum(r) AS r, sum(r0) AS r0,
			bool_or(in_population) AS in_population,
			bool_or(bought_before) AS bought_before,
			bool_or(bought_in_period) AS bought_in_period,
			count(*) FILTER (WHERE bought_in_period AND product_line IS NOT NULL) AS product_lines,
			count(*) FILTER (WHERE new_line) AS new_lines,
			sum(r) FILTER (WHERE new_line) AS new_lines_amount,
			string_agg(product_line, ', ' ORDER BY product_line) FILTER (WHERE new_line) AS new_line_names
		FROM cartera_client_product_lines(prev_from_date, prev_to_date, use_rollups, {{filter_params}})
		GROUP BY client_id
	)
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
