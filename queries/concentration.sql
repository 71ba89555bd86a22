-- Concentration (docs/definitions.md) over clients (or products, $by = 'product') with period revenue
-- r_i > 0 (abc_entities.sql), shares s_i = r_i / Σr. Lines without a client (or product) are left out.
-- top-N shares (N = 1, 5, 10; top 10 % and 20 % of n, rounded up; n < N covers all n) and
-- HHI = Σ(100·s_i)², both by the macros of concentration_measures.sql;
-- normalized HHI = (HHI/10 000 − 1/n)/(1 − 1/n), 0 when n = 1;
-- Gini (population) = 2·Σ i·x_(i) / (n·Σx) − (n + 1)/n with x ascending;
-- ABC tiers by the share of strictly higher-ranked entities (abc_entities.sql, as the tier lists);
-- Lorenz points (i/n, share of the i smallest), n points, no (0, 0).
-- One row; n = 0 gives NULL figures and an empty Lorenz list.
WITH tiered AS (
	SELECT id, r::DOUBLE AS x, r, total, before, tier,
		row_number() OVER (ORDER BY r DESC, id ASC) AS rank_desc,
		row_number() OVER (ORDER BY r ASC, id DESC) AS rank_asc,
		count(*) OVER () AS n,
		sum(r) OVER (ORDER BY r ASC, id DESC ROWS UNBOUNDED PRECEDING) AS cumulative_asc
	FROM cartera_abc_entities($by, {{filters}}, $use_rollups)
),
abc AS (
	-- Always A, B and C; shares of Σr (NULL when no entity has revenue).
	SELECT list({'tier': t.tier, 'count': coalesce(k.count, 0), 'revenue': round(coalesce(k.revenue, 0), 2)::DOUBLE,
		'share': coalesce(k.revenue, 0)::DOUBLE / (SELECT any_value(total) FROM tiered)::DOUBLE} ORDER BY t.tier) AS abc
	FROM (VALUES ('A'), ('B'), ('C')) t(tier)
	LEFT JOIN (SELECT tier, count(*)::INTEGER AS count, sum(r) AS revenue FROM tiered GROUP BY tier) k USING (tier)
)
SELECT
	count(*)::INTEGER AS n,
	round(coalesce(any_value(total), 0), 2)::DOUBLE AS total_revenue,
	cartera_top_share(x, rank_desc, 1, total) AS top1,
	cartera_top_share(x, rank_desc, 5, total) AS top5,
	cartera_top_share(x, rank_desc, 10, total) AS top10,
	cartera_top_share(x, rank_desc, ceil(0.1 * n), total) AS top10pct,
	cartera_top_share(x, rank_desc, ceil(0.2 * n), total) AS top20pct,
	cartera_hhi(x, total) AS hhi,
	CASE WHEN count(*) = 1 THEN 0.0 WHEN count(*) > 1 THEN
		(sum(power(x / total::DOUBLE, 2)) - 1.0 / count(*)) / (1 - 1.0 / count(*)) END AS hhi_normalized,
	2 * sum(rank_asc * x) / (count(*) * any_value(total)::DOUBLE) - (count(*) + 1.0) / count(*) AS gini,
	(SELECT abc FROM abc) AS abc,
	-- As JSON text, parsed by the metrics layer: 20,000 points arrive about 4× faster than as a list.
	to_json(coalesce(list([rank_asc::DOUBLE / n, cumulative_asc::DOUBLE / total::DOUBLE] ORDER BY rank_asc), []))::VARCHAR AS lorenz
FROM tiered;
