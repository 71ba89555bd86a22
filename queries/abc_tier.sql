-- The ABC / Pareto rule (docs/definitions.md "Billing tier"), in one place for lines.sql (clients'
-- billing tier) and concentration.sql (clients or products): an entity ranked by revenue desc
-- (ties by id asc) is A while the share of the strictly higher-ranked ones is below abc_a
-- (0.80 by default), B below abc_b (0.95), else C. The entity crossing 80 % is therefore A.
CREATE OR REPLACE TEMP MACRO cartera_abc_tier(share_before, abc_a, abc_b) AS
	CASE
		WHEN share_before < abc_a::DOUBLE THEN 'A'
		WHEN share_before < abc_b::DOUBLE THEN 'B'
		ELSE 'C'
	END;

-- A client's share_before, in a window over one row per client (lines.sql and sales.sql rank the
-- same way): the share of the positive revenue held by strictly higher-ranked clients (revenue
-- desc, then client_id asc); NULL revenue ranks last.
CREATE OR REPLACE TEMP MACRO cartera_share_before(revenue, client_id) AS
	coalesce(sum(revenue) FILTER (WHERE revenue > 0) OVER (ORDER BY revenue DESC NULLS LAST, client_id
		ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::DOUBLE / (sum(revenue) FILTER (WHERE revenue > 0) OVER ())::DOUBLE;
