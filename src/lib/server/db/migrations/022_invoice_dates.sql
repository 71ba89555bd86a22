-- 022: the days the posted lines are dated on, with their number of lines (issue 19): a few hundred
-- rows a year, whatever the volume. The data's range (data_range.sql: every page's period presets)
-- and the provisional month (provisional_month.sql: growth, activation and the month's closing)
-- read the first and last days of the data and of each month from here instead of every line: on
-- the 10,000,000-line benchmark each read of the range took 0.1 s, and a page read it twice.
-- invoice_dates_source is the one definition; invoice_dates is its stored copy, kept like
-- client_month_sales (019) in the transaction of every write to invoice_lines (rollups.ts), for the
-- months the write touched. Drafts and cancelled documents are left out, as in every rollup.
CREATE VIEW invoice_dates_source AS
	SELECT date_trunc('month', invoice_date)::DATE AS month, invoice_date, count(*) AS lines
	FROM invoice_lines
	WHERE doc_status NOT IN ('draft', 'cancelled')
	GROUP BY ALL;

CREATE TABLE invoice_dates AS SELECT * FROM invoice_dates_source ORDER BY month, invoice_date;
