-- The clients behind three of the four sales events (sales_events.sql; higher volume is the
-- retention list's expansion), $key: repeat, first_purchase, cross_sell, from the same per-client,
-- per-product-line purchases (cross_sell.sql). Per client: amount = its revenue in P (repeat,
-- first purchase) or of its cross-sell product lines in P (cross-sell, which names them in
-- product_lines); largest first. `total` = Σ amount rounded half-up once, the figure's own
-- rounding. The lines without a client: one row, id NULL.
WITH per_client AS (
	SELECT client_id, any_value(client_bought_before) AS before, any_value(client_bought_in_period) AS in_period,
		sum(revenue) AS r, sum(revenue) FILTER (WHERE cross_sell) AS cross_amount,
		string_agg(product_line, ', ' ORDER BY product_line) FILTER (WHERE cross_sell) AS cross_lines
	FROM cartera_sales_pairs({{filters}})
	GROUP BY client_id
),
picked AS (
	SELECT client_id, CASE WHEN $key = 'cross_sell' THEN cross_amount ELSE r END AS amount,
		CASE WHEN $key = 'cross_sell' THEN cross_lines END AS product_lines
	FROM per_client
	WHERE CASE $key
		WHEN 'repeat' THEN in_period AND before
		WHEN 'first_purchase' THEN in_period AND NOT before
		WHEN 'cross_sell' THEN cross_lines IS NOT NULL
		ELSE false
	END
)
SELECT p.client_id AS id, c.name, p.product_lines,
	round(p.amount, 2)::DOUBLE AS amount,
	round(sum(p.amount) OVER (), 2)::DOUBLE AS total
FROM picked p
LEFT JOIN clients c ON c.client_id = p.client_id
ORDER BY p.amount DESC, p.client_id NULLS LAST;
