-- Each client's purchases per product line around period P = from_date..to_date and the comparison
-- period P0 = prev_from_date..prev_to_date, after the filters (docs/definitions.md "Filters"): the one
-- pass over the lines that retention_events.sql reads for each client's retention event and its
-- cross-sell (docs/definitions.md "The four sales events") when asked by_product_line. One row per client and product line (NULL
-- included; the lines without a client form one client, GROUP BY keeping NULL as one group), from
-- the posted lines up to to_date:
--   r, r0 = Σ amount in P, in P0 (credit notes included, DECIMAL; NULL without a line there);
--   in_population = a line in P or P0; bought_before / bought_in_period = a positive line before P / in P;
--   new_line = a product line (not NULL) bought in P and not before: a cross-sell when its client
--     had bought before P (retention_events.sql; a first purchase is not a cross-sell).
-- The rows are those of cartera_retention_rows (retention_rows.sql: the lines, the rollup per month,
-- client and product line, or the classified lines), grouped first and the clients joined after:
-- every filter but billing tier and status names the row's product line or its client, both kept by
-- the grouping, so filtering the groups keeps exactly the lines cartera_lines keeps (lines.sql: a
-- client-attribute filter drops the clients missing from the clients table), at a sixth of the
-- joins on 1M lines.
CREATE OR REPLACE TEMP MACRO cartera_client_product_lines(prev_from_date, prev_to_date, use_rollups, {{filter_params}}) AS TABLE
WITH grouped AS (
	SELECT client_id, product_line,
		sum(amount) FILTER (WHERE day >= from_date::DATE) AS r,
		sum(amount) FILTER (WHERE day BETWEEN prev_from_date::DATE AND prev_to_date::DATE) AS r0,
		bool_or(day >= from_date::DATE OR day BETWEEN prev_from_date::DATE AND prev_to_date::DATE) AS in_population,
		bool_or(positive > 0 AND day < from_date::DATE) AS bought_before,
		bool_or(positive > 0 AND day >= from_date::DATE) AS bought_in_period
	FROM cartera_retention_rows(prev_from_date, use_rollups, {{filter_params}})
	GROUP BY client_id, product_line
)
SELECT g.client_id, g.product_line, g.r, g.r0, coalesce(g.in_population, false) AS in_population,
	g.bought_before, g.bought_in_period,
	g.product_line IS NOT NULL AND g.bought_in_period AND NOT g.bought_before AS new_line
FROM grouped g
LEFT JOIN clients c ON c.client_id = g.client_id
WHERE {{client_line_filter_conditions}};
