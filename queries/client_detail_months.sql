-- A client's revenue per calendar month from $chart_from (a first day) to $to_date, every month
-- present (0 when the client has no line in it), oldest first: Σ amount of the client's lines that
-- the filters keep, and how many, as every figure reads them (cartera_sales: from the client's month
-- rollup unless a filter picks lines finer than a product line). The tier and status filters come as
-- $kept, as in client_detail_products.sql.
WITH l AS (
	SELECT invoice_date, amount, lines
	FROM cartera_sales({{filters}}, false, $use_rollups, false)
	WHERE client_id = $client::VARCHAR AND invoice_date BETWEEN $chart_from::DATE AND $to_date::DATE AND $kept
),
months AS (
	SELECT m::DATE AS month FROM generate_series($chart_from::DATE, $to_date::DATE, INTERVAL 1 MONTH) g(m)
),
sums AS (
	SELECT date_trunc('month', invoice_date)::DATE AS month, sum(amount) AS revenue, sum(lines) AS lines
	FROM l GROUP BY 1
)
SELECT strftime(m.month, '%Y-%m') AS month, round(coalesce(s.revenue, 0), 2)::DOUBLE AS revenue,
	coalesce(s.lines, 0)::INTEGER AS lines
FROM months m LEFT JOIN sums s USING (month)
ORDER BY m.month;
