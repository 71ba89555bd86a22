-- The entities the ABC rule ranks, in one place for concentration.sql (the figure) and
-- list_abc_tier.sql (the clients or products of one tier), so a list and its figure cannot disagree:
-- clients (or products, entity_by = 'product') with period revenue r = Σ amount of their filtered
-- lines dated from_date..to_date, r > 0; lines without a client (or product) are left out. Each with
-- total = Σ r, before = Σ r of the strictly higher-ranked ones (r desc, then id asc) and its tier by
-- the one ABC rule (abc_tier.sql: A while before / total < abc_a, B below abc_b, else C).
-- month_grain: whether clients may be ranked from the (month, client) rollup (sales.sql).
CREATE OR REPLACE TEMP MACRO cartera_abc_entities(entity_by, {{filter_params}}, month_grain) AS TABLE
WITH entities AS (
	SELECT CASE WHEN entity_by = 'product' THEN product_id ELSE client_id END AS id, sum(amount) AS r
	FROM cartera_sales({{filter_params}}, false, month_grain AND entity_by <> 'product', false)
	WHERE invoice_date BETWEEN from_date::DATE AND to_date::DATE
		AND (CASE WHEN entity_by = 'product' THEN product_id ELSE client_id END) IS NOT NULL
	GROUP BY 1 HAVING sum(amount) > 0
),
ranked AS (
	SELECT id, r, sum(r) OVER () AS total,
		coalesce(sum(r) OVER (ORDER BY r DESC, id ASC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
	FROM entities
)
SELECT *, cartera_abc_tier(before::DOUBLE / total::DOUBLE, abc_a, abc_b) AS tier FROM ranked;
