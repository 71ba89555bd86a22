-- A line's value of segmentation dimension `dim` (docs/definitions.md "Segmentation"; `product` is the
-- product code), in one place for segmentation.sql and segmentation_cross.sql. Takes the columns
-- of cartera_lines (lines.sql) one by one: passing the row as a struct doubles the query's time.
CREATE OR REPLACE TEMP MACRO cartera_dimension_value(
	dim, product_id, product_line, business_unit, client_type, size, sector, legal_form, region,
	crm_status, account_manager, billing_tier, status
) AS
	CASE dim
		WHEN 'product' THEN product_id WHEN 'product_line' THEN product_line WHEN 'business_unit' THEN business_unit
		WHEN 'client_type' THEN client_type WHEN 'size' THEN size WHEN 'sector' THEN sector
		WHEN 'legal_form' THEN legal_form WHEN 'region' THEN region WHEN 'crm_status' THEN crm_status
		WHEN 'account_manager' THEN account_manager WHEN 'billing_tier' THEN billing_tier WHEN 'status' THEN status
	END;
