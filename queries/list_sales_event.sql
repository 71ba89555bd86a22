-- The clients behind three of the four sales events (sales_events.sql; higher volume is the
-- retention list's expansion), $key: repeat, first_purchase, cross_sell, from the same per-client
-- events (retention_events.sql, against P0 = $prev_from_date..$prev_to_date as the figure). Per
-- client: amount = its revenue in P (repeat, first purchase) or of its cross-sell product lines in
-- P (cross-sell, which names them in product_lines); largest first. `total` = Σ amount rounded
-- half-up once, the figure's own rounding. The lines without a client: one row, id NULL.
WITH picked AS (
	SELECT client_id, CASE WHEN $key = 'cross_sell' THEN cross_sell_amount ELSE r END AS amount,
		CASE WHEN $key = 'cross_sell' THEN cross_sell_product_lines END AS product_lines
	FROM cartera_retention_events($prev_from_date, $prev_to_date, true, $use_rollups, {{filters}})
	WHERE CASE $key
		WHEN 'repeat' THEN bought_in_period AND bought_before
		WHEN 'first_purchase' THEN bought_in_period AND NOT bought_before
		WHEN 'cross_sell' THEN cross_sell_lines > 0
		ELSE false
	END
)
SELECT p.client_id AS id, c.name, p.product_lines,
	round(p.amount, 2)::DOUBLE AS amount,
	round(sum(p.amount) OVER (), 2)::DOUBLE AS total,
	(count(*) OVER ())::INTEGER AS count
FROM picked p
LEFT JOIN clients c ON c.client_id = p.client_id
ORDER BY p.amount DESC, p.client_id NULLS LAST
-- The Lista page shows a page at a time: count is every row's, $limit / $offset pick the page
-- (a NULL limit: every row, as the API and the CLI ask).
LIMIT $limit OFFSET coalesce($offset::INTEGER, 0);
