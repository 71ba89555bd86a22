-- Loss reasons summed (docs/definitions.md "Loss reasons"): the records lost (outcome lost; a no-go
-- is not a loss) and closed in $from_date..$to_date, filters as in records.sql, grouped by
-- lost_reason as written (NULL: none given) and by one breakdown:
--   breakdown = 'sum'          one row, every lost record of the period (group and reason NULL),
--                              only when there is one;
--   breakdown = 'total'        every lost record of the period (group NULL);
--   breakdown = 'month'        the month of closed_at, YYYY-MM;
--   breakdown = 'owner'        the record's owner (NULL: none);
--   breakdown = 'product_line' the record's product line (NULL: none).
-- Per row: count, amount (Σ amount, a missing amount adds 0, rounded half-up to cents).
-- Rows: breakdowns in that order; within one, groups ascending (months oldest first, NULL last),
-- then most records, larger amount, reason (NULL last).
WITH lost AS (
	SELECT lost_reason AS reason, owner, product_line, strftime(closed_at, '%Y-%m') AS month, amount
	FROM cartera_records('opportunities', $use_rollups, {{filters}})
	WHERE outcome = 'lost' AND closed_at BETWEEN $from_date::DATE AND $to_date::DATE
),
grouped AS (
	SELECT CASE WHEN GROUPING(reason) = 1 THEN 'sum' WHEN GROUPING(month) = 0 THEN 'month' WHEN GROUPING(owner) = 0 THEN 'owner'
			WHEN GROUPING(product_line) = 0 THEN 'product_line' ELSE 'total' END AS breakdown,
		coalesce(month, owner, product_line) AS grp, reason, count(*) AS n, sum(amount) AS amount
	FROM lost
	GROUP BY GROUPING SETS ((), (reason), (month, reason), (owner, reason), (product_line, reason))
)
SELECT breakdown, grp AS "group", reason, n::INTEGER AS count, round(coalesce(amount, 0), 2)::DOUBLE AS amount
FROM grouped
ORDER BY list_position(['sum', 'total', 'month', 'owner', 'product_line'], breakdown), grp NULLS LAST, n DESC, amount DESC NULLS LAST, reason NULLS LAST;
