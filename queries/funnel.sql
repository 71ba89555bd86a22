-- Funnel per entry kind and go / no-go (docs/definitions.md "Funnel by entry kind" and "Go / no-go").
-- Cohort: the records of queries/records.sql (filters as there) created in $from_date..$to_date.
-- Each record's decision state:
--   no_go   decision no_go or outcome no_go (ingest closes a declined record as no_go);
--   go      decision go, or a bid made without a decision written (outcome won or lost);
--   pending decision pending, still open;
--   NULL    no decision given and still open (or its outcome unknown).
-- Per kind (lead, opportunity, tender, quote_request always, zeros when none; a kind the vocabulary
-- did not know as written, after them) and for all kinds together (kind = NULL, first row):
--   created, go, no_go, pending, won, lost, open (outcome), created_amount and won_amount (Σ amount,
--   a missing amount adds 0, rounded half-up to cents), conversion = won / created,
--   win_rate = won / (won + lost) — no-go records are in neither: declining to bid is not a loss —
--   and no_go_rate = no_go / (go + no_go), NULL when a denominator is 0.
WITH recs AS (
	SELECT coalesce(kind, 'opportunity') AS kind, amount, outcome,
		CASE WHEN decision = 'no_go' OR outcome = 'no_go' THEN 'no_go'
			WHEN decision = 'go' OR outcome IN ('won', 'lost') THEN 'go'
			WHEN decision = 'pending' THEN 'pending' END AS state
	FROM cartera_records('opportunities', $use_rollups, {{filters}})
	WHERE created_at BETWEEN $from_date::DATE AND $to_date::DATE
),
known AS (
	SELECT * FROM (VALUES (1, 'lead'), (2, 'opportunity'), (3, 'tender'), (4, 'quote_request')) t(ord, kind)
),
kinds AS (
	SELECT ord, kind FROM known
	UNION ALL
	SELECT DISTINCT 5, kind FROM recs WHERE kind NOT IN (SELECT kind FROM known)
),
counted AS (
	SELECT GROUPING(kind) AS all_kinds, kind,
		count(*) AS created,
		count(*) FILTER (WHERE state = 'go') AS go,
		count(*) FILTER (WHERE state = 'no_go') AS no_go,
		count(*) FILTER (WHERE state = 'pending') AS pending,
		count(*) FILTER (WHERE outcome = 'won') AS won,
		count(*) FILTER (WHERE outcome = 'lost') AS lost,
		count(*) FILTER (WHERE outcome = 'open') AS open,
		coalesce(sum(amount), 0) AS created_amount,
		coalesce(sum(amount) FILTER (WHERE outcome = 'won'), 0) AS won_amount
	FROM recs
	GROUP BY GROUPING SETS ((kind), ())
),
rows AS (
	SELECT k.kind, k.ord, c.* EXCLUDE (all_kinds, kind)
	FROM kinds k LEFT JOIN counted c ON c.all_kinds = 0 AND c.kind = k.kind
	UNION ALL
	-- All kinds together: one row even when no record was created.
	SELECT NULL, 0, c.* EXCLUDE (all_kinds, kind)
	FROM (SELECT 1) one LEFT JOIN counted c ON c.all_kinds = 1
)
SELECT kind,
	coalesce(created, 0)::INTEGER AS created, coalesce(go, 0)::INTEGER AS go, coalesce(no_go, 0)::INTEGER AS no_go,
	coalesce(pending, 0)::INTEGER AS pending, coalesce(won, 0)::INTEGER AS won, coalesce(lost, 0)::INTEGER AS lost,
	coalesce(open, 0)::INTEGER AS open,
	round(coalesce(created_amount, 0), 2)::DOUBLE AS created_amount, round(coalesce(won_amount, 0), 2)::DOUBLE AS won_amount,
	CASE WHEN created > 0 THEN won::DOUBLE / created END AS conversion,
	CASE WHEN won + lost > 0 THEN won::DOUBLE / (won + lost) END AS win_rate,
	CASE WHEN go + no_go > 0 THEN no_go::DOUBLE / (go + no_go) END AS no_go_rate
FROM rows
ORDER BY ord, kind;
