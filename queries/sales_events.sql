-- Three of the four sales events (docs/definitions.md "The four sales events"; the fourth, higher
-- volume, is retention's expansion, read from retention.sql by metrics/sales-events.ts), in period
-- P = $from_date..$to_date after the filters, from each client's purchases per product line
-- (cross_sell.sql, one pass over the lines):
--   repeat         = clients with a positive line in P and one before P (the repeat rate's
--                    numerator); amount = Σ their revenue in P (r);
--   first_purchase = clients with a positive line in P and none before P; amount = Σ r;
--   cross_sell     = clients with a cross-sell pair; amount = Σ revenue in P of those pairs;
--                    product_lines = how many pairs;
--   buyers         = clients with a positive line in P (repeat + first_purchase).
-- Money rounded half-up to cents at the end.
WITH pairs AS (
	SELECT * FROM cartera_sales_pairs({{filters}})
),
per_client AS (
	SELECT client_id, any_value(client_bought_before) AS before, any_value(client_bought_in_period) AS in_period,
		sum(revenue) AS r, sum(revenue) FILTER (WHERE cross_sell) AS cross_amount, count(*) FILTER (WHERE cross_sell) AS cross_lines
	FROM pairs
	GROUP BY client_id
),
totals AS (
	SELECT
		count(*) FILTER (WHERE in_period) AS buyers,
		count(*) FILTER (WHERE in_period AND before) AS repeat_clients,
		coalesce(sum(r) FILTER (WHERE in_period AND before), 0) AS repeat_amount,
		count(*) FILTER (WHERE in_period AND NOT before) AS first_clients,
		coalesce(sum(r) FILTER (WHERE in_period AND NOT before), 0) AS first_amount,
		count(*) FILTER (WHERE cross_lines > 0) AS cross_clients,
		coalesce(sum(cross_amount), 0) AS cross_amount,
		coalesce(sum(cross_lines), 0) AS cross_lines
	FROM per_client
)
SELECT
	buyers::INTEGER AS buyers,
	repeat_clients::INTEGER AS repeat_clients,
	round(repeat_amount, 2)::DOUBLE AS repeat_amount,
	first_clients::INTEGER AS first_clients,
	round(first_amount, 2)::DOUBLE AS first_amount,
	cross_clients::INTEGER AS cross_sell_clients,
	round(cross_amount, 2)::DOUBLE AS cross_sell_amount,
	cross_lines::INTEGER AS cross_sell_lines
FROM totals;
