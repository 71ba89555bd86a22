-- The buying clients of one segment of segmentation.sql: the lines of the period whose value of
-- dimension $dim (dimension_value.sql) is $key (NULL: the lines missing the value), per client, with
-- the client's revenue there. The lines without a client are one row with id NULL, as the figure
-- counts them as one client. Largest revenue first; `total` = Σ of the segment's lines rounded
-- half-up once, as the segment's revenue.
-- The rows are segmentation.sql's (cartera_segment_sales, sales.sql).
WITH l AS (
	SELECT * FROM cartera_segment_sales($dim, $dim, $use_rollups, {{filters}})
	WHERE invoice_date BETWEEN $from_date::DATE AND $to_date::DATE
),
members AS (
	SELECT client_id, sum(amount) AS r
	FROM l
	WHERE cartera_dimension_value($dim, {{dimension_columns}}) IS NOT DISTINCT FROM $key::VARCHAR
	GROUP BY client_id
)
SELECT m.client_id AS id, c.name,
	round(m.r, 2)::DOUBLE AS amount,
	round(sum(m.r) OVER (), 2)::DOUBLE AS total,
	(count(*) OVER ())::INTEGER AS count
FROM members m
LEFT JOIN clients c ON c.client_id = m.client_id
ORDER BY m.r DESC, m.client_id NULLS LAST
-- The Lista page shows a page at a time: count is every row's, $limit / $offset pick the page
-- (a NULL limit: every row, as the API and the CLI ask).
LIMIT $limit OFFSET coalesce($offset::INTEGER, 0);
