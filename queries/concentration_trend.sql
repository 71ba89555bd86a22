-- Concentration by month (docs/definitions.md "Concentration", each month of the period as its own
-- period): over the clients (or products, $by = 'product') with positive revenue in that month,
-- shares s_i = r_i / Σr; HHI = Σ(100·s_i)² and the top-10 share (n < 10 covers all n), by the
-- macros of concentration_measures.sql, as in concentration.sql. Lines without a client (or
-- product) are left out. Every month of the period has a row; a month without positive revenue
-- has n = 0 and NULL figures. A month after as_of, or the data's provisional month
-- (provisional_month.sql), is `partial`: shown, never judged.
-- By client, each month's revenue per client comes from the month rollup where it serves, as in
-- concentration.sql (cartera_sales, sales.sql; a rollup row is dated on its month's first day): at
-- 10M lines over ten years, reading the period's lines took 220 ms.
WITH l AS (
	SELECT * FROM cartera_sales({{filters}}, false, $use_rollups AND $by <> 'product', false)
	WHERE invoice_date BETWEEN $from_date::DATE AND $to_date::DATE
),
entities AS (
	SELECT date_trunc('month', invoice_date)::DATE AS month,
		CASE WHEN $by = 'product' THEN product_id ELSE client_id END AS id, sum(amount) AS r
	FROM l WHERE (CASE WHEN $by = 'product' THEN product_id ELSE client_id END) IS NOT NULL
	GROUP BY 1, 2 HAVING sum(amount) > 0
),
ranked AS (
	SELECT month, id, r::DOUBLE AS x,
		row_number() OVER (PARTITION BY month ORDER BY r DESC, id ASC) AS rank_desc,
		sum(r) OVER (PARTITION BY month) AS total
	FROM entities
),
per_month AS (
	SELECT month,
		count(*)::INTEGER AS n,
		round(any_value(total), 2)::DOUBLE AS total_revenue,
		cartera_hhi(x, total) AS hhi,
		cartera_top_share(x, rank_desc, 10, total) AS top10
	FROM ranked GROUP BY month
),
months AS (
	SELECT m::DATE AS month
	FROM generate_series(date_trunc('month', $from_date::DATE), date_trunc('month', $to_date::DATE), INTERVAL 1 MONTH) t(m)
)
SELECT strftime(m.month, '%Y-%m') AS month,
	coalesce(p.n, 0) AS n,
	coalesce(p.total_revenue, 0)::DOUBLE AS total_revenue,
	p.hhi, p.top10,
	last_day(m.month) > $as_of::DATE OR coalesce(pv.provisional, false) AS partial,
	coalesce(pv.provisional, false) AS provisional
FROM months m LEFT JOIN per_month p ON p.month = m.month
LEFT JOIN cartera_provisional_month() pv ON pv.month = m.month
ORDER BY m.month;
