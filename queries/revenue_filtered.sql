-- Revenue R of the period after the filters: Σ amount of the lines dated in $from_date..$to_date
-- (credit notes negative). The total every share is a part of.
SELECT round(coalesce(sum(amount), 0), 2)::DOUBLE AS revenue
FROM cartera_lines($from_date, $to_date, $as_of, $window_days, $min_invoices, $min_amount, $abc_a, $abc_b,
		$f_product, $f_product_line, $f_business_unit, $f_client_type, $f_size, $f_sector, $f_legal_form, $f_region,
		$f_crm_status, $f_account_manager, $f_billing_tier, $f_status)
WHERE invoice_date BETWEEN $from_date::DATE AND $to_date::DATE;
