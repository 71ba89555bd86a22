-- The status rule (docs/definitions.md "Client status"), in one place for lines.sql and activation.sql, from what
-- a client did up to as_of: seen = has a line on or before as_of; bought = has a positive one;
-- window_invoices / window_total = its invoices whose lines within (as_of − window, as_of] sum to
-- > 0, and that window's total. potential: in the clients table, never bought; active: enough
-- such invoices and total; inactive: bought before, not active; NULL: no line yet (or, outside
-- the clients table, never bought).
CREATE OR REPLACE TEMP MACRO cartera_status_rule(seen, bought, in_clients, window_invoices, window_total, min_invoices, min_amount) AS
	CASE
		WHEN NOT seen THEN NULL
		WHEN NOT bought THEN CASE WHEN in_clients THEN 'potential' END
		WHEN window_invoices >= min_invoices::INTEGER AND window_invoices > 0 AND window_total >= min_amount::DECIMAL(18,4) THEN 'active'
		ELSE 'inactive'
	END;
