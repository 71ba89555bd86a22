-- The clients (or products, $by = 'product') of one ABC tier ($key: A, B, C) of concentration.sql:
-- entities with period revenue r > 0 (lines without a client, or product, left out), ranked by r
-- desc then id asc, tiered by the share of the strictly higher-ranked ones through the one ABC
-- rule (abc_tier.sql). Largest revenue first; `total` = Σ r of the tier rounded half-up once, as
-- the figure's tier revenue.
WITH l AS (
	SELECT * FROM cartera_lines({{filters}}, false)
	WHERE invoice_date BETWEEN $from_date::DATE AND $to_date::DATE
),
entities AS (
	SELECT CASE WHEN $by = 'product' THEN product_id ELSE client_id END AS id, sum(amount) AS r
	FROM l WHERE (CASE WHEN $by = 'product' THEN product_id ELSE client_id END) IS NOT NULL
	GROUP BY 1 HAVING sum(amount) > 0
),
tiered AS (
	SELECT id, r, cartera_abc_tier(
		coalesce(sum(r) OVER (ORDER BY r DESC, id ASC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::DOUBLE
			/ (sum(r) OVER ())::DOUBLE, $abc_a, $abc_b) AS tier
	FROM entities
)
SELECT t.id,
	CASE WHEN $by = 'product' THEN p.name ELSE c.name END AS name,
	round(t.r, 2)::DOUBLE AS amount,
	round(sum(t.r) OVER (), 2)::DOUBLE AS total
FROM tiered t
LEFT JOIN clients c ON $by <> 'product' AND c.client_id = t.id
LEFT JOIN products p ON $by = 'product' AND p.product_id = t.id
WHERE t.tier = $key
ORDER BY t.r DESC, t.id;
