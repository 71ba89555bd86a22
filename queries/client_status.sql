-- Status of every client as of a date (DESIGN.md §3 "Status"), as a table macro other queries use:
--   potential: in the clients table, no positive invoice line on or before as_of;
--   active:    ≥ min_invoices distinct invoices whose lines inside (as_of − window_days, as_of] sum to > 0,
--              and the client's total inside that window ≥ min_amount;
--   inactive:  bought before, not active now.
-- Clients that only appear in invoice lines are included; with no positive line ever their status is NULL.
-- Lines after as_of are ignored.
CREATE OR REPLACE TEMP MACRO cartera_client_status(as_of, window_days, min_invoices, min_amount) AS TABLE
WITH lines AS (
	SELECT client_id, invoice_id, invoice_date, amount
	FROM invoice_lines
	WHERE invoice_date <= as_of::DATE AND client_id IS NOT NULL
),
ever AS (
	SELECT client_id, bool_or(amount > 0) AS bought FROM lines GROUP BY client_id
),
window_invoices AS (
	SELECT client_id, invoice_id, sum(amount) AS total
	FROM lines
	WHERE invoice_date > as_of::DATE - window_days::INTEGER
	GROUP BY client_id, invoice_id
),
window_clients AS (
	SELECT client_id, count(*) FILTER (WHERE total > 0) AS invoices, sum(total) AS total
	FROM window_invoices GROUP BY client_id
),
population AS (
	SELECT client_id, true AS in_clients FROM clients
	UNION ALL
	SELECT DISTINCT client_id, false FROM lines WHERE client_id NOT IN (SELECT client_id FROM clients)
)
SELECT p.client_id, p.in_clients,
	CASE
		WHEN NOT coalesce(e.bought, false) THEN CASE WHEN p.in_clients THEN 'potential' END
		WHEN coalesce(w.invoices, 0) >= min_invoices::INTEGER AND coalesce(w.total, 0) >= min_amount::DECIMAL(18,4)
			AND coalesce(w.invoices, 0) > 0 THEN 'active'
		ELSE 'inactive'
	END AS status
FROM population p
LEFT JOIN ever e USING (client_id)
LEFT JOIN window_clients w USING (client_id);
