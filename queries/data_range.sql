-- First and last invoice dates held, to choose default periods (posted documents: those that count,
-- from their stored days, invoice_dates, migration 022),
-- and the data's provisional month (provisional_month.sql) when a month before it is held: the
-- default period then ends before it (period.ts defaultPeriod).
WITH r AS (
	SELECT min(invoice_date) AS first_date, max(invoice_date) AS last_date, coalesce(sum(lines), 0)::INTEGER AS lines
	FROM invoice_dates
)
SELECT strftime(r.first_date, '%Y-%m-%d') AS first_date,
	strftime(r.last_date, '%Y-%m-%d') AS last_date,
	r.lines,
	CASE WHEN pv.provisional AND pv.month > date_trunc('month', r.first_date) THEN strftime(pv.month, '%Y-%m') END AS provisional_month
FROM r LEFT JOIN cartera_provisional_month() pv ON true;
