-- The cross-sell event per client (docs/definitions.md "The four sales events"), in one place for
-- sales_events.sql (count and amount) and list_sales_event.sql (the clients behind them).
-- Period P = from_date..to_date, after the filters. A client cross-sells when it has a positive
-- line in P in a product line (not null) in which it had no positive line before P, and it had
-- bought before P (any product line, or none named): a first purchase is the fourth event, not a
-- cross-sell. Per client: new_lines = how many such product lines, amount = Σ amount of its lines
-- in P in those product lines (credit notes included), in DECIMAL. The lines without a client form
-- one client (GROUP BY keeps NULL as one group), as in retention_events.sql.
CREATE OR REPLACE TEMP MACRO cartera_cross_sell({{filter_params}}) AS TABLE
WITH pairs AS (
	SELECT client_id, product_line,
		bool_or(amount > 0 AND invoice_date < from_date::DATE) AS bought_before,
		bool_or(amount > 0 AND invoice_date >= from_date::DATE) AS bought_in_period,
		coalesce(sum(amount) FILTER (WHERE invoice_date >= from_date::DATE), 0) AS revenue
	FROM cartera_lines({{filter_params}}, false)
	WHERE invoice_date <= to_date::DATE
	GROUP BY client_id, product_line
),
judged AS (
	SELECT *, bool_or(bought_before) OVER (PARTITION BY client_id) AS client_bought_before FROM pairs
)
SELECT client_id, count(*) AS new_lines, sum(revenue) AS amount,
	string_agg(product_line, ', ' ORDER BY product_line) AS product_lines
FROM judged
WHERE product_line IS NOT NULL AND bought_in_period AND NOT bought_before AND client_bought_before
GROUP BY client_id;
