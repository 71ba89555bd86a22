-- The goals in force (docs/definitions.md "Goals"): one row per month, scope dimension and value
-- (compared trimmed and whatever its case). A goal comes from a loaded metas file (targets, at
-- its upload's time) or from Ajustes (settings rows with key 'goal', at the change's time); the
-- later of the two wins. `source` says which: 'file' or 'ajustes'. Used by targets.sql and the
-- goals table of Ajustes (target_list.sql).
CREATE OR REPLACE TEMP MACRO cartera_goals() AS TABLE
WITH loaded AS (
	SELECT t.month, t.dimension, t.value, t.revenue_target, t.new_clients_target, t.activated_target, t.quotes_target,
		b.loaded_at AS changed_at, 'file' AS source, b.loaded_by AS changed_by
	FROM targets t JOIN upload_batches b ON b.batch_id = t.batch_id
),
edited AS (
	SELECT strptime(effective_from || '-01', '%Y-%m-%d')::DATE AS month,
		coalesce(scope_dim, 'total') AS dimension, scope_value AS value,
		(value->>'revenue_target')::DECIMAL(18,4) AS revenue_target,
		(value->>'new_clients_target')::INTEGER AS new_clients_target,
		(value->>'activated_target')::INTEGER AS activated_target,
		(value->>'quotes_target')::INTEGER AS quotes_target,
		updated_at AS changed_at, 'ajustes' AS source, updated_by AS changed_by
	FROM settings
	WHERE key = 'goal' AND effective_from IS NOT NULL
)
SELECT * FROM (SELECT * FROM loaded UNION ALL SELECT * FROM edited)
QUALIFY row_number() OVER (PARTITION BY month, dimension, lower(trim(value)) ORDER BY changed_at DESC) = 1;
