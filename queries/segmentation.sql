-- Segmentation (docs/definitions.md): per value of dimension $dim (dimension_value.sql), the period's
-- revenue, its share of the period revenue R, buying clients (distinct clients with any line in
-- the period; lines without a client count as one client), lines, and revenue per client. Missing
-- values form their own segment (NULL). Sorted by revenue desc, then value asc, NULL last. Shares
-- sum to 1.
WITH l AS (
	SELECT * FROM cartera_lines($from_date, $to_date, $as_of, $window_days, $min_invoices, $min_amount, $abc_a, $abc_b,
		$f_product, $f_product_line, $f_business_unit, $f_client_type, $f_size, $f_sector, $f_legal_form, $f_region,
		$f_crm_status, $f_account_manager, $f_billing_tier, $f_status, $dim IN ('billing_tier', 'status'))
	WHERE invoice_date BETWEEN $from_date::DATE AND $to_date::DATE
),
segments AS (
	SELECT
		cartera_dimension_value($dim, product_id, product_line, business_unit, client_type, size, sector, legal_form,
			region, crm_status, account_manager, billing_tier, status) AS value,
		sum(amount) AS revenue,
		count(DISTINCT client_id) + (count(*) FILTER (WHERE client_id IS NULL) > 0)::INTEGER AS clients,
		count(*) AS lines
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
