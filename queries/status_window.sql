-- The status rule's window as of one day, per client (docs/definitions.md "Client status"), from the
-- stored documents instead of every line (issue 19): what cartera_lines (lines.sql) sums for a
-- population no filter picks lines of.
--   invoices = the client's invoices whose lines within (as_of − window_days, as_of] sum to more
--   than 0; total = the sum of those lines.
-- An invoice dated on one day lies in the window whole or not at all: its stored total serves
-- (invoice_totals, migration 007). With `stored` (the stored windows are for this window_days,
-- client_window_days) and as_of a month end, the one-day invoices' window is the one stored for it
-- (client_window_values, 024). The few invoices whose lines carry several dates
-- (spread_days > 0) are summed from their lines inside the window. Lines without a client have no status.
CREATE OR REPLACE TEMP MACRO cartera_window_as_of(as_of, window_days, stored) AS TABLE
WITH spread AS (
	SELECT client_id, invoice_id FROM invoice_totals WHERE spread_days > 0
),
documents AS (
	SELECT client_id, (total > 0)::INTEGER AS invoices, total
	FROM invoice_totals
	WHERE spread_days = 0 AND first_day <= as_of::DATE AND first_day > as_of::DATE - window_days::INTEGER
		AND NOT (stored AND as_of::DATE = last_day(as_of::DATE))
	UNION ALL
	SELECT client_id, positive, total
	FROM client_window_values
	WHERE stored AND as_of::DATE = last_day(as_of::DATE) AND month_end = as_of::DATE
	UNION ALL
	-- As in activation.sql: IN on the invoice_id first, so the hash table holds the few spread invoices.
	SELECT client_id, (sum(amount) > 0)::INTEGER, sum(amount)
	FROM invoice_lines
	WHERE doc_status NOT IN {{uncounted_statuses}} AND invoice_date <= as_of::DATE AND invoice_date > as_of::DATE - window_days::INTEGER
		AND invoice_id IN (SELECT invoice_id FROM spread)
		AND (client_id, invoice_id) IN (SELECT (client_id, invoice_id) FROM spread)
	GROUP BY client_id, invoice_id
)
SELECT client_id, sum(invoices) AS invoices, sum(total) AS total
FROM documents
GROUP BY client_id;
