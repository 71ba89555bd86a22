-- The clients behind one retention event ($key: new, reactivated, expansion, contraction, churned,
-- stable, other): the same population and event rule as retention.sql, read from the one
-- definition (retention_events.sql). Per client: revenue in P (r) and P0 (r0) and the change
-- r − r0 it adds to the event's bridge bar; biggest change first. `total` = Σ change over the
-- event's clients rounded half-up once; the list shows the bar itself (lists/registry.ts), which
-- with sub-cent amounts retention.sql may move a cent to reconcile with the rounded revenues.
-- The lines without a client are one row with id NULL.
SELECT e.client_id AS id, c.name,
	round(e.r0, 2)::DOUBLE AS revenue_previous,
	round(e.r, 2)::DOUBLE AS revenue,
	round(e.change, 2)::DOUBLE AS amount,
	round(sum(e.change) OVER (), 2)::DOUBLE AS total,
	(count(*) OVER ())::INTEGER AS count
FROM cartera_retention_events($prev_from_date, $prev_to_date, false, $use_rollups, {{filters}}) e
LEFT JOIN clients c ON c.client_id = e.client_id
WHERE e.event = $key
ORDER BY abs(e.change) DESC, e.r DESC, e.client_id NULLS LAST
-- The Lista page shows a page at a time: count is every row's, $limit / $offset pick the page
-- (a NULL limit: every row, as the API and the CLI ask).
LIMIT $limit OFFSET coalesce($offset::INTEGER, 0);
