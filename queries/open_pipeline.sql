-- Open and weighted pipeline at $as_of (docs/definitions.md "Open and weighted pipeline").
-- Open records: outcome open (as the export last saw them), of any kind but lead (the pipeline's
-- opportunities, as in pipeline.sql), created on or before $as_of; filters
-- as in records.sql. Each record's probability: its own; else the stage's from Ajustes
-- ($stage_probabilities, JSON [{stage, probability}]); else cartera_stage_probability(stage).
-- weighted = Σ amount × probability (exact DECIMAL, rounded half-up to cents); a missing amount adds 0.
-- age_days = $as_of − created_at; days_since_change = $as_of − last_change_at (records with one).
-- One row per (breakdown, group):
--   'total'       group NULL: every open record;
--   'stage'       the record's stage as written (NULL: none), ordered by the stage's probability
--                 (the setting's or the default's), then the stage, NULL last; `probability` is it;
--   'close_month' the month of expected_close_at, YYYY-MM, oldest first, NULL (none) last.
-- Per row: count, amount, weighted, mean_age_days, max_age_days, mean_days_since_change (NULL when
-- no record of the group has a last change), dated (records with a last change).
WITH settings AS (
	SELECT r.stage, r.probability
	FROM (SELECT unnest(from_json($stage_probabilities::JSON, '[{"stage":"VARCHAR","probability":"DOUBLE"}]')) AS r)
),
records AS (
	SELECT o.stage, o.expected_close_at, o.amount, o.probability, o.created_at, o.last_change_at
	FROM cartera_records('opportunities', $use_rollups, {{filters}}) o
	WHERE o.outcome = 'open' AND o.kind <> 'lead' AND o.created_at <= $as_of::DATE
),
stages AS (
	-- Each stage's probability once per stage (a few), not once per record (its default matches
	-- the stage's name against patterns).
	SELECT d.stage, coalesce(s.probability, cartera_stage_probability(d.stage)) AS stage_probability
	FROM (SELECT DISTINCT stage FROM records) d
	LEFT JOIN settings s ON s.stage = d.stage
),
open AS (
	SELECT o.stage, strftime(o.expected_close_at, '%Y-%m') AS close_month, coalesce(o.amount, 0) AS amount,
		st.stage_probability,
		coalesce(o.probability, st.stage_probability) AS probability,
		date_diff('day', o.created_at, $as_of::DATE) AS age_days,
		date_diff('day', o.last_change_at, $as_of::DATE) AS days_since_change
	FROM records o
	JOIN stages st ON st.stage IS NOT DISTINCT FROM o.stage
),
grouped AS (
	SELECT CASE WHEN GROUPING(stage) = 0 THEN 'stage' WHEN GROUPING(close_month) = 0 THEN 'close_month' ELSE 'total' END AS breakdown,
		CASE WHEN GROUPING(stage) = 0 THEN stage ELSE close_month END AS grp,
		CASE WHEN GROUPING(stage) = 0 THEN any_value(stage_probability) END AS probability,
		count(*) AS n, sum(amount) AS amount,
		sum(amount * probability::DECIMAL(10, 6)) AS weighted,
		avg(age_days) AS mean_age_days, max(age_days) AS max_age_days,
		avg(days_since_change) AS mean_days_since_change, count(days_since_change) AS dated
	FROM open
	GROUP BY GROUPING SETS ((), (stage), (close_month))
)
SELECT breakdown, grp AS "group", probability::DOUBLE AS probability, coalesce(n, 0)::INTEGER AS count,
	round(coalesce(amount, 0), 2)::DOUBLE AS amount, round(coalesce(weighted, 0), 2)::DOUBLE AS weighted,
	mean_age_days::DOUBLE AS mean_age_days, max_age_days::INTEGER AS max_age_days,
	mean_days_since_change::DOUBLE AS mean_days_since_change, coalesce(dated, 0)::INTEGER AS dated
FROM grouped
ORDER BY list_position(['total', 'stage', 'close_month'], breakdown),
	probability NULLS LAST, grp NULLS LAST;
