-- Forecast accuracy (docs/definitions.md "Forecast accuracy", docs/contract.md forecast). One row: the scope, the
-- months of the period and the figures over them.
--
-- Per month m of $from_date..$to_date (oldest first): actual A = revenue of the lines that
-- cartera_lines() keeps (the filters applied, credit notes negative) dated in m, 0 when none;
-- forecast F = forecast_amount of the scope's row for m, NULL when there is none;
-- error = F − A, abs_error = |F − A| (NULL with F); accuracy = 1 − |F − A| / |A|, the month's own
-- (NULL without F or with A = 0).
-- Over the months that have a forecast row (the others are left out of every figure):
--   WAPE = Σ|F − A| / Σ|A|; accuracy = 1 − WAPE (not clamped); bias = Σ(F − A) / Σ A (> 0 over-
--   forecast); MAPE = mean of |F − A| / |A| over those months with A ≠ 0, the months with A = 0
--   are counted in mape_excluded_months. A figure whose denominator is 0 (or has no month) is NULL.
--
-- Scope (which forecast rows are compared with the filtered actuals):
--   no filter                → {dimension: 'total', value: NULL}: the rows of dimension 'total';
--   exactly one filter d = v → {dimension: d, value: v}: the rows of dimension d and value v
--                              (none loaded for that dimension or value: every forecast is NULL);
--   several filters          → {dimension: NULL, value: NULL}: the actuals are the intersection of
--                              the filters (AND), which no single forecast series describes, so
--                              no forecast row applies and every forecast is NULL.
-- Money is summed in DECIMAL and rounded half-up to cents only here, at the end; rates are DOUBLE.
WITH filters AS (
	SELECT dimension, value
	FROM (VALUES
		-- One (dimension, $f_<dimension>) per dimension of the registry (query-fragments.ts).
		{{filter_rows}}
	) f(dimension, value)
	WHERE value IS NOT NULL
),
scope AS (
	SELECT
		CASE count(*) WHEN 0 THEN 'total' WHEN 1 THEN any_value(dimension) END AS dimension,
		CASE count(*) WHEN 1 THEN any_value(value) END AS value
	FROM filters
),
months AS (
	SELECT generate_series::DATE AS month
	FROM generate_series($from_date::DATE, $to_date::DATE, INTERVAL 1 MONTH)
),
actuals AS (
	SELECT date_trunc('month', invoice_date)::DATE AS month, sum(amount) AS actual
	FROM cartera_sales({{filters}}, false, $use_rollups, false)
	WHERE invoice_date BETWEEN $from_date::DATE AND $to_date::DATE
	GROUP BY 1
),
scoped_forecasts AS (
	-- (month, dimension, value) is the forecasts' key: at most one row per month.
	SELECT date_trunc('month', f.month)::DATE AS month, sum(f.forecast_amount) AS forecast
	FROM forecasts f, scope s
	WHERE f.dimension = s.dimension AND f.value IS NOT DISTINCT FROM s.value
		AND f.month BETWEEN $from_date::DATE AND $to_date::DATE
	GROUP BY 1
),
compared AS (
	SELECT m.month, f.forecast, coalesce(a.actual, 0) AS actual, f.forecast - coalesce(a.actual, 0) AS error
	FROM months m
	LEFT JOIN actuals a USING (month)
	LEFT JOIN scoped_forecasts f USING (month)
),
totals AS (
	SELECT
		list({'month': strftime(month, '%Y-%m'), 'forecast': round(forecast, 2)::DOUBLE, 'actual': round(actual, 2)::DOUBLE,
			'error': round(error, 2)::DOUBLE, 'abs_error': round(abs(error), 2)::DOUBLE,
			-- The month's accuracy on its own (the accuracy below over that month alone).
			'accuracy': CASE WHEN forecast IS NOT NULL AND actual <> 0 THEN 1 - abs(error)::DOUBLE / abs(actual)::DOUBLE END} ORDER BY month) AS months,
		sum(abs(error)) AS sum_abs_error,
		sum(error) AS sum_error,
		sum(abs(actual)) FILTER (WHERE forecast IS NOT NULL) AS sum_abs_actual,
		sum(actual) FILTER (WHERE forecast IS NOT NULL) AS sum_actual,
		avg(abs(error)::DOUBLE / abs(actual)::DOUBLE) FILTER (WHERE forecast IS NOT NULL AND actual <> 0) AS mape,
		count(*) FILTER (WHERE forecast IS NOT NULL AND actual = 0) AS mape_excluded_months
	FROM compared
)
SELECT
	s.dimension,
	s.value,
	t.months,
	CASE WHEN t.sum_abs_actual <> 0 THEN t.sum_abs_error::DOUBLE / t.sum_abs_actual::DOUBLE END AS wape,
	CASE WHEN t.sum_abs_actual <> 0 THEN 1 - t.sum_abs_error::DOUBLE / t.sum_abs_actual::DOUBLE END AS accuracy,
	t.mape,
	t.mape_excluded_months::INTEGER AS mape_excluded_months,
	CASE WHEN t.sum_actual <> 0 THEN t.sum_error::DOUBLE / t.sum_actual::DOUBLE END AS bias
FROM scope s, totals t;
