-- The provisional month (docs/definitions.md "Partial and provisional months"): the latest month
-- of the data (posted lines, no filter: the data's, not a segment's) whose last invoice date is
-- before the month's end and before the data's usual closing day. The usual closing day is the
-- smallest day-of-month of the last invoice date over the up-to-12 months with data before it
-- (with none, the month's last day). One row for the latest month, provisional or not; no row
-- without data.
CREATE OR REPLACE TEMP MACRO cartera_provisional_month() AS TABLE
WITH per_month AS (
	SELECT date_trunc('month', invoice_date)::DATE AS month, max(invoice_date) AS last_date
	FROM invoice_lines
	WHERE doc_status NOT IN {{uncounted_statuses}}
	GROUP BY 1
),
latest AS (
	SELECT * FROM per_month ORDER BY month DESC LIMIT 1
),
closing AS (
	SELECT min(day(p.last_date))::INTEGER AS closing_day
	FROM per_month p, latest l
	WHERE p.month < l.month AND p.month >= l.month - INTERVAL 12 MONTH
)
SELECT l.month, l.last_date,
	day(l.last_date)::INTEGER AS days_covered,
	day(last_day(l.month))::INTEGER AS days_in_month,
	c.closing_day,
	l.last_date < last_day(l.month) AND day(l.last_date) < coalesce(c.closing_day, day(last_day(l.month))) AS provisional
FROM latest l CROSS JOIN closing c;
