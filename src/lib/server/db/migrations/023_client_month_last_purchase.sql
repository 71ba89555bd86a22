-- 023: each row of client_month_sales (019) also keeps the month's last positive line, the
-- client's last purchase in that month (issue 19). The client list (client_list.sql) reads a
-- client's revenues, first line, first and last purchase from the month rollup instead of every
-- line: on the 10,000,000-line benchmark its first page took 2.6 s from the lines.
CREATE OR REPLACE VIEW client_month_sales_source AS
	SELECT date_trunc('month', invoice_date)::DATE AS month, client_id, sum(amount) AS amount, count(*) AS lines,
		min(invoice_date) AS first_day, min(invoice_date) FILTER (WHERE amount > 0) AS first_positive,
		max(invoice_date) FILTER (WHERE amount > 0) AS last_positive
	FROM invoice_lines
	WHERE doc_status NOT IN ('draft', 'cancelled')
	GROUP BY ALL;

ALTER TABLE client_month_sales ADD COLUMN last_positive DATE;
UPDATE client_month_sales s SET last_positive = n.last_positive
FROM client_month_sales_source n
WHERE n.month = s.month AND n.client_id IS NOT DISTINCT FROM s.client_id;
