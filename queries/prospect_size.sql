-- Prospect size as the register defines it ("tamaño de prospecto $$/año", docs/definitions.md
-- "Prospect size"): a prospect's expected yearly purchase. One row.
-- Prospects: the distinct clients named by CRM records (any kind) created in $from_date..$to_date,
-- after the filters (records.sql); records without a client size no one and are left out.
-- Each prospect's size:
--   declared     = its potential_amount in the clients table, when the export gave one;
--   opportunities = else Σ amount of its records (any kind, any outcome) created in the 12 months
--                  up to as_of, (as_of − 1 year, as_of], over those with an amount: a year of its
--                  demand; no such amount → no size (counted in `unsized`).
-- value = mean size over the sized prospects, computed exactly and rounded half-up to cents (NULL
-- when none); basis = 'declared' | 'opportunities' when every size has that source, 'mixed' when
-- both occur, NULL when none.
WITH records AS (
	SELECT client_id, created_at, amount FROM cartera_records('opportunities', $use_rollups, {{filters}}) WHERE client_id IS NOT NULL
),
prospects AS (
	SELECT DISTINCT client_id FROM records WHERE created_at BETWEEN $from_date::DATE AND $to_date::DATE
),
yearly AS (
	SELECT client_id, sum(amount) AS amount
	FROM records
	WHERE amount IS NOT NULL AND created_at <= $as_of::DATE AND created_at > ($as_of::DATE - INTERVAL 1 YEAR)
	GROUP BY client_id
),
sized AS (
	SELECT p.client_id,
		CASE WHEN c.potential_amount IS NOT NULL THEN c.potential_amount ELSE y.amount END AS size,
		CASE WHEN c.potential_amount IS NOT NULL THEN 'declared' WHEN y.amount IS NOT NULL THEN 'opportunities' END AS basis
	FROM prospects p
	LEFT JOIN clients c USING (client_id)
	LEFT JOIN yearly y USING (client_id)
),
totals AS (
	-- Σ in ten-thousandths (DECIMAL(18,4)) over n, rounded half-up with integers, as pipeline.sql.
	SELECT count(*) AS prospects,
		count(*) FILTER (WHERE basis = 'declared') AS declared,
		count(*) FILTER (WHERE basis = 'opportunities') AS from_opportunities,
		(coalesce(sum(size), 0) * 10000)::HUGEINT AS total_4,
		count(size)::HUGEINT AS n
	FROM sized
)
SELECT
	CASE WHEN n > 0 THEN (sign(total_4) * ((2 * abs(total_4) + 100 * n) // (200 * n)))::DOUBLE / 100 END AS value,
	CASE WHEN declared > 0 AND from_opportunities > 0 THEN 'mixed' WHEN declared > 0 THEN 'declared' WHEN from_opportunities > 0 THEN 'opportunities' END AS basis,
	prospects::INTEGER AS prospects,
	declared::INTEGER AS declared,
	from_opportunities::INTEGER AS from_opportunities,
	(prospects - declared - from_opportunities)::INTEGER AS unsized
FROM totals;
