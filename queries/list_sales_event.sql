-- The clients behind three of the four sales events (sales_events.sql; higher volume is the
-- retention list's expansion), $key: repeat, first_purchase, cross_sell. From the same
-- definitions: retention_events.sql (r, bought_before, bought_in_period) and cross_sell.sql.
-- Per client: amount = its revenue in P (repeat, first purchase) or of its lines in P in product
-- lines new to it (cross-sell, which names them in product_lines); largest first. `total` = Σ
-- amount rounded half-up once, the figure's own rounding. Lines without a client: one row, id NULL.
WITH picked AS (
	SELECT client_id, r AS amount, NULL::VARCHAR AS product_lines
	FROM cartera_retention_events($prev_from_date, $prev_to_date, {{filters}})
	WHERE bought_in_period AND ($key = 'repeat' AND bought_before OR $key = 'first_purchase' AND NOT bought_before)
	UNION ALL
	SELECT client_id, amount, product_lines
	FROM cartera_cross_sell({{filters}})
	WHERE $key = 'cross_sell'
)
SELECT p.client_id AS id, c.name, p.product_lines,
	round(p.amount, 2)::DOUBLE AS amount,
	round(sum(p.amount) OVER (), 2)::DOUBLE AS total
FROM picked p
LEFT JOIN clients c ON c.client_id = p.client_id
ORDER BY p.amount DESC, p.client_id NULLS LAST;
