-- The filtered sales a figure sums, from a stored month rollup when the figure allows it and the
-- filters do, else from the lines (cartera_lines, lines.sql): the same columns either way.
-- A caller passes month_grain = true when it reads nothing finer than a month, a client and a
-- product line: it groups amounts by month, client, a client's attribute or tier, or product line
-- over whole months (the period is whole months, docs/definitions.md), counts lines with
-- sum(lines), and reads no status; and by_product_line when it groups by product line.
-- cartera_sales_grain says which rows serve: 'line' when the caller cannot take months, or a filter
-- picks lines finer than a product line (a product, a business unit); else 'product_line'
-- (client_line_month_sales, migration 020) when the caller groups
-- or filters by product line; else 'client' (client_month_sales, 019: ~5× fewer rows).
-- Rows from a rollup: invoice_date is the month's first day; invoice_id, line_no, product_id,
-- quantity, doc_type and the product's other attributes are NULL; product_line is NULL from the
-- client rollup; lines = the month's line count; from either rollup also the month's
-- first line and first and last positive line (first_day, first_positive, last_positive: NULL
-- from the lines). Rows from the lines: lines = 1.
-- Billing tier (classify) is the same rule on either: the clients' period revenue ranked
-- (abc_tier.sql, cartera_share_before), after the client-attribute filters.
-- Status (classify, or a status filter): the status rule (status_rule.sql) on the client's first
-- line and first purchase up to as_of (cartera_client_firsts) and its documents in the window
-- before as_of (cartera_window_as_of, status_window.sql), as the client list reads it: at a month
-- end, when stored_windows, one stored row per client (at 10M lines 80–170 ms less per figure under a
-- status filter). On 10M lines, segmentation by status took 2 s classifying every line. Within a
-- product-line filter, the same rule on that line's documents (cartera_month_classes).
-- Given bound parameters the grain folds to a constant at planning and the unused branches are
-- pruned. $use_rollups (metrics/bind.ts; CARTERA_ROLLUPS=0 turns it off) lets a test or the
-- benchmark run the same figure on the lines.
CREATE OR REPLACE TEMP MACRO cartera_sales_grain(month_grain, by_product_line, {{product_side_params}}, f_status) AS
	CASE
		WHEN NOT month_grain OR NOT ({{below_product_line_absent}}) THEN 'line'
		WHEN by_product_line OR f_product_line IS NOT NULL THEN 'product_line'
		ELSE 'client'
	END;

-- The month rollup's rows (per client, or per client and product line when by_product_line) with
-- their client's attributes, after the client-attribute and product-line filters.
CREATE OR REPLACE TEMP MACRO cartera_month_rows({{filter_params}}, by_product_line) AS TABLE
SELECT s.month AS invoice_date, s.client_id, s.product_line, s.amount, s.lines,
	s.first_day, s.first_positive, s.last_positive,
	c.client_id IS NOT NULL AS in_clients, {{client_attribute_columns}}
FROM (
	SELECT month, client_id, NULL::VARCHAR AS product_line, amount, lines, first_day, first_positive, last_positive
	FROM client_month_sales WHERE NOT by_product_line
	UNION ALL
	SELECT month, client_id, product_line, amount, lines, first_day, first_positive, last_positive
	FROM client_line_month_sales WHERE by_product_line
) s
LEFT JOIN clients c ON c.client_id = s.client_id
WHERE {{client_line_filter_conditions}} AND (f_product_line IS NULL OR s.product_line = f_product_line);

-- Each client's first line and first positive line (its first purchase), when `wanted`: the least
-- of its rows in client_line_firsts (migration 025: every line of the client is in one of them, the
-- NULL product line included), the same days as the least of its month rollup rows, from a few rows
-- per client instead of one per month (at 10M lines over ten years 120,000 rows against 1.5
-- million: 69 → 5 ms). The status rule below and activation's firsts (activation.sql) read it.
CREATE OR REPLACE TEMP MACRO cartera_client_firsts(wanted) AS TABLE
SELECT client_id, min(first_day) AS first_day, min(first_positive) AS first_positive
FROM client_line_firsts
WHERE wanted AND client_id IS NOT NULL
GROUP BY client_id;

-- Each client's billing tier and status from the month rollups, one row per client, only what is
-- asked for (the rest folds away at planning):
--   tier (with_tier): the period's revenue of the rows cartera_month_rows keeps, ranked (a client
--     without any has none);
--   status (with_status): per client, whatever the client-attribute filters (they keep or drop a
--     client's rows whole), so without reading the filtered rows (at 10M lines that read was 70 of a
--     status filter's 100 ms in each figure); its first line and first purchase from
--     cartera_client_firsts. Within a product-line filter, the
--     status rule on that line's documents: first line and first purchase from client_line_firsts
--     (migration 025), the window from the line's documents dated in it, each document's lines there
--     summed (as lines.sql sums them). At 10M lines over ten years the overview under a status and a
--     product line took 7.6 s, each figure classifying every line of that product line. With
--     line_statuses, those same statuses as this connection keeps them for this product line, as_of
--     and rule (cartera_line_statuses, metrics/line-statuses.ts): worked out once for all the figures
--     of a page instead of once in each (about 100 ms each at 10M lines with dates in no order).
CREATE OR REPLACE TEMP MACRO cartera_month_classes({{filter_params}}, by_product_line, with_tier, with_status) AS TABLE
WITH tiers AS (
	SELECT client_id, CASE WHEN revenue > 0 THEN cartera_abc_tier(cartera_share_before(revenue, client_id), abc_a, abc_b) END AS billing_tier
	FROM (
		SELECT client_id, sum(amount) AS revenue
		FROM cartera_month_rows({{filter_params}}, by_product_line)
		WHERE with_tier AND client_id IS NOT NULL AND invoice_date BETWEEN from_date::DATE AND to_date::DATE
		GROUP BY client_id
	)
),
statuses AS (
	SELECT f.client_id, cartera_status_rule(f.seen, f.bought, c.client_id IS NOT NULL,
			coalesce(w.invoices, 0), coalesce(w.total, 0), min_invoices, min_amount) AS status
	FROM (
		SELECT client_id, first_day <= as_of::DATE AS seen, coalesce(first_positive <= as_of::DATE, false) AS bought
		FROM cartera_client_firsts(with_status AND f_product_line IS NULL)
	) f
	LEFT JOIN (SELECT client_id FROM clients WHERE with_status AND f_product_line IS NULL) c ON c.client_id = f.client_id
	LEFT JOIN (SELECT * FROM cartera_window_as_of(as_of, window_days, stored_windows) WHERE with_status AND f_product_line IS NULL) w
		ON w.client_id = f.client_id
	UNION ALL
	SELECT f.client_id, cartera_status_rule(f.first_day <= as_of::DATE, coalesce(f.first_positive <= as_of::DATE, false),
			c.client_id IS NOT NULL, coalesce(w.invoices, 0), coalesce(w.total, 0), min_invoices, min_amount)
	FROM client_line_firsts f
	LEFT JOIN (SELECT client_id FROM clients WHERE with_status AND f_product_line IS NOT NULL) c ON c.client_id = f.client_id
	LEFT JOIN (
		SELECT client_id, count(*) FILTER (WHERE total > 0) AS invoices, sum(total) AS total
		FROM (
			SELECT l.client_id, sum(l.amount) AS total
			FROM invoice_lines l
			JOIN products p ON p.product_id = l.product_id
			WHERE with_status AND f_product_line IS NOT NULL AND p.product_line = f_product_line
				AND l.doc_status NOT IN {{uncounted_statuses}} AND l.client_id IS NOT NULL
				AND l.invoice_date <= as_of::DATE AND l.invoice_date > as_of::DATE - window_days::INTEGER
			GROUP BY l.client_id, l.invoice_id
		)
		GROUP BY client_id
	) w ON w.client_id = f.client_id
	WHERE with_status AND f_product_line IS NOT NULL AND NOT line_statuses AND f.product_line = f_product_line AND f.client_id IS NOT NULL
	UNION ALL
	SELECT client_id, status
	FROM cartera_line_statuses
	WHERE with_status AND f_product_line IS NOT NULL AND line_statuses
		AND rule_key = cartera_line_status_key(f_product_line, as_of, window_days, min_invoices, min_amount)
)
SELECT client_id, t.billing_tier, st.status
FROM tiers t
FULL JOIN statuses st USING (client_id);

CREATE OR REPLACE TEMP MACRO cartera_client_months({{filter_params}}, classify, by_product_line, with_status) AS TABLE
SELECT a.*, k.billing_tier, k.status
FROM cartera_month_rows({{filter_params}}, by_product_line) a
LEFT JOIN cartera_month_classes({{filter_params}}, by_product_line, classify OR f_billing_tier IS NOT NULL, with_status) k
	ON k.client_id = a.client_id
WHERE (f_billing_tier IS NULL OR k.billing_tier = f_billing_tier)
	AND (f_status IS NULL OR k.status = f_status);

-- Each client's billing tier (with_tier) and status (with_status) as every figure classifies them,
-- one row per client, for the figures that pick clients by them (records.sql, retention_rows.sql,
-- activation.sql): from the month rollups where cartera_sales_grain lets them serve (month_grain,
-- no filter finer than a product line, no status within a product line), else from the lines. The
-- computed filters are not applied here: the caller compares. Clients only the client-attribute
-- filters would drop may be among the statuses: every caller applies those filters itself.
CREATE OR REPLACE TEMP MACRO cartera_client_classes({{filter_params}}, month_grain, with_tier, with_status) AS TABLE
SELECT client_id, billing_tier, status
FROM cartera_month_classes({{filter_params}},
	cartera_sales_grain(month_grain, false, {{product_side_params}}, f_status) = 'product_line', with_tier, with_status)
WHERE cartera_sales_grain(month_grain, false, {{product_side_params}}, f_status) <> 'line'
UNION ALL
SELECT client_id, any_value(billing_tier), any_value(status)
FROM cartera_lines({{filter_params}}, true)
WHERE cartera_sales_grain(month_grain, false, {{product_side_params}}, f_status) = 'line' AND client_id IS NOT NULL
	AND (with_tier OR with_status)
GROUP BY client_id;

CREATE OR REPLACE TEMP MACRO cartera_sales({{filter_params}}, classify, month_grain, by_product_line) AS TABLE
SELECT *, 1 AS lines
FROM cartera_lines({{filter_params}}, classify)
WHERE cartera_sales_grain(month_grain, by_product_line, {{product_side_params}}, f_status) = 'line'
UNION ALL BY NAME
SELECT *
FROM cartera_client_months({{filter_params}}, classify,
	cartera_sales_grain(month_grain, by_product_line, {{product_side_params}}, f_status) = 'product_line',
	classify OR f_status IS NOT NULL)
WHERE cartera_sales_grain(month_grain, by_product_line, {{product_side_params}}, f_status) <> 'line';

-- The rows segmentation groups by dimension dim (and the cross-tab by dim × dim2; pass dim twice
-- for one): segmentation.sql, list_segment.sql and segmentation_cross.sql read the same rows. A
-- month rollup serves unless a dimension is finer than a product line.
CREATE OR REPLACE TEMP MACRO cartera_segment_sales(dim, dim2, use_rollups, {{filter_params}}) AS TABLE
SELECT * FROM cartera_sales({{filter_params}}, dim IN ('billing_tier', 'status') OR dim2 IN ('billing_tier', 'status'),
	use_rollups AND dim NOT IN {{below_product_line_dims}} AND dim2 NOT IN {{below_product_line_dims}},
	'product_line' IN (dim, dim2));
