-- Segmentation (docs/definitions.md): per value of dimension $dim (dimension_value.sql), the period's
-- revenue, its share of the period revenue R, buying clients (distinct clients with any line in
-- the period; lines without a client count as one client), lines, and revenue per client. Missing
-- values form their own segment (NULL). Sorted by revenue desc, then value asc, NULL last. Shares
-- sum to 1.
WITH l AS (
	SELECT * FROM cartera_segment_sales($dim, $dim, $use_rollups, {{filters}})
	WHERE invoice_date BETWEEN $from_date::DATE AND $to_date::DATE
),
segments AS (
	SELECT
		cartera_dimension_value($dim, {{dimension_columns}}) AS value,
		sum(amount) AS revenue,
		count(DISTINCT client_id) + (count(*) FILTER (WHERE client_id IS NULL) > 0)::INTEGER AS clients,
		sum(lines) AS lines
	FROM l GROUP BY 1
),
total AS (SELECT sum(amount) AS revenue FROM l)
SELECT s.value,
	round(s.revenue, 2)::DOUBLE AS revenue,
	CASE WHEN t.revenue <> 0 THEN (s.revenue::DOUBLE / t.revenue::DOUBLE) END AS share,
	s.clients::INTEGER AS clients,
	s.lines::INTEGER AS lines,
	CASE WHEN s.clients > 0 THEN round(s.revenue / s.clients, 2)::DOUBLE END AS revenue_per_client,
	round(t.revenue, 2)::DOUBLE AS total_revenue
FROM segments s, total t
ORDER BY s.revenue DESC, s.value ASC NULLS LAST;
