-- HHI and top-N share (docs/definitions.md "Concentration"), in one place for concentration.sql (the period)
-- and concentration_trend.sql (each month). Aggregates over one group's entities with revenue
-- x > 0 (as DOUBLE), the group's Σr `total` and `rank_desc`, the rank by revenue desc (ties by id).
-- top share = Σx of the `top` highest-ranked / Σr (n < top covers all n); HHI = Σ(100·x/Σr)².
-- NULL for a group without entities.
CREATE OR REPLACE TEMP MACRO cartera_top_share(x, rank_desc, top, total) AS
	sum(x) FILTER (WHERE rank_desc <= top) / any_value(total)::DOUBLE;
CREATE OR REPLACE TEMP MACRO cartera_hhi(x, total) AS
	sum(power(100 * x / total::DOUBLE, 2));
