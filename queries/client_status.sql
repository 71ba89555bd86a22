-- Status of every client as of a date, for the whole population: the clients table and the
-- clients that only appear in invoice lines. The status itself is computed in lines.sql (its one
-- home); a client of the table without lines up to as_of is potential, one outside the table with
-- no positive line ever has status NULL.
CREATE OR REPLACE TEMP MACRO cartera_client_status(as_of, window_days, min_invoices, min_amount) AS TABLE
WITH line_status AS (
	SELECT DISTINCT client_id, status
	FROM cartera_lines(as_of, as_of, as_of, window_days, min_invoices, min_amount, 0.8, 0.95, false, false, {{no_filters}}, true)
	WHERE client_id IS NOT NULL AND invoice_date <= as_of::DATE
),
population AS (
	SELECT client_id, true AS in_clients FROM clients
	UNION ALL
	SELECT DISTINCT client_id, false FROM line_status WHERE client_id NOT IN (SELECT client_id FROM clients)
)
SELECT p.client_id, p.in_clients, coalesce(s.status, CASE WHEN p.in_clients THEN 'potential' END) AS status
FROM population p LEFT JOIN line_status s USING (client_id);
