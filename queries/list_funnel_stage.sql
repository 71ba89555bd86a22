-- The records behind one stage of Embudo's funnel ($key), counted as pipeline.sql counts them over
-- $from_date..$to_date: leads = opportunity records of kind 'lead' created in the period;
-- opportunities = records of every other kind created in the period; quotes = quotes issued in the
-- period with a known status other than draft; won = records of any kind won and closed in the
-- period. Filters: records.sql. Per record its date (created, issued or closed), client and
-- amount (NULL when the source has none); largest amount first. `total` = Σ amount rounded half-up
-- once (a missing amount adds 0).
WITH opps AS (
	SELECT opportunity_id AS id, client_id, kind, created_at, closed_at, amount, outcome
	FROM cartera_records('opportunities', $use_rollups, {{filters}})
),
picked AS (
	SELECT id, client_id, created_at AS day, amount FROM opps
	WHERE $key = 'leads' AND kind = 'lead' AND created_at BETWEEN $from_date::DATE AND $to_date::DATE
	UNION ALL
	SELECT id, client_id, created_at, amount FROM opps
	WHERE $key = 'opportunities' AND kind <> 'lead' AND created_at BETWEEN $from_date::DATE AND $to_date::DATE
	UNION ALL
	SELECT id, client_id, closed_at, amount FROM opps
	WHERE $key = 'won' AND outcome = 'won' AND closed_at BETWEEN $from_date::DATE AND $to_date::DATE
	UNION ALL
	SELECT quote_id, client_id, issued_at, amount FROM cartera_records('quotes', $use_rollups, {{filters}})
	WHERE $key = 'quotes' AND issued_at BETWEEN $from_date::DATE AND $to_date::DATE AND status IS NOT NULL AND status <> 'draft'
)
SELECT p.id, p.client_id, c.name,
	strftime(p.day, '%Y-%m-%d') AS day,
	round(p.amount, 2)::DOUBLE AS amount,
	round(coalesce(sum(p.amount) OVER (), 0), 2)::DOUBLE AS total,
	(count(*) OVER ())::INTEGER AS count
FROM picked p
LEFT JOIN clients c ON c.client_id = p.client_id
ORDER BY p.amount DESC NULLS LAST, p.day, p.id
-- The Lista page shows a page at a time: count is every row's, $limit / $offset pick the page
-- (a NULL limit: every row, as the API and the CLI ask).
LIMIT $limit OFFSET coalesce($offset::INTEGER, 0);
