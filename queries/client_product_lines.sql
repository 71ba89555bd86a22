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
-- The lines are grouped first and the clients joined after: every filter but billing tier and status
-- names the line's product or its client, both kept by the grouping, so filtering the groups keeps
-- exactly the lines cartera_lines keeps (lines.sql: a client-attribute filter drops the clients
-- missing from the clients table), at a sixth of the joins on 1M lines. A tier or status filter needs
-- the classification of lines.sql: then the lines come from cartera_lines (the second branch; the
-- first is then empty, and the other way round).
-- With use_rollups and no filter finer than a product line, from client_line_month_sales (migration 020)
-- as in retention_events.sql.
CREATE OR REPLACE TEMP MACRO cartera_client_product_lines(prev_from_date, prev_to_date, use_rollups, {{filter_params}}) AS TABLE
WITH grouped AS (
	SELECT l.client_id, p.product_line,
		sum(l.amount) FILTER (WHERE l.invoice_date >= from_date::DATE) AS r,
		sum(l.amount) FILTER (WHERE l.invoice_date BETWEEN prev_from_date::DATE AND prev_to_date::DATE) AS r0,
		bool_or(l.invoice_date >= from_date::DATE OR l.invoice_date BETWEEN prev_from_date::DATE AND prev_to_date::DATE) AS in_population,
		bool_or(l.amount > 0 AND l.invoice_date < from_date::DATE) AS bought_before,
		bool_or(l.amount > 0 AND l.invoice_date >= from_date::DATE) AS bought_in_period
	FROM invoice_lines l
	LEFT JOIN products p ON p.product_id = l.product_id
	WHERE {{computed_absent}} AND NOT (use_rollups AND {{below_product_line_absent}})
		AND l.doc_status NOT IN {{uncounted_statuses}} AND l.invoice_date <= to_date::DATE
		AND {{product_line_filter_conditions}}
	GROUP BY l.client_id, p.product_line
	UNION ALL
	SELECT s.client_id, s.product_line,
		sum(s.amount) FILTER (WHERE s.month >= from_date::DATE),
		sum(s.amount) FILTER (WHERE s.month BETWEEN prev_from_date::DATE AND prev_to_date::DATE),
		bool_or(s.month >= from_date::DATE OR s.month BETWEEN prev_from_date::DATE AND prev_to_date::DATE),
		bool_or(s.positive_lines > 0 AND s.month < from_date::DATE),
		bool_or(s.positive_lines > 0 AND s.month >= from_date::DATE)
	FROM client_line_month_sales s
	WHERE use_rollups AND {{computed_absent}} AND {{below_product_line_absent}} AND s.month <= to_date::DATE
		AND (f_product_line IS NULL OR s.product_line = f_product_line)
	GROUP BY s.client_id, s.product_line
	UNION ALL
	SELECT client_id, product_line,
		sum(amount) FILTER (WHERE invoice_date >= from_date::DATE),
		sum(amount) FILTER (WHERE invoice_date BETWEEN prev_from_date::DATE AND prev_to_date::DATE),
		bool_or(invoice_date >= from_date::DATE OR invoice_date BETWEEN prev_from_date::DATE AND prev_to_date::DATE),
		bool_or(amount > 0 AND invoice_date < from_date::DATE),
		bool_or(amount > 0 AND invoice_date >= from_date::DATE)
	FROM cartera_lines({{filter_params}}, false)
	WHERE NOT ({{computed_absent}}) AND invoice_date <= to_date::DATE
	GROUP BY client_id, product_line
)
SELECT g.client_id, g.product_line, g.r, g.r0, coalesce(g.in_population, false) AS in_population,
	g.bought_before, g.bought_in_period,
	g.product_line IS NOT NULL AND g.bought_in_period AND NOT g.bought_before AS new_line
FROM grouped g
LEFT JOIN clients c ON c.client_id = g.client_id
WHERE {{client_line_filter_conditions}};
