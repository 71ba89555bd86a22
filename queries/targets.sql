-- Goals and their attainment (docs/definitions.md "Goals", docs/contract.md targets), one row per
-- goal of scope $target_dim (total, account_manager, product_line, region, business_unit) for each
-- month from January of $from_date's year to $to_date (the figure keeps $from_date..$to_date; the
-- months before feed the year to date).
-- The goals in force: target_goals.sql (a loaded metas file or Ajustes, the later wins).
-- Actual revenue = Σ amount of the filtered lines (cartera_sales: from the month rollups unless the
-- scope is a business unit, sales.sql) of the month whose scope value
-- (the client's account manager and region, the product's line and business unit) is the goal's,
-- compared trimmed and case-insensitively; the portfolio's: every filtered line.
-- Year to date, per scope value and year: Σ goals and Σ actuals of the months up to this one
-- that have a goal (a month without a goal adds to neither).
WITH goals AS (
	SELECT * FROM cartera_goals()
	WHERE dimension = $target_dim
		AND month BETWEEN date_trunc('year', $from_date::DATE) AND $to_date::DATE
),
l AS (
	SELECT date_trunc('month', invoice_date)::DATE AS month,
		CASE WHEN $target_dim = 'total' THEN NULL ELSE lower(trim(cartera_dimension_value($target_dim, {{dimension_columns}}))) END AS scope_key,
		amount
	FROM cartera_sales({{filters}}, false, $use_rollups AND $target_dim NOT IN {{below_product_line_dims}}, $target_dim = 'product_line')
	WHERE invoice_date BETWEEN date_trunc('year', $from_date::DATE) AND $to_date::DATE
),
actual AS (SELECT month, scope_key, sum(amount) AS revenue FROM l GROUP BY ALL),
joined AS (
	SELECT g.month, g.value, g.revenue_target, g.new_clients_target, g.activated_target, g.quotes_target,
		coalesce(a.revenue, 0) AS revenue
	FROM goals g
	LEFT JOIN actual a ON a.month = g.month AND a.scope_key IS NOT DISTINCT FROM lower(trim(g.value))
),
ytd AS (
	SELECT *,
		sum(revenue_target) OVER w AS goal_ytd,
		sum(revenue) OVER w AS actual_ytd
	FROM joined
	WINDOW w AS (PARTITION BY lower(trim(value)), year(month) ORDER BY month ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
)
SELECT strftime(month, '%Y-%m') AS month, value,
	round(revenue_target, 2)::DOUBLE AS goal,
	round(revenue, 2)::DOUBLE AS actual,
	CASE WHEN revenue_target > 0 THEN revenue::DOUBLE / revenue_target::DOUBLE END AS attainment,
	round(goal_ytd, 2)::DOUBLE AS goal_ytd,
	round(actual_ytd, 2)::DOUBLE AS actual_ytd,
	CASE WHEN goal_ytd > 0 THEN actual_ytd::DOUBLE / goal_ytd::DOUBLE END AS attainment_ytd,
	new_clients_target, activated_target, quotes_target
FROM ytd
WHERE month >= $from_date::DATE
ORDER BY month, value NULLS FIRST;
