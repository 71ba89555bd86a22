-- Quotes pending past their validity at $as_of (docs/definitions.md "Open and weighted pipeline"):
-- quotes (filters as in records.sql) with status sent, issued on or before $as_of and valid_until
-- before $as_of. Per quote: id, client, dates, amount (rounded half-up to cents) and days_past
-- ($as_of − valid_until); the longest past first, then the larger amount, then the id. count and
-- total (Σ amount, rounded once) ride on every row; at most $limit rows.
SELECT q.quote_id AS id, q.client_id, c.name,
	strftime(q.issued_at, '%Y-%m-%d') AS issued_at, strftime(q.valid_until, '%Y-%m-%d') AS valid_until,
	round(q.amount, 2)::DOUBLE AS amount, date_diff('day', q.valid_until, $as_of::DATE)::INTEGER AS days_past,
	(count(*) OVER ())::INTEGER AS count, round(coalesce(sum(q.amount) OVER (), 0), 2)::DOUBLE AS total
FROM cartera_records('quotes', {{filters}}) q
LEFT JOIN clients c ON c.client_id = q.client_id
WHERE q.status = 'sent' AND q.issued_at <= $as_of::DATE AND q.valid_until < $as_of::DATE
ORDER BY days_past DESC, q.amount DESC, q.quote_id
LIMIT $limit::INTEGER;
