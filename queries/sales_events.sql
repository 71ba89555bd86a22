-- Three of the four sales events (docs/definitions.md "The four sales events"; the fourth, higher
-- volume, is retention's expansion, read from retention.sql by metrics/sales-events.ts), in period
-- P = $from_date..$to_date after the filters. From the one per-client definition
-- (retention_events.sql: r, bought_before, bought_in_period) and cross_sell.sql:
--   repeat        = clients with a positive line in P and one before P (the repeat rate's
--                   numerator); amount = Σ r, their revenue in P;
--   first_purchase = clients with a positive line in P and none before P; amount = Σ r;
--   cross_sell    = cross_sell.sql's clients; amount = Σ of their lines in P in product lines new to them;
--   buyers        = clients with a positive line in P (repeat + first_purchase).
-- Money rounded half-up to cents at the end. $prev_from_date/$prev_to_date only shape the
-- macro's population (clients with a line in P or P0), which holds every buyer in P.
WITH events AS (
	SELECT * FROM cartera_retention_events($prev_from_date, $prev_to_date, {{filters}})
),
per_client AS (
	SELECT
		count(*) FILTER (WHERE bought_in_period) AS buyers,
		count(*) FILTER (WHERE bought_in_period AND bought_before) AS repeat_clients,
		coalesce(sum(r) FILTER (WHERE bought_in_period AND bought_before), 0) AS repeat_amount,
		count(*) FILTER (WHERE bought_in_period AND NOT bought_before) AS first_clients,
		coalesce(sum(r) FILTER (WHERE bought_in_period AND NOT bought_before), 0) AS first_amount
	FROM events
),
cross_sell AS (
	SELECT count(*) AS clients, coalesce(sum(amount), 0) AS amount, coalesce(sum(new_lines), 0) AS new_lines
	FROM cartera_cross_sell({{filters}})
)
SELECT
	p.buyers::INTEGER AS buyers,
	p.repeat_clients::INTEGER AS repeat_clients,
	round(p.repeat_amount, 2)::DOUBLE AS repeat_amount,
	p.first_clients::INTEGER AS first_clients,
	round(p.first_amount, 2)::DOUBLE AS first_amount,
	x.clients::INTEGER AS cross_sell_clients,
	round(x.amount, 2)::DOUBLE AS cross_sell_amount,
	x.new_lines::INTEGER AS cross_sell_lines
FROM per_client p, cross_sell x;
