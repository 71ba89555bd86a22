-- Quote hit rate (DESIGN.md §3 "Quote hit rate" and Precise rules, §4 quotes). One row.
--
-- Quotes form a cohort by issue month: a quote belongs to the period when issued_at falls in
-- $from_date..$to_date, and its decision is counted whatever its date (even after the period).
--   issued   = status ≠ draft among the known statuses: sent, accepted, rejected, expired;
--   accepted = status accepted; rejected = status rejected; pending = status sent;
--   expired quotes are issued but neither pending nor rejected (nor accepted).
-- A status the vocabulary did not know (status NULL, the export's text kept in status_source)
-- counts in no status figure: it is neither issued nor draft nor anything else until mapped.
-- hit_rate = accepted / issued; hit_rate_amount = Σ amount accepted / Σ amount issued (NULL when
-- the denominator is 0). months: every month of the period, oldest first, with zeros and a NULL
-- hit rate when nothing was issued.
--
-- Filters (f_*; a quote has a client and a product line, not a product):
--   client_type, size, sector, legal_form, region, crm_status, account_manager: the quote's client
--     in the clients table has that value; quotes of clients missing from the table (or without a
--     client) are dropped, as a client-attribute filter drops the lines of unknown clients;
--   product_line: the quote's own product_line column (quotes without one are dropped);
--   business_unit: the quote's product line is a line of that business unit in the products table;
--   billing_tier, status: the client's tier and status, computed as every figure computes them
--     (lines.sql) on the lines the other filters keep; a client of the clients table without
--     status there (no line up to as_of) is potential, as in client_status.sql;
--   product: a quote names no product, so it cannot have that attribute: no quote is kept
--     (zeros), rather than silently ignoring the filter.
-- The same filters apply to quotes and opportunities in pipeline.sql.
WITH computed AS (
	SELECT client_id, any_value(billing_tier) AS billing_tier, any_value(status) AS status
	FROM cartera_lines($from_date, $to_date, $as_of, $window_days, $min_invoices, $min_amount, $abc_a, $abc_b,
		$f_product, $f_product_line, $f_business_unit, $f_client_type, $f_size, $f_sector, $f_legal_form, $f_region,
		$f_crm_status, $f_account_manager, NULL, NULL)
	WHERE client_id IS NOT NULL AND ($f_billing_tier::VARCHAR IS NOT NULL OR $f_status::VARCHAR IS NOT NULL)
	GROUP BY client_id
),
cohort AS (
	SELECT q.issued_at, q.amount, q.status
	FROM quotes q
	LEFT JOIN clients c ON c.client_id = q.client_id
	LEFT JOIN computed k ON k.client_id = q.client_id
	WHERE q.issued_at BETWEEN $from_date::DATE AND $to_date::DATE
		AND $f_product::VARCHAR IS NULL
		AND ($f_product_line::VARCHAR IS NULL OR q.product_line = $f_product_line)
		AND ($f_business_unit::VARCHAR IS NULL
			OR q.product_line IN (SELECT product_line FROM products WHERE business_unit = $f_business_unit))
		AND ($f_client_type::VARCHAR IS NULL OR c.client_type = $f_client_type)
		AND ($f_size::VARCHAR IS NULL OR c.size = $f_size)
		AND ($f_sector::VARCHAR IS NULL OR c.sector = $f_sector)
		AND ($f_legal_form::VARCHAR IS NULL OR c.legal_form = $f_legal_form)
		AND ($f_region::VARCHAR IS NULL OR c.region = $f_region)
		AND ($f_crm_status::VARCHAR IS NULL OR c.crm_status = $f_crm_status)
		AND ($f_account_manager::VARCHAR IS NULL OR c.account_manager = $f_account_manager)
		AND ($f_billing_tier::VARCHAR IS NULL OR k.billing_tier = $f_billing_tier)
		AND ($f_status::VARCHAR IS NULL
			OR coalesce(k.status, CASE WHEN c.client_id IS NOT NULL THEN 'potential' END) = $f_status)
),
issued AS (
	SELECT date_trunc('month', issued_at)::DATE AS month, amount, status
	FROM cohort
	WHERE status IS NOT NULL AND status <> 'draft'
),
months AS (
	SELECT generate_series::DATE AS month
	FROM generate_series($from_date::DATE, $to_date::DATE, INTERVAL 1 MONTH)
),
monthly AS (
	SELECT m.month,
		count(i.status) AS issued,
		count(i.status) FILTER (WHERE i.status = 'accepted') AS accepted
	FROM months m LEFT JOIN issued i USING (month)
	GROUP BY m.month
),
totals AS (
	SELECT
		count(*) AS issued,
		count(*) FILTER (WHERE status = 'accepted') AS accepted,
		count(*) FILTER (WHERE status = 'rejected') AS rejected,
		count(*) FILTER (WHERE status = 'sent') AS pending,
		sum(amount) AS amount_issued,
		coalesce(sum(amount) FILTER (WHERE status = 'accepted'), 0) AS amount_accepted
	FROM issued
)
SELECT
	t.issued::INTEGER AS issued,
	t.accepted::INTEGER AS accepted,
	t.rejected::INTEGER AS rejected,
	t.pending::INTEGER AS pending,
	CASE WHEN t.issued > 0 THEN t.accepted::DOUBLE / t.issued::DOUBLE END AS hit_rate,
	CASE WHEN t.amount_issued <> 0 THEN t.amount_accepted::DOUBLE / t.amount_issued::DOUBLE END AS hit_rate_amount,
	(SELECT list({'month': strftime(month, '%Y-%m'), 'issued': issued::INTEGER, 'accepted': accepted::INTEGER,
		'hit_rate': CASE WHEN issued > 0 THEN accepted::DOUBLE / issued::DOUBLE END} ORDER BY month) FROM monthly) AS months
FROM totals t;
