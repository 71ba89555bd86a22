-- A client's quotes issued in the period [$from_date, $to_date], after the filters as quotes.sql
-- takes them (cartera_records), newest first. status is the normalised one (NULL when the export's
-- text, status_source, is not mapped yet).
SELECT quote_id, strftime(issued_at, '%Y-%m-%d') AS issued_at, round(amount, 2)::DOUBLE AS amount, status,
	status_source, strftime(decided_at, '%Y-%m-%d') AS decided_at, opportunity_id, product_line
FROM cartera_records('quotes', $use_rollups, {{filters}})
WHERE client_id = $client::VARCHAR AND issued_at BETWEEN $from_date::DATE AND $to_date::DATE
ORDER BY issued_at DESC, quote_id;
