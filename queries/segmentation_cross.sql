-- Segmentation cross-tab (docs/definitions.md "Segmentation", two dimensions at once): the period's revenue
-- by value of $dim × value of $dim2 over the same filtered lines as segmentation.sql, so each row's
-- cells add up to that segment's revenue there and all cells to R. Missing values are their own
-- value (NULL). Per cell: revenue, lines, and its share of the row (the $dim segment's revenue);
-- per row and column the marginal revenue, for ranking. Values from dimension_value.sql, as there.
WITH l AS (
	SELECT * FROM cartera_lines($from_date, $to_date, $as_of, $window_days, $min_invoices, $min_amount, $abc_a, $abc_b,
		$f_product, $f_product_line, $f_business_unit, $f_client_type, $f_size, $f_sector, $f_legal_form, $f_region,
		$f_crm_status, $f_account_manager, $f_billing_tier, $f_status,
		$dim IN ('billing_tier', 'status') OR $dim2 IN ('billing_tier', 'status'))
	WHERE invoice_date BETWEEN $from_date::DATE AND $to_date::DATE
),
cells AS (
	SELECT
		cartera_dimension_value($dim, product_id, product_line, business_unit, client_type, size, sector, legal_form,
			region, crm_status, account_manager, billing_tier, status) AS value,
		cartera_dimension_value($dim2, product_id, product_line, business_unit, client_type, size, sector, legal_form,
			region, crm_status, account_manager, billing_tier, status) AS value2,
		sum(amount) AS revenue,
		count(*) AS lines
	FROM l GROUP BY 1, 2
),
margins AS (
	SELECT *,
		sum(revenue) OVER (PARTITION BY value) AS row_revenue,
		sum(revenue) OVER (PARTITION BY value2) AS column_revenue
	FROM cells
)
SELECT value, value2,
	round(revenue, 2)::DOUBLE AS revenue,
	lines::INTEGER AS lines,
	CASE WHEN row_revenue <> 0 THEN revenue::DOUBLE / row_revenue::DOUBLE END AS row_share,
	round(row_revenue, 2)::DOUBLE AS row_revenue,
	round(column_revenue, 2)::DOUBLE AS column_revenue
FROM margins
ORDER BY row_revenue DESC, value ASC NULLS LAST, revenue DESC, value2 ASC NULLS LAST;
