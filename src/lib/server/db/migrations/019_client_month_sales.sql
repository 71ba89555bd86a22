-- 019: per calendar month and client, the posted lines' net amount, their number, and the month's
-- first line and first positive line (issue 19).
-- Every figure that sums amounts over whole months per client (growth, forecast, concentration by
-- client, segmentation by a client's attribute or tier) reads these instead of the lines: on the
-- 10,000,000-line benchmark about 720,000 rows instead of 10,000,000 (queries/sales.sql decides
-- when it may). Figures that need single documents (the status rule's invoices in a day window,
-- activation's windows) read invoice_totals (007); those that need a product read the lines. A
-- client's first line and first purchase (activation) are the least first_day and first_positive
-- of its rows.
-- client_month_sales_source is the one definition; client_month_sales is its stored copy, brought
-- up to date in the transaction of every write to invoice_lines (rollups.ts: ingest, undo), for the
-- (month, client) pairs the write touched. Lines without a client form one row a month
-- (client_id NULL), as they form their own segment. Drafts and cancelled documents count in no
-- figure (docs/definitions.md "Document status"): left out here as in invoice_totals_source.
CREATE VIEW client_month_sales_source AS
	SELECT date_trunc('month', invoice_date)::DATE AS month, client_id, sum(amount) AS amount, count(*) AS lines,
		min(invoice_date) AS first_day, min(invoice_date) FILTER (WHERE amount > 0) AS first_positive
	FROM invoice_lines
	WHERE doc_status NOT IN ('draft', 'cancelled')
	GROUP BY ALL;

CREATE TABLE client_month_sales AS SELECT * FROM client_month_sales_source ORDER BY month, client_id;
