-- Invoice lines with their client's and product's attributes, after the filters (docs/definitions.md
-- "Filters": they apply first): each f_* is NULL (no filter) or the value to keep. A client-attribute
-- filter drops lines of clients missing from the clients table. Billing tier and status are
-- computed on the lines the attribute filters keep, then filter too (f_billing_tier, f_status).
-- Tier: clients with revenue > 0 in [from_date, to_date], by revenue desc then client_id, through
-- the ABC rule of abc_tier.sql.
-- Status as of as_of (docs/definitions.md "Client status"): potential = in the clients table, no positive line on or
-- before as_of; active = ≥ min_invoices invoices summing > 0 within (as_of − window_days, as_of]
-- and the window's total ≥ min_amount; inactive = bought before, not active. Clients whose lines
-- all come after as_of have no status here (client_status.sql adds the clients without lines).
-- Lines without a client have no tier and no status. Classifying costs a pass over the lines: it
-- happens only when `classify` is true (the caller reads billing_tier or status) or a tier or
-- status filter is given; otherwise both columns are NULL.
-- Only posted documents count (docs/definitions.md "Document status"): drafts and cancelled
-- documents are stored but left out here, so out of every figure.
-- The filters are those of the registry (src/lib/dimensions.ts), one f_<id> each in its order;
-- {{…}} are written out from it by src/lib/server/query-fragments.ts.
CREATE OR REPLACE TEMP MACRO cartera_lines({{filter_params}}, classify) AS TABLE
WITH attributed AS NOT MATERIALIZED (
	SELECT l.invoice_id, l.line_no, l.invoice_date, l.client_id, l.product_id, l.quantity, l.amount, l.doc_type,
		c.client_id IS NOT NULL AS in_clients, {{attribute_columns}}
	FROM invoice_lines l
	LEFT JOIN clients c ON c.client_id = l.client_id
	LEFT JOIN products p ON p.product_id = l.product_id
	WHERE l.doc_status NOT IN {{uncounted_statuses}} AND {{line_filter_conditions}}
),
-- One pass over the lines, per client and invoice: what the tier and the status need.
invoices AS (
	SELECT client_id, invoice_id, bool_or(in_clients) AS in_clients,
		sum(amount) FILTER (WHERE invoice_date BETWEEN from_date::DATE AND to_date::DATE) AS period_amount,
		sum(amount) FILTER (WHERE invoice_date <= as_of::DATE AND invoice_date > as_of::DATE - window_days::INTEGER) AS window_amount,
		bool_or(amount > 0 AND invoice_date <= as_of::DATE) AS bought,
		bool_or(invoice_date <= as_of::DATE) AS seen
	FROM attributed
	-- Skipped (no row) unless the caller uses tier or status, or filters by them.
	WHERE client_id IS NOT NULL AND (classify OR f_billing_tier IS NOT NULL OR f_status IS NOT NULL)
	GROUP BY client_id, invoice_id
),
per_client AS (
	SELECT client_id, bool_or(in_clients) AS in_clients, sum(period_amount) AS revenue,
		count(*) FILTER (WHERE window_amount > 0) AS window_invoices, coalesce(sum(window_amount), 0) AS window_total,
		bool_or(bought) AS bought, bool_or(seen) AS seen
	FROM invoices GROUP BY client_id
),
ranked AS (
	-- Share of the period's positive revenue held by strictly higher-ranked clients.
	SELECT *,
		CASE WHEN revenue > 0 THEN cartera_share_before(revenue, client_id) END AS share_before
	FROM per_client
),
classified AS (
	SELECT client_id,
		CASE WHEN revenue > 0 THEN cartera_abc_tier(share_before, abc_a, abc_b) END AS billing_tier,
		cartera_status_rule(seen, bought, in_clients, window_invoices, window_total, min_invoices, min_amount) AS status
	FROM ranked
)
SELECT a.*, k.billing_tier, k.status
FROM attributed a
LEFT JOIN classified k USING (client_id)
WHERE (f_billing_tier IS NULL OR k.billing_tier = f_billing_tier)
	AND (f_status IS NULL OR k.status = f_status);
