-- Monthly growth (docs/definitions.md): revenue R_m per calendar month from $from_date to $to_date
-- (months without sales at 0), MoM = (R_m − R_{m−1}) / R_{m−1} and YoY against R_{m−12}, NULL
-- when the base is ≤ 0 (the base months may lie before the period); revenue_year_before is
-- R_{m−12} itself (shown beside YoY). Status judges MoM against
-- the thresholds in force that month ($growth_rules, JSON: [{from, approve_at, observe_below,
-- reject_below}], each from its month (null: always) until the next): ≥ approve_at approved;
-- < reject_below rejected; < observe_below observed; otherwise acceptable. A month whose last day
-- is after as_of is partial: no status. The data's provisional month (provisional_month.sql: its
-- lines end before the month and the data's usual closing day) is partial too and `provisional`,
-- with a projection: projected_revenue = R_m × days in month ÷ days covered (to the last invoice
-- date), half-up to cents, and projected_mom against R_{m−1} (NULL when that base is ≤ 0).
-- A rule with judged = false (its threshold is the portfolio's while filters are in force,
-- settings.ts judged()) gives no status.
WITH l AS (
	SELECT invoice_date, amount FROM cartera_sales({{filters}}, false, $use_rollups, false)
),
months AS (
	SELECT generate_series AS month
	FROM generate_series($from_date::DATE - INTERVAL 12 MONTH, date_trunc('month', $to_date::DATE)::DATE, INTERVAL 1 MONTH)
),
by_month AS (
	SELECT date_trunc('month', invoice_date)::DATE AS month, sum(amount) AS revenue
	FROM l
	WHERE invoice_date >= $from_date::DATE - INTERVAL 12 MONTH AND invoice_date <= $to_date::DATE
	GROUP BY 1
),
totals AS (
	SELECT m.month, coalesce(b.revenue, 0) AS revenue
	FROM months m LEFT JOIN by_month b ON b.month = m.month
),
growth AS (
	SELECT month, revenue,
		lag(revenue, 1) OVER (ORDER BY month) AS base_mom,
		lag(revenue, 12) OVER (ORDER BY month) AS base_yoy
	FROM totals
),
rules AS (
	SELECT coalesce(r.from, '0000-00') AS from_month, r.approve_at, r.observe_below, r.reject_below, coalesce(r.judged, true) AS judged
	FROM (SELECT unnest(from_json($growth_rules::JSON,
		'[{"from":"VARCHAR","approve_at":"DOUBLE","observe_below":"DOUBLE","reject_below":"DOUBLE","judged":"BOOLEAN"}]')) AS r)
),
projected AS (
	-- Exact half-up cents of R_m × days_in_month ÷ days_covered: amounts have 4 decimals, so R_m × 10 000 is whole.
	SELECT g.month, pv.provisional,
		CASE WHEN pv.provisional THEN
			sign(n) * ((2 * abs(n) + 100 * pv.days_covered) // (200 * pv.days_covered)) / 100
		END AS projected_revenue
	FROM growth g
	JOIN cartera_provisional_month() pv ON pv.month = g.month,
	LATERAL (SELECT (g.revenue * pv.days_in_month * 10000)::HUGEINT AS n)
),
judged AS (
	SELECT g.*, r.approve_at, r.observe_below, r.reject_below, r.judged,
		CASE WHEN base_mom > 0 THEN (revenue - base_mom)::DOUBLE / base_mom::DOUBLE END AS mom,
		CASE WHEN base_yoy > 0 THEN (revenue - base_yoy)::DOUBLE / base_yoy::DOUBLE END AS yoy,
		coalesce(pr.provisional, false) AS provisional,
		pr.projected_revenue,
		CASE WHEN pr.projected_revenue IS NOT NULL AND base_mom > 0 THEN (pr.projected_revenue - base_mom)::DOUBLE / base_mom::DOUBLE END AS projected_mom,
		last_day(g.month) > $as_of::DATE OR coalesce(pr.provisional, false) AS partial
	FROM growth g
	JOIN rules r ON r.from_month <= strftime(g.month, '%Y-%m')
	LEFT JOIN projected pr ON pr.month = g.month
	QUALIFY row_number() OVER (PARTITION BY g.month ORDER BY r.from_month DESC) = 1
)
SELECT strftime(month, '%Y-%m') AS month,
	round(revenue, 2)::DOUBLE AS revenue,
	mom, yoy,
	round(base_yoy, 2)::DOUBLE AS revenue_year_before,
	CASE
		WHEN partial OR mom IS NULL OR NOT judged THEN NULL
		WHEN mom >= approve_at THEN 'approved'
		WHEN mom < reject_below THEN 'rejected'
		WHEN mom < observe_below THEN 'observed'
		ELSE 'acceptable'
	END AS status,
	partial,
	provisional,
	projected_revenue::DOUBLE AS projected_revenue,
	projected_mom
FROM judged
WHERE month >= $from_date::DATE
ORDER BY month;
