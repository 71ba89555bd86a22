-- The open opportunities of one stage of Embudo's open pipeline ($key; NULL: records without a
-- stage), at $as_of: open records as open_pipeline.sql counts them (outcome open, not leads, created
-- on or before $as_of; filters as in records.sql). Per record: its id, client, kind, stage, owner,
-- dates, amount (rounded half-up to cents, NULL when none), age_days ($as_of − created_at) and
-- idle_days ($as_of − last known change: last_change_at, else created_at); largest amount first,
-- then the id. `total` = Σ amount rounded once (a missing amount adds 0), as the stage's amount.
WITH open AS (
	SELECT o.opportunity_id, o.client_id, o.kind, o.stage, o.owner, o.created_at, o.last_change_at, o.amount
	FROM cartera_records('opportunities', $use_rollups, {{filters}}) o
	WHERE o.outcome = 'open' AND o.kind <> 'lead' AND o.created_at <= $as_of::DATE AND o.stage IS NOT DISTINCT FROM $key::VARCHAR
)
SELECT s.opportunity_id AS id, s.client_id, c.name, s.kind, s.stage, s.owner,
	strftime(s.created_at, '%Y-%m-%d') AS created_at, strftime(s.last_change_at, '%Y-%m-%d') AS last_change_at,
	round(s.amount, 2)::DOUBLE AS amount,
	date_diff('day', s.created_at, $as_of::DATE)::INTEGER AS age_days,
	date_diff('day', coalesce(s.last_change_at, s.created_at), $as_of::DATE)::INTEGER AS idle_days,
	round(coalesce(sum(s.amount) OVER (), 0), 2)::DOUBLE AS total,
	(count(*) OVER ())::INTEGER AS count
FROM open s
LEFT JOIN clients c ON c.client_id = s.client_id
ORDER BY s.amount DESC NULLS LAST, s.opportunity_id
-- The Lista page shows a page at a time: count is every row's, $limit / $offset pick the page
-- (a NULL limit: every row, as the API and the CLI ask).
LIMIT $limit OFFSET coalesce($offset::INTEGER, 0);
