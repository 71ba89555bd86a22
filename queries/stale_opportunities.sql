-- Stale opportunities at $as_of (docs/definitions.md "Open and weighted pipeline"): open records
-- (as in open_pipeline.sql: not leads, filters as in records.sql) whose last known change — last_change_at
-- when the export has it, else created_at — is $stale_days or more days before $as_of.
-- Per record: its id, client, kind, stage, owner, dates, amount (rounded half-up to cents, NULL when
-- none), age_days ($as_of − created_at) and idle_days ($as_of − last known change); the most idle
-- first, then the larger amount, then the id. count and total (Σ amount of every stale record,
-- rounded once) ride on every row; at most $limit rows, from
-- the $offset-th (NULL: the first; the Lista page asks a page at a time).
WITH stale AS (
	SELECT o.opportunity_id, o.client_id, o.kind, o.stage, o.owner, o.created_at, o.last_change_at, o.amount,
		date_diff('day', o.created_at, $as_of::DATE) AS age_days,
		date_diff('day', coalesce(o.last_change_at, o.created_at), $as_of::DATE) AS idle_days
	FROM cartera_records('opportunities', $use_rollups, {{filters}}) o
	WHERE o.outcome = 'open' AND o.kind <> 'lead' AND o.created_at <= $as_of::DATE
		AND date_diff('day', coalesce(o.last_change_at, o.created_at), $as_of::DATE) >= $stale_days::INTEGER
),
-- The count and total are summed apart and the $limit rows picked before they are written out
-- (dates as text, the client's name): a window over every stale record wrote all of them first.
totals AS (
	SELECT count(*) AS n, sum(amount) AS total FROM stale
),
picked AS (
	SELECT * FROM stale
	ORDER BY idle_days DESC, amount DESC NULLS LAST, opportunity_id
	LIMIT $limit::INTEGER OFFSET coalesce($offset::INTEGER, 0)
)
SELECT s.opportunity_id AS id, s.client_id, c.name, s.kind, s.stage, s.owner,
	strftime(s.created_at, '%Y-%m-%d') AS created_at, strftime(s.last_change_at, '%Y-%m-%d') AS last_change_at,
	round(s.amount, 2)::DOUBLE AS amount, s.age_days::INTEGER AS age_days, s.idle_days::INTEGER AS idle_days,
	t.n::INTEGER AS count, round(coalesce(t.total, 0), 2)::DOUBLE AS total
FROM picked s
CROSS JOIN totals t
LEFT JOIN clients c ON c.client_id = s.client_id
ORDER BY s.idle_days DESC, s.amount DESC NULLS LAST, s.opportunity_id;
