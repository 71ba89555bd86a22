-- The provisional month (docs/definitions.md "Partial and provisional months", DESIGN.md "Partial
-- month"): the latest month of the data (posted lines, no filter: the data's, not a segment's) is
-- `incomplete` when its last invoice date is more than 3 days before the month's last day AND
-- before the data's usual closing day (data that always ends on the 25th is complete on the 25th).
-- The usual closing day is the smallest day-of-month of the last invoice date over the up-to-12
-- months with data before it (with none, the month's last day). An incomplete month is
-- `provisional` until an analyst marks it closed (closed_months, migration 013); a later month
-- with data makes it no longer the latest. One row for the latest month, provisional or not; no
-- row without data.
CREATE OR REPLACE TEMP MACRO cartera_provisional_month() AS TABLE
WITH per_month AS (
	-- From the stored days of the posted lines (invoice_dates, migration 022: a few hundred rows),
	-- not from every line: on 10M lines 0.1 s less for each figure that asks.
	SELECT month, max(invoice_date) AS last_date
	FROM invoice_dates
	GROUP BY month
),
latest AS (
	SELECT * FROM per_month ORDER BY month DESC LIMIT 1
),
closing AS (
	SELECT min(day(p.last_date))::INTEGER AS closing_day
	FROM per_month p, latest l
	WHERE p.month < l.month AND p.month >= l.month - INTERVAL 12 MONTH
),
figures AS (
	SELECT l.month, l.last_date,
		day(l.last_date)::INTEGER AS days_covered,
		day(last_day(l.month))::INTEGER AS days_in_month,
		c.closing_day
	FROM latest l CROSS JOIN closing c
),
judged AS (
	SELECT *, days_in_month - days_covered > 3 AND days_covered < coalesce(closing_day, days_in_month) AS incomplete
	FROM figures
)
SELECT j.*, cm.closed_by, cm.closed_at,
	j.incomplete AND cm.month IS NULL AS provisional
FROM judged j LEFT JOIN closed_months cm ON cm.month = j.month;
