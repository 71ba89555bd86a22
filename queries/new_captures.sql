-- New captures vs the existing portfolio (docs/definitions.md "New captures and the existing
-- portfolio"), the report's section 4: the period P's revenue R split by who bought, with each
-- client's event from retention_events.sql (the one definition; P0 = the comparison period):
--   new captures   = Σ r of the clients whose event is new (first purchase ever in P),
--   reactivated    = Σ r of the clients whose event is reactivated (had bought before, not in P0),
--   existing       = R − new − reactivated: every other client's r (they bought in P0; a lost
--                    client's credit note in P lowers it).
-- r, not the bridge's r − r0: a new client's credit note in P0 is not revenue of the month.
-- Money in DECIMAL, rounded half-up to cents at the end; existing is the rounded remainder, so the
-- three parts add up to the rounded R to the cent.
WITH events AS MATERIALIZED (
	SELECT * FROM cartera_retention_events($prev_from_date, $prev_to_date, false, $use_rollups, {{filters}})
),
parts AS (
	SELECT
		round(coalesce(sum(r), 0), 2) AS revenue,
		round(coalesce(sum(r) FILTER (WHERE event = 'new'), 0), 2) AS new_revenue,
		round(coalesce(sum(r) FILTER (WHERE event = 'reactivated'), 0), 2) AS reactivated_revenue,
		count(*) FILTER (WHERE event = 'new') AS new_clients,
		count(*) FILTER (WHERE event = 'reactivated') AS reactivated_clients,
		count(*) FILTER (WHERE bought_in_period AND event NOT IN ('new', 'reactivated')) AS existing_clients
	FROM events
)
SELECT
	revenue::DOUBLE AS revenue,
	new_revenue::DOUBLE AS new_revenue,
	reactivated_revenue::DOUBLE AS reactivated_revenue,
	(revenue - new_revenue - reactivated_revenue)::DOUBLE AS existing_revenue,
	new_clients::INTEGER AS new_clients,
	reactivated_clients::INTEGER AS reactivated_clients,
	existing_clients::INTEGER AS existing_clients
FROM parts;
