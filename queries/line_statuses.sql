-- The statuses within a product line a connection keeps (cartera_line_statuses, a temporary table
-- of metrics/line-statuses.ts) are found by this key: what the status rule depends on besides the
-- data. The product line is the only free text, and it comes first: the key reads one way only.
CREATE OR REPLACE TEMP MACRO cartera_line_status_key(product_line, as_of, window_days, min_invoices, min_amount) AS
	concat_ws('|', product_line, as_of::DATE, window_days::INTEGER, min_invoices::INTEGER, min_amount::DECIMAL(18,4));
