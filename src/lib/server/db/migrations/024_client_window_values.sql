-- 024: activation's stored windows (021) are kept as the window itself at each month end rather than
-- as its steps (issue 19). Per client and month end, `positive` (one-day invoices with a total over
-- 0) and `total`, dated within (month_end − window_days, month_end], for the window recorded in
-- client_window_days; an empty window has no row (client-windows.ts). Activation then reads a month
-- end's window as one row, instead of summing every step of a client's history on each request.
-- The steps are dropped and client_window_days emptied: the windows are rebuilt when the server
-- starts, or at the next load or undo; until then activation reads the invoices, just as exact.
DROP TABLE client_window_steps;
CREATE TABLE client_window_values (
	client_id VARCHAR NOT NULL,
	month_end DATE NOT NULL,
	positive INTEGER NOT NULL,
	total DECIMAL(38, 4) NOT NULL
);
DELETE FROM client_window_days;
