-- Activation (DESIGN.md §3 Activation and its Precise rules), one row per period: ord 0 is the
-- document's period ($from_date..$to_date, status as of $as_of), ord 1..n each month of it as its
-- own period with as_of = the month's last day.
-- Population: the clients table only (clients seen only in invoice lines are left out), keeping
-- the clients that have the filtered client attributes (DESIGN.md §4 Filters); product filters
-- restrict the lines considered (status and first purchase are those of the filtered lines). The
-- billing-tier and status filters keep the clients whose tier (of the document's period) and status
-- (as of $as_of) match; the population is the same for every row.
--   activation_rate = active / clients_total;
--   prospects_exposed = clients with no positive line before the period start and created_at ≤ as_of
--     or unknown; activated = those whose first positive line falls in the period;
--   prospect_conversion_rate = activated / prospects_exposed;
--   median_days_to_activation = median of (first positive line − created_at) in days over the
--     activated clients with created_at (even count: mean of the two middle values).
-- Rates and the median are NULL when there is nothing to divide or take the median of.
-- Status, as of $as_of and at each month end, in one pass over the lines (first line, first
-- positive line, invoices in the window before each date) through the one status rule,
-- cartera_status_rule (status_rule.sql). cartera_lines gets NULL for f_billing_tier and f_status:
-- filtering the lines by status would lose the clients the filter drops (and a status = potential
-- filter would then wrongly keep them as "no lines"), so both filters are applied here to the
-- client population instead.
WITH document_lines AS (
	-- Tiers only when the tier filter asks for them; statuses come from the rule below.
	SELECT client_id, invoice_id, invoice_date, amount, in_clients, billing_tier
	FROM cartera_lines($from_date, $to_date, $as_of, $window_days, $min_invoices, $min_amount, $abc_a, $abc_b,
		$f_product, $f_product_line, $f_business_unit, $f_client_type, $f_size, $f_sector, $f_legal_form, $f_region,
		$f_crm_status, $f_account_manager, NULL, NULL, $f_billing_tier::VARCHAR IS NOT NULL)
	WHERE client_id IS NOT NULL
),
periods AS (
	SELECT 0 AS ord, NULL::VARCHAR AS month, $from_date::DATE AS p_from, $to_date::DATE AS p_to, $as_of::DATE AS p_as_of
	UNION ALL
	SELECT row_number() OVER (ORDER BY m) AS ord, strftime(m, '%Y-%m'), m::DATE, last_day(m::DATE), last_day(m::DATE)
	FROM generate_series($from_date::DATE, $to_date::DATE, INTERVAL 1 MONTH) g(m)
),
firsts AS (
	SELECT client_id, bool_or(in_clients) AS in_clients, min(invoice_date) AS first_line,
		min(invoice_date) FILTER (WHERE amount > 0) AS first_positive, any_value(billing_tier) AS billing_tier
	FROM document_lines GROUP BY client_id
),
invoice_days AS (
	-- Lines summed per invoice and day first: the window join then handles invoices, not lines.
	SELECT client_id, invoice_id, invoice_date, sum(amount) AS amount
	FROM document_lines GROUP BY client_id, invoice_id, invoice_date
),
window_invoices AS (
	SELECT p.ord, i.client_id, i.invoice_id, sum(i.amount) AS total
	FROM periods p JOIN invoice_days i
		ON i.invoice_date <= p.p_as_of AND i.invoice_date > p.p_as_of - $window_days::INTEGER
	GROUP BY p.ord, i.client_id, i.invoice_id
),
recent AS (
	SELECT ord, client_id, count(*) FILTER (WHERE total > 0) AS invoices, sum(total) AS total
	FROM window_invoices GROUP BY ord, client_id
),
status_by_ord AS (
	-- Every client with lines, at as_of (ord 0) and at each month end (ord 1..n).
	SELECT p.ord, f.client_id,
		cartera_status_rule(f.first_line <= p.p_as_of, coalesce(f.first_positive <= p.p_as_of, false), f.in_clients,
			coalesce(r.invoices, 0), coalesce(r.total, 0), $min_invoices, $min_amount) AS status
	FROM periods p
	CROSS JOIN firsts f
	LEFT JOIN recent r ON r.ord = p.ord AND r.client_id = f.client_id
),
population AS (
	SELECT c.client_id, c.created_at, f.first_positive AS first_purchase
	FROM clients c
	LEFT JOIN firsts f USING (client_id)
	LEFT JOIN status_by_ord s0 ON s0.ord = 0 AND s0.client_id = c.client_id
	WHERE ($f_client_type IS NULL OR c.client_type = $f_client_type)
		AND ($f_size IS NULL OR c.size = $f_size)
		AND ($f_sector IS NULL OR c.sector = $f_sector)
		AND ($f_legal_form IS NULL OR c.legal_form = $f_legal_form)
		AND ($f_region IS NULL OR c.region = $f_region)
		AND ($f_crm_status IS NULL OR c.crm_status = $f_crm_status)
		AND ($f_account_manager IS NULL OR c.account_manager = $f_account_manager)
		AND ($f_billing_tier IS NULL OR f.billing_tier = $f_billing_tier)
		-- A client of the table without lines up to as_of is potential (as in client_status.sql).
		AND ($f_status IS NULL OR coalesce(s0.status, 'potential') = $f_status)
),
status_at AS (
	SELECT ord, client_id, status FROM status_by_ord
	WHERE status IS NOT NULL AND client_id IN (SELECT client_id FROM population)
),
judged AS (
	SELECT p.ord, p.month, c.client_id, c.created_at, c.first_purchase,
		CASE WHEN c.client_id IS NOT NULL THEN coalesce(s.status, 'potential') END AS status,
		c.client_id IS NOT NULL
			AND (c.created_at IS NULL OR c.created_at <= p.p_as_of)
			AND (c.first_purchase IS NULL OR c.first_purchase >= p.p_from) AS exposed,
		c.first_purchase BETWEEN p.p_from AND p.p_to AS first_in_period
	FROM periods p
	LEFT JOIN population c ON true
	LEFT JOIN status_at s ON s.ord = p.ord AND s.client_id = c.client_id
),
figures AS (
	SELECT ord, month,
		count(client_id) AS clients_total,
		count(*) FILTER (WHERE status = 'active') AS active,
		count(*) FILTER (WHERE status = 'inactive') AS inactive,
		count(*) FILTER (WHERE status = 'potential') AS potential,
		count(*) FILTER (WHERE exposed) AS prospects_exposed,
		count(*) FILTER (WHERE exposed AND first_in_period) AS activated,
		quantile_cont((first_purchase - created_at)::DOUBLE, 0.5)
			FILTER (WHERE exposed AND first_in_period AND created_at IS NOT NULL) AS median_days_to_activation
	FROM judged
	GROUP BY ord, month
)
SELECT ord::INTEGER AS ord, month,
	clients_total::INTEGER AS clients_total,
	active::INTEGER AS active,
	inactive::INTEGER AS inactive,
	potential::INTEGER AS potential,
	CASE WHEN clients_total > 0 THEN active::DOUBLE / clients_total END AS activation_rate,
	prospects_exposed::INTEGER AS prospects_exposed,
	activated::INTEGER AS activated,
	CASE WHEN prospects_exposed > 0 THEN activated::DOUBLE / prospects_exposed END AS prospect_conversion_rate,
	median_days_to_activation::DOUBLE AS median_days_to_activation
FROM figures
ORDER BY ord;
