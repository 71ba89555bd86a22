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
