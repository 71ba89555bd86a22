-- Revenue R_m per calendar month from $from to $to (first days of months), months without sales
-- included as 0. Credit notes count negative. Money rounded half-up to cents only here, at the end.
WITH months AS (
	SELECT generate_series AS month
	FROM generate_series($from::DATE, $to::DATE, INTERVAL 1 MONTH)
),
totals AS (
	SELECT date_trunc('month', invoice_date) AS month, sum(amount) AS revenue, count(*) AS lines
	FROM invoice_lines
	WHERE invoice_date >= $from::DATE AND invoice_date < $to::DATE + INTERVAL 1 MONTH
	GROUP BY 1
)
SELECT strftime(m.month, '%Y-%m') AS month,
	round(coalesce(t.revenue, 0), 2)::DOUBLE AS revenue,
	coalesce(t.lines, 0)::INTEGER AS lines
FROM months m LEFT JOIN totals t ON t.month = m.month
ORDER BY m.month;
