-- 025: per client and product line, the days of its first line and first positive line (issue 19).
-- Two readers need them:
-- - Retention and the four sales events ask of each client and product line whether it bought
--   before the period (a repeat purchase, a new line: cross-sell). From client_line_month_sales (020)
--   that took every month of the history. With this table they read only the months of the period
--   and of its comparison, and one row per client and product line for the years before
--   (retention_rows.sql).
-- - A status within a product line (a status filter with a product-line filter) is the status rule
--   on that line's documents: its first line and first purchase come from here, its window from
--   that line's documents in the window (sales.sql), where every figure classified every line.
-- client_line_month_sales gains the month's first line and first and last positive line per client
-- and product line (as client_month_sales has them per client, 019 and 023: the client list within a
-- product line reads them), and client_line_firsts is
-- kept from it, in the transaction of every write to the lines or the products, for the clients the
-- write touched (client-month-sales.ts). client_line_firsts_source is its definition from the lines.
-- The NULL client and the NULL product line are rows as in 020.
CREATE OR REPLACE VIEW client_line_month_sales_source AS
	SELECT date_trunc('month', l.invoice_date)::DATE AS month, l.client_id, p.product_line,
		sum(l.amount) AS amount, count(*) AS lines, count(*) FILTER (WHERE l.amount > 0) AS positive_lines,
		min(l.invoice_date) AS first_day, min(l.invoice_date) FILTER (WHERE l.amount > 0) AS first_positive,
		max(l.invoice_date) FILTER (WHERE l.amount > 0) AS last_positive
	FROM invoice_lines l
	LEFT JOIN products p ON p.product_id = l.product_id
	WHERE l.doc_status NOT IN ('draft', 'cancelled')
	GROUP BY ALL;

CREATE OR REPLACE TABLE client_line_month_sales AS
	SELECT * FROM client_line_month_sales_source ORDER BY month, client_id, product_line;

CREATE VIEW client_line_firsts_source AS
	SELECT l.client_id, p.product_line, min(l.invoice_date) AS first_day,
		min(l.invoice_date) FILTER (WHERE l.amount > 0) AS first_positive
	FROM invoice_lines l
	LEFT JOIN products p ON p.product_id = l.product_id
	WHERE l.doc_status NOT IN ('draft', 'cancelled')
	GROUP BY ALL;

CREATE TABLE client_line_firsts AS
	SELECT client_id, product_line, min(first_day) AS first_day, min(first_positive) AS first_positive
	FROM client_line_month_sales
	GROUP BY ALL
	ORDER BY client_id, product_line;
