-- Quotes or opportunities (tbl = 'quotes' | 'opportunities') after the filters; quotes.sql and
-- pipeline.sql read them from here. A record has a client and a product line, not a product:
--   client_type, size, sector, legal_form, region, crm_status, account_manager: the record's client
--     in the clients table has that value (records of clients missing from the table, or without
--     one, are dropped, as a client-attribute filter drops the lines of unknown clients);
--   product_line: the record's own product_line column;
--   business_unit: the record's product line is a line of that business unit in the products table;
--   billing_tier, status: the client's tier and status, computed as every figure computes them
--     (lines.sql) on the lines the other filters keep; a client of the clients table without status
--     there (no line up to as_of) is potential, as in client_status.sql;
--   product: no record names a product, so none has that attribute: none is kept.
CREATE OR REPLACE TEMP MACRO cartera_records(
	tbl, from_date, to_date, as_of, window_days, min_invoices, min_amount, abc_a, abc_b,
	f_product, f_product_line, f_business_unit, f_client_type, f_size, f_sector, f_legal_form,
	f_region, f_crm_status, f_account_manager, f_billing_tier, f_status
) AS TABLE
WITH computed AS (
	-- Only when a tier or status filter asks for it.
	SELECT client_id, any_value(billing_tier) AS billing_tier, any_value(status) AS status
	FROM cartera_lines(from_date, to_date, as_of, window_days, min_invoices, min_amount, abc_a, abc_b,
		f_product, f_product_line, f_business_unit, f_client_type, f_size, f_sector, f_legal_form, f_region,
		f_crm_status, f_account_manager, NULL, NULL, true)
	WHERE client_id IS NOT NULL AND (f_billing_tier::VARCHAR IS NOT NULL OR f_status::VARCHAR IS NOT NULL)
	GROUP BY client_id
)
SELECT r.*
FROM query_table(tbl) r
LEFT JOIN clients c ON c.client_id = r.client_id
LEFT JOIN computed k ON k.client_id = r.client_id
WHERE f_product::VARCHAR IS NULL
	AND (f_product_line::VARCHAR IS NULL OR r.product_line = f_product_line)
	AND (f_business_unit::VARCHAR IS NULL
		OR r.product_line IN (SELECT product_line FROM products WHERE business_unit = f_business_unit))
	AND (f_client_type::VARCHAR IS NULL OR c.client_type = f_client_type)
	AND (f_size::VARCHAR IS NULL OR c.size = f_size)
	AND (f_sector::VARCHAR IS NULL OR c.sector = f_sector)
	AND (f_legal_form::VARCHAR IS NULL OR c.legal_form = f_legal_form)
	AND (f_region::VARCHAR IS NULL OR c.region = f_region)
	AND (f_crm_status::VARCHAR IS NULL OR c.crm_status = f_crm_status)
	AND (f_account_manager::VARCHAR IS NULL OR c.account_manager = f_account_manager)
	AND (f_billing_tier::VARCHAR IS NULL OR k.billing_tier = f_billing_tier)
	AND (f_status::VARCHAR IS NULL OR coalesce(k.status, CASE WHEN c.client_id IS NOT NULL THEN 'potential' END) = f_status);
