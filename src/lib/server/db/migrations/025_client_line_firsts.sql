-- 025: per client and product line, the month of its first positive line (issue 19). Retention and
-- the four sales events ask of each client and product line whether it bought before the period
-- (a repeat purchase, a new line: cross-sell); from client_line_month_sales (020) that took every
-- month of the history. With this table they read only the months of the period and of its
-- comparison, and one row per client and product line for the years before (retention_rows.sql).
-- client_line_firsts_source is the one definition, from the lines; client_line_firsts is kept from
-- client_line_month_sales (same grain, much fewer rows) in the transaction of every write to the
-- lines or the products, for the clients the write touched (client-month-sales.ts). Pairs that
-- never had a positive line have no row; the NULL client and the NULL product line are rows as in 020.
CREATE VIEW client_line_firsts_source AS
	SELECT l.client_id, p.product_line, date_trunc('month', min(l.invoice_date))::DATE AS first_positive
	FROM invoice_lines l
	LEFT JOIN products p ON p.product_id = l.product_id
	WHERE l.doc_status NOT IN ('draft', 'cancelled') AND l.amount > 0
	GROUP BY ALL;

CREATE TABLE client_line_firsts AS
	SELECT client_id, product_line, min(month) AS first_positive
	FROM client_line_month_sales
	WHERE positive_lines > 0
	GROUP BY ALL
	ORDER BY client_id, product_line;
