-- Whether the new lines per client come from the stored first purchases per product line: the rows are
-- then the rollup's (retention_rows.sql's second source), whose firsts they agree with.
CREATE OR REPLACE TEMP MACRO cartera_purchase_firsts_serve(by_product_line, use_rollups, {{filter_params}}) AS
	by_product_line AND use_rollups AND {{computed_absent}} AND {{below_product_line_absent}};

-- Each client's purchases around period P = from_date..to_date and the comparison period
-- P0 = prev_from_date..prev_to_date, after the filters (docs/definitions.md "Filters"): the one pass
-- over the rows of cartera_retention_rows (retention_rows.sql: the lines, the rollup per month,
-- client and product line, or the classified lines) that retention_events.sql reads for each
-- client's retention event and, asked by_product_line, its cross-sell (docs/definitions.md "The four
-- sales events"). One row per client (the lines without a client form one client, GROUP BY keeping
-- NULL as one group), from the posted lines up to to_date:
--   r, r0 = Σ amount in P, in P0 (credit notes included, DECIMAL; NULL without a line there);
--   in_population = a line in P or P0; bought_before / bought_in_period = a positive line before P / in P;
--   product_lines = the product lines (not NULL) with a positive line in P (NULL from the rollup with
--     by_product_line: the sales events do not read it);
--   by_product_line only: new_lines = the product lines (not NULL) bought in P and not before,
--     new_lines_amount = Σ their amount in P, new_line_names = their names (NULL otherwise).
-- With by_product_line the rows are grouped per client and product line, then per client; without,
-- straight per client, which costs a quarter less (1M lines over three years: 40 ms, not 55). With
-- by_product_line read from the stored rollup (cartera_purchase_firsts_serve: no filter finer than a
-- product line), straight per client too, and the new lines are those whose first purchase
-- (client_line_firsts, migration 025) falls in P, with the rollup's amount in P: the sales events
-- at 1M lines take 70–78 ms, not 99–109 (grouping 530,000 rows per client and product line went). The
-- rows are bound once (a CTE inlined in both groupings; two calls of cartera_retention_rows cost
-- about 5 ms more planning) and DuckDB drops the grouping not taken before it runs.
-- The clients are joined to the groups, not to every line: every filter but billing tier and status
-- names the row's product line or its client, both kept by the grouping, so filtering the groups
-- keeps exactly the lines cartera_lines keeps (lines.sql: a client-attribute filter drops the
-- clients missing from the clients table), at a sixth of the joins on 1M lines.
CREATE OR REPLACE TEMP MACRO cartera_client_purchases(prev_from_date, prev_to_date, by_product_line, use_rollups, {{filter_params}}) AS TABLE
WITH purchase_rows AS NOT MATERIALIZED (
	SELECT client_id, product_line, amount, positive,
		day >= from_date::DATE AS in_p,
		day BETWEEN prev_from_date::DATE AND prev_to_date::DATE AS in_p0,
		positive > 0 AND day < from_date::DATE AS before_p,
		positive > 0 AND day >= from_date::DATE AS bought_p
	FROM cartera_retention_rows(prev_from_date, use_rollups, {{filter_params}})
),
bought_line_counts AS (
	-- product_lines without by_product_line (retention's lines per client): the distinct pairs first,
	-- then a count per client, reading the rows a second time. A count(DISTINCT) inside the grouping
	-- per client made DuckDB keep a set per client: that grouping took 39 ms, not 26 (1M lines over
	-- three years; retention 80 → 71 ms in all). With by_product_line nothing reads product_lines
	-- (the sales events), so it is not computed.
	SELECT client_id, count(*) AS product_lines
	FROM (
		SELECT DISTINCT client_id, product_line
		FROM purchase_rows
		WHERE NOT by_product_line AND bought_p AND product_line IS NOT NULL
	)
	GROUP BY client_id
),
line_groups AS (
	SELECT client_id, product_line,
		sum(amount) FILTER (WHERE in_p) AS r,
		sum(amount) FILTER (WHERE in_p0) AS r0,
		bool_or(in_p OR in_p0) AS in_population,
		bool_or(before_p) AS bought_before,
		bool_or(bought_p) AS bought_in_period
	FROM purchase_rows
	WHERE by_product_line AND NOT cartera_purchase_firsts_serve(by_product_line, use_rollups, {{filter_params}})
	GROUP BY client_id, product_line
),
new_line_groups AS (
	-- From the stored rollup: a product line is new to a client in P when its first purchase there
	-- (client_line_firsts, migration 025) falls in P; its amount is the rollup's in P.
	SELECT client_id, count(*) AS new_lines, sum(r) AS new_lines_amount,
		string_agg(product_line, ', ' ORDER BY product_line) AS new_line_names
	FROM (
		SELECT m.client_id, m.product_line, sum(m.amount) AS r
		FROM client_line_firsts f
		JOIN client_line_month_sales m ON m.client_id IS NOT DISTINCT FROM f.client_id AND m.product_line = f.product_line
		WHERE cartera_purchase_firsts_serve(by_product_line, use_rollups, {{filter_params}}) AND f.first_positive BETWEEN from_date::DATE AND to_date::DATE
			AND m.month BETWEEN from_date::DATE AND to_date::DATE
			AND (f_product_line IS NULL OR f.product_line = f_product_line)
		GROUP BY m.client_id, m.product_line
	)
	GROUP BY client_id
),
groups AS (
	SELECT client_id, sum(r) AS r, sum(r0) AS r0,
		bool_or(in_population) AS in_population,
		bool_or(bought_before) AS bought_before,
		bool_or(bought_in_period) AS bought_in_period,
		count(*) FILTER (WHERE bought_in_period AND product_line IS NOT NULL) AS product_lines,
		count(*) FILTER (WHERE new_line) AS new_lines,
		sum(r) FILTER (WHERE new_line) AS new_lines_amount,
		string_agg(product_line, ', ' ORDER BY product_line) FILTER (WHERE new_line) AS new_line_names
	FROM (SELECT *, product_line IS NOT NULL AND bought_in_period AND NOT bought_before AS new_line FROM line_groups)
	GROUP BY client_id
	UNION ALL
	-- Straight per client: without by_product_line (no new lines, new_line_groups is empty), or
	-- with the new lines from the stored first purchases.
	SELECT g.*, CASE WHEN NOT by_product_line THEN coalesce(b.product_lines, 0) END, CASE WHEN by_product_line THEN coalesce(n.new_lines, 0) END, n.new_lines_amount, n.new_line_names
	FROM (
		SELECT client_id,
			sum(amount) FILTER (WHERE in_p) AS r,
			sum(amount) FILTER (WHERE in_p0) AS r0,
			bool_or(in_p OR in_p0) AS in_population,
			bool_or(before_p) AS bought_before,
			bool_or(bought_p) AS bought_in_period
		FROM purchase_rows
		WHERE NOT by_product_line OR cartera_purchase_firsts_serve(by_product_line, use_rollups, {{filter_params}})
		GROUP BY client_id
	) g
	LEFT JOIN bought_line_counts b ON b.client_id IS NOT DISTINCT FROM g.client_id
	LEFT JOIN new_line_groups n ON n.client_id IS NOT DISTINCT FROM g.client_id
)
SELECT g.*
FROM groups g
LEFT JOIN clients c ON c.client_id = g.client_id
WHERE {{client_line_filter_conditions}};
