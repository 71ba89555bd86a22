-- Quotes pending past their validity at $as_of (docs/definitions.md "Open and weighted pipeline"):
-- quotes (filters as in records.sql) with status sent, issued on or before $as_of and valid_until
-- before $as_of. Per quote: id, client, dates, amount (rounded half-up to cents) and days_past
-- ($as_of − valid_until); the longest past first, then the larger amount, then the id. count and
-- total (Σ amount, rounded once) ride on every row; at most $limit rows, from the $offset-th
-- (NULL: the first; the Lista page asks a page at a time).
-- The count and total are summed apart and the $limit rows picked before they are written out
-- (dates as text, the client's name): a window over every quote wrote all of them first.
WITH past AS (
	SELECT q.quote_id, q.client_id, q.issued_at, q.valid_until, q.amount,
		date_diff('day', q.valid_until, $as_of::DATE) AS days_past
	FROM cartera_records('quotes', $use_rollups, {{filters}}) q
	WHERE q.status = 'sent' AND q.issued_at <= $as_of::DATE AND q.valid_until < $as_of::DATE
),
totals AS (
	SELECT count(*) AS n, sum(amount) AS total FROM past
),
picked AS (
	SELECT * FROM past
	ORDER BY days_past DESC, amount DESC, quote_id
	LIMIT $limit::INTEGER OFFSET coalesce($offset::INTEGER, 0)
)
SELECT q.quote_id AS id, q.client_id, c.name,
	strftime(q.issued_at, '%Y-%m-%d') AS issued_at, strftime(q.valid_until, '%Y-%m-%d') AS valid_until,
	round(q.amount, 2)::DOUBLE AS amount, q.days_past::INTEGER AS days_past,
	t.n::INTEGER AS count, round(coalesce(t.total, 0), 2)::DOUBLE AS total
FROM picked q
CROSS JOIN totals t
LEFT JOIN clients c ON c.client_id = q.client_id
ORDER BY q.days_past DESC, q.amount DESC, q.quote_id;
