-- Each client's purchases per product line around period P (docs/definitions.md "The four sales
-- events"), in one place for sales_events.sql (counts and amounts) and list_sales_event.sql (the
-- clients behind them), from one pass over the filtered lines up to to_date. One row per client
-- and product line (NULL included; the lines without a client form one client, as in
-- retention_events.sql): bought_before / bought_in_period = a positive line before P / in P in
-- that product line; revenue = Σ amount in P (credit notes included, DECIMAL); client_bought_before
-- / client_bought_in_period = the same over all of the client's lines (the repeat rate's terms).
-- A pair is a cross-sell when its product line is not null, bought in P and not before, and the
-- client had bought before P (a first purchase is the fourth event, not a cross-sell).
CREATE OR REPLACE TEMP MACRO cartera_sales_pairs({{filter_params}}) AS TABLE
WITH pairs AS (
	SELECT client_id, product_line,
		bool_or(amount > 0 AND invoice_date < from_date::DATE) AS bought_before,
		bool_or(amount > 0 AND invoice_date >= from_date::DATE) AS bought_in_period,
		coalesce(sum(amount) FILTER (WHERE invoice_date >= from_date::DATE), 0) AS revenue
	FROM cartera_lines({{filter_params}}, false)
	WHERE invoice_date <= to_date::DATE
	GROUP BY client_id, product_line
)
SELECT *,
	bool_or(bought_before) OVER (PARTITION BY client_id) AS client_bought_before,
	bool_or(bought_in_period) OVER (PARTITION BY client_id) AS client_bought_in_period,
	product_line IS NOT NULL AND bought_in_period AND NOT bought_before AND bool_or(bought_before) OVER (PARTITION BY client_id) AS cross_sell
FROM pairs;
