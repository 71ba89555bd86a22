-- The rows retention and the sales events sum (client_product_lines.sql, for retention_events.sql), from
-- one of three sources, the same columns either way: client_id, product_line, day, amount, positive
-- (how many positive lines), up to to_date, after every filter but the client attributes (applied
-- by the callers to their groups, so the clients are joined to groups rather than to every line):
--   - the posted lines with their product's line (no tier or status filter, and no rollup);
--   - with use_rollups and no filter finer than a product line, the stored rollup per month, client
--     and product line (client_line_month_sales, migration 020): day is the month's first day, which
--     serves as the periods are whole months;
--   - with a tier or status filter and the same rollup allowed, its rows of the clients that filter
--     keeps, classified as every figure classifies them (cartera_client_classes, sales.sql: from the
--     month rollups; on 10M lines retention under a status filter took about 3 s classifying every line),
--     wherever sales.sql's cartera_sales_grain lets a rollup serve that filter;
--   - else, with a tier or status filter, the classified lines of lines.sql (cartera_lines), which
--     that filter needs (client-attribute filters are then applied there too, and again by the callers).
-- The choice depends on bound parameters only: the unused sources are not read.
-- From the rollup, only the months from the comparison period's start (prev_from_date, or from_date
-- if earlier) are read; each client and product line's earlier history is one row, its first
-- positive line's day (client_line_firsts, migration 025) with no amount: all that the callers ask
-- of those months is whether a positive line came before from_date (on a long history most rows).
CREATE OR REPLACE TEMP MACRO cartera_line_month_rows(since, to_date) AS TABLE
SELECT client_id, product_line, month, amount, positive_lines::INTEGER AS positive
FROM client_line_month_sales
WHERE month BETWEEN since AND to_date
UNION ALL
SELECT client_id, product_line, first_positive, 0::DECIMAL(38, 4), 1
FROM client_line_firsts
WHERE first_positive < since;

CREATE OR REPLACE TEMP MACRO cartera_retention_rows(prev_from_date, use_rollups, {{filter_params}}) AS TABLE
SELECT l.client_id, p.product_line, l.invoice_date AS day, l.amount, (l.amount > 0)::INTEGER AS positive
FROM invoice_lines l
LEFT JOIN products p ON p.product_id = l.product_id
WHERE {{computed_absent}} AND NOT (use_rollups AND {{below_product_line_absent}})
	AND l.doc_status NOT IN {{uncounted_statuses}} AND l.invoice_date <= to_date::DATE
	AND {{product_line_filter_conditions}}
UNION ALL
SELECT client_id, product_line, month, amount, positive
FROM cartera_line_month_rows(least(prev_from_date::DATE, from_date::DATE), to_date::DATE)
WHERE use_rollups AND {{computed_absent}} AND {{below_product_line_absent}}
	AND (f_product_line IS NULL OR product_line = f_product_line)
UNION ALL
SELECT client_id, product_line, month, amount, positive
FROM cartera_line_month_rows(least(prev_from_date::DATE, from_date::DATE), to_date::DATE)
WHERE NOT ({{computed_absent}}) AND cartera_sales_grain(use_rollups, true, {{product_side_params}}, f_status) = 'product_line'
	AND (f_product_line IS NULL OR product_line = f_product_line)
	AND client_id IN (
		SELECT client_id FROM cartera_client_classes({{filter_params}}, true, f_billing_tier IS NOT NULL, f_status IS NOT NULL)
		WHERE (f_billing_tier IS NULL OR billing_tier = f_billing_tier) AND (f_status IS NULL OR status = f_status)
	)
UNION ALL
SELECT client_id, product_line, invoice_date, amount, (amount > 0)::INTEGER
FROM cartera_lines({{filter_params}}, false)
WHERE NOT ({{computed_absent}}) AND invoice_date <= to_date::DATE
	AND cartera_sales_grain(use_rollups, true, {{product_side_params}}, f_status) = 'line';
