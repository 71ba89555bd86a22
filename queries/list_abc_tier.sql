-- The clients (or products, $by = 'product') of one ABC tier ($key: A, B, C) of concentration.sql:
-- the same entities and tiers (abc_entities.sql: period revenue r > 0, ranked by r desc then id asc,
-- tiered by the share of the strictly higher-ranked ones). Largest revenue first; `total` = Σ r of
-- the tier rounded half-up once, as the figure's tier revenue.
SELECT t.id,
	CASE WHEN $by = 'product' THEN p.name ELSE c.name END AS name,
	round(t.r, 2)::DOUBLE AS amount,
	round(sum(t.r) OVER (), 2)::DOUBLE AS total,
	(count(*) OVER ())::INTEGER AS count
FROM cartera_abc_entities($by, {{filters}}, $use_rollups) t
LEFT JOIN clients c ON $by <> 'product' AND c.client_id = t.id
LEFT JOIN products p ON $by = 'product' AND p.product_id = t.id
WHERE t.tier = $key
ORDER BY t.r DESC, t.id
-- The Lista page shows a page at a time: count is every row's, $limit / $offset pick the page
-- (a NULL limit: every row, as the API and the CLI ask).
LIMIT $limit OFFSET coalesce($offset::INTEGER, 0);
