-- 021: the status rule's window figures at every month end, kept as steps (issue 19). A client is
-- active at a date e when the invoices within (e − window_days, e] are enough (docs/definitions.md
-- "Client status"); activation counts the statuses at each month end of the period. Per client and
-- month end, `positive` and `total` are how much the count of positive invoices and the window's
-- total change there: an invoice dated on one day d enters at the month end of d and leaves at the
-- month end of d + window_days (client-window-steps.ts). The running sum over a client's month ends
-- is its window at each. Built for one window_days, recorded in client_window_days (one row; none:
-- not built yet: the first load, undo or server start builds them): activation reads the steps
-- only when its window is that one, else the invoices.
-- Invoices whose lines carry several dates (rare) are left out here; activation adds them itself.
-- Kept by every load and undo for the clients they touched, and rebuilt when the window changes.
CREATE TABLE client_window_steps (
	client_id VARCHAR NOT NULL,
	month_end DATE NOT NULL,
	positive INTEGER NOT NULL,
	total DECIMAL(38, 4) NOT NULL
);
CREATE TABLE client_window_days (window_days INTEGER NOT NULL);

-- Each stored invoice total (007) says over how many days past its first its lines spread (0 for
-- nearly all): activation, reading the stored windows, looks up the few others with spread_days > 0,
-- a filter the scan applies to that one column, instead of reading every invoice.
CREATE OR REPLACE VIEW invoice_totals_source AS
	SELECT client_id, invoice_id, min(invoice_date) AS first_day, max(invoice_date) AS last_day,
		sum(amount) AS total, min(invoice_date) FILTER (WHERE amount > 0) AS first_positive,
		datediff('day', min(invoice_date), max(invoice_date))::INTEGER AS spread_days
	FROM invoice_lines
	WHERE client_id IS NOT NULL AND doc_status NOT IN ('draft', 'cancelled')
	GROUP BY client_id, invoice_id;
ALTER TABLE invoice_totals ADD COLUMN spread_days INTEGER;
UPDATE invoice_totals SET spread_days = datediff('day', first_day, last_day)::INTEGER;
