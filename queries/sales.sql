-- The filtered sales a figure sums, from the stored (month, client) rollup when the figure allows it
-- and the filters do, else from the lines (cartera_lines, lines.sql): the same columns either way.
-- A caller passes month_grain = true when it reads nothing finer than a month and a client: it
-- groups amounts by month, client or a client's attribute or tier over whole months (the period is
-- whole months, docs/definitions.md), counts lines with sum(lines), and reads no status. The rollup
-- then serves unless a filter picks lines within a client's month (a product's attributes) or
-- needs the status rule (its day window needs documents: a status filter).
-- Rows from the rollup: invoice_date is the month's first day; invoice_id, line_no, product_id,
-- quantity, doc_type and the product's attributes are NULL; lines = the month's line count; status
-- NULL. Rows from the lines: lines = 1. Billing tier (classify) is the same rule on either: the
-- clients' period revenue ranked (abc_tier.sql), after the client-attribute filters.
-- Given bound parameters, cartera_month_grain folds to a constant at planning and the unused
-- branch is pruned. $use_rollups (metrics/bind.ts; CARTERA_ROLLUPS=0 turns it off) lets a test or
-- the benchmark run the same figure on the lines.
CREATE OR REPLACE TEMP MACRO cartera_month_grain(month_grain, {{product_side_params}}, f_status) AS
	month_grain AND {{product_side_absent}} AND f_status IS NULL;

CREATE OR REPLACE TEMP MACRO cartera_client_months({{filter_params}}, classify) AS TABLE
WITH attributed AS NOT MATERIALIZED (
	SELECT s.month AS invoice_date, s.client_id, s.amount, s.lines,
		c.client_id IS NOT NULL AS in_clients, {{client_attribute_columns}}
	FROM client_month_sales s
	LEFT JOIN clients c ON c.client_id = s.client_id
	WHERE {{client_line_filter_conditions}}
),
per_client AS (
	SELECT client_id, sum(amount) FILTER (WHERE invoice_date BETWEEN from_date::DATE AND to_date::DATE) AS revenue
	FROM attributed
	WHERE client_id IS NOT NULL AND (classify OR f_billing_tier IS NOT NULL)
	GROUP BY client_id
),
classified AS (
	-- As lines.sql's ranked: the share of the period's positive revenue held by strictly higher-ranked clients.
	SELECT client_id,
		CASE WHEN revenue > 0 THEN cartera_abc_tier(
			coalesce(sum(revenue) FILTER (WHERE revenue > 0) OVER (ORDER BY revenue DESC NULLS LAST, client_id
				ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::DOUBLE / (sum(revenue) FILTER (WHERE revenue > 0) OVER ())::DOUBLE,
			abc_a, abc_b) END AS billing_tier
	FROM per_client
)
SELECT a.*, k.billing_tier, NULL::VARCHAR AS status
FROM attributed a
LEFT JOIN classified k USING (client_id)
WHERE f_billing_tier IS NULL OR k.billing_tier = f_billing_tier;

CREATE OR REPLACE TEMP MACRO cartera_sales({{filter_params}}, classify, month_grain) AS TABLE
SELECT *, 1 AS lines
FROM cartera_lines({{filter_params}}, classify)
WHERE NOT cartera_month_grain(month_grain, {{product_side_params}}, f_status)
UNION ALL BY NAME
SELECT *
FROM cartera_client_months({{filter_params}}, classify)
WHERE cartera_month_grain(month_grain, {{product_side_params}}, f_status);
