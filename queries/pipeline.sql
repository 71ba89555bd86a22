-- Pipeline, the two indicators of the commercial process (DESIGN.md §3 "Pipeline", §4 pipeline).
-- One row.
--
-- months: every month of $from_date..$to_date, oldest first (zeros when nothing happened):
--   leads         = opportunities records of kind 'lead' created (created_at) in the month;
--   opportunities = records of every other kind (opportunity, tender, quote_request, or a kind
--                   the vocabulary did not know) created in the month;
--   quotes        = quotes issued in the month: issue month of issued_at, status ≠ draft among the
--                   known statuses (an unknown status, NULL, counts nowhere; as in quotes.sql);
--   won           = records of any kind with outcome won and closed_at in the month.
-- Over the period (records closed, or created, in $from_date..$to_date):
--   win_rate        = won / (won + lost), records of any kind closed in the period; open records
--                     and unknown outcomes (NULL) are in neither; a won or lost record without
--                     closed_at cannot be placed in a month and is left out;
--   win_rate_amount = Σ amount won / Σ amount (won + lost), the same records (a missing amount adds 0);
--   median_cycle_days = median of closed_at − created_at in days over the won records closed in
--                     the period (even count: mean of the two middle values);
--   prospect_size   = mean amount of the opportunities (kinds other than lead, as in the monthly
--                     column) created in the period, over those with an amount; computed exactly
--                     and rounded half-up to cents;
--   quotes_per_month = quotes issued in the period / number of months of the period.
-- NULL when a denominator is 0 or there is no record to take a median or mean of.
--
-- Filters (f_*), the same for opportunities and quotes (see quotes.sql):
--   client_type, size, sector, legal_form, region, crm_status, account_manager: the record's client
--     in the clients table has that value (records of unknown clients or without one are dropped);
--   product_line: the record's own product_line column;
--   business_unit: the record's product line is a line of that business unit in the products table;
--   billing_tier, status: the client's tier and status computed on the lines the other filters
--     keep (lines.sql); a clients-table client without status there is potential;
--   product: these records name no product: none is kept (zeros).
WITH computed AS (
	SELECT client_id, any_value(billing_tier) AS billing_tier, any_value(status) AS status
	FROM cartera_lines($from_date, $to_date, $as_of, $window_days, $min_invoices, $min_amount, $abc_a, $abc_b,
		$f_product, $f_product_line, $f_business_unit, $f_client_type, $f_size, $f_sector, $f_legal_form, $f_region,
		$f_crm_status, $f_account_manager, NULL, NULL)
	WHERE client_id IS NOT NULL AND ($f_billing_tier::VARCHAR IS NOT NULL OR $f_status::VARCHAR IS NOT NULL)
	GROUP BY client_id
),
opps AS (
	SELECT o.kind, o.created_at, o.closed_at, o.amount, o.outcome
	FROM opportunities o
	LEFT JOIN clients c ON c.client_id = o.client_id
	LEFT JOIN computed k ON k.client_id = o.client_id
	WHERE $f_product::VARCHAR IS NULL
		AND ($f_product_line::VARCHAR IS NULL OR o.product_line = $f_product_line)
		AND ($f_business_unit::VARCHAR IS NULL
			OR o.product_line IN (SELECT product_line FROM products WHERE business_unit = $f_business_unit))
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
issued_quotes AS (
	SELECT date_trunc('month', q.issued_at)::DATE AS month
	FROM quotes q
	LEFT JOIN clients c ON c.client_id = q.client_id
	LEFT JOIN computed k ON k.client_id = q.client_id
	WHERE q.issued_at BETWEEN $from_date::DATE AND $to_date::DATE
		AND q.status IS NOT NULL AND q.status <> 'draft'
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
months AS (
	SELECT generate_series::DATE AS month
	FROM generate_series($from_date::DATE, $to_date::DATE, INTERVAL 1 MONTH)
),
created AS (
	SELECT date_trunc('month', created_at)::DATE AS month,
		count(*) FILTER (WHERE kind = 'lead') AS leads,
		count(*) FILTER (WHERE kind <> 'lead') AS opportunities
	FROM opps WHERE created_at BETWEEN $from_date::DATE AND $to_date::DATE
	GROUP BY 1
),
won AS (
	SELECT date_trunc('month', closed_at)::DATE AS month, count(*) AS won
	FROM opps WHERE outcome = 'won' AND closed_at BETWEEN $from_date::DATE AND $to_date::DATE
	GROUP BY 1
),
quoted AS (
	SELECT month, count(*) AS quotes FROM issued_quotes GROUP BY 1
),
monthly AS (
	SELECT list({'month': strftime(m.month, '%Y-%m'), 'leads': coalesce(c.leads, 0)::INTEGER,
		'opportunities': coalesce(c.opportunities, 0)::INTEGER, 'quotes': coalesce(q.quotes, 0)::INTEGER,
		'won': coalesce(w.won, 0)::INTEGER} ORDER BY m.month) AS months,
		count(*) AS month_count
	FROM months m
	LEFT JOIN created c USING (month)
	LEFT JOIN quoted q USING (month)
	LEFT JOIN won w USING (month)
),
closed AS (
	SELECT
		count(*) FILTER (WHERE outcome = 'won') AS won,
		count(*) AS decided,
		coalesce(sum(amount) FILTER (WHERE outcome = 'won'), 0) AS amount_won,
		coalesce(sum(amount), 0) AS amount_decided,
		quantile_cont(date_diff('day', created_at, closed_at), 0.5) FILTER (WHERE outcome = 'won') AS median_cycle_days
	FROM opps
	WHERE outcome IN ('won', 'lost') AND closed_at BETWEEN $from_date::DATE AND $to_date::DATE
),
prospects AS (
	-- The mean in exact arithmetic: Σ amount in ten-thousandths (amounts are DECIMAL(18,4)) over n,
	-- rounded half-up (away from zero) to whole cents with integers, then cents / 100.
	SELECT (sum(amount) * 10000)::HUGEINT AS total_4, count(amount)::HUGEINT AS n
	FROM opps
	WHERE kind <> 'lead' AND created_at BETWEEN $from_date::DATE AND $to_date::DATE AND amount IS NOT NULL
)
SELECT
	m.months,
	CASE WHEN c.decided > 0 THEN c.won::DOUBLE / c.decided::DOUBLE END AS win_rate,
	CASE WHEN c.amount_decided <> 0 THEN c.amount_won::DOUBLE / c.amount_decided::DOUBLE END AS win_rate_amount,
	c.median_cycle_days::DOUBLE AS median_cycle_days,
	CASE WHEN p.n > 0 THEN (sign(p.total_4) * ((2 * abs(p.total_4) + 100 * p.n) // (200 * p.n)))::DOUBLE / 100 END AS prospect_size,
	(SELECT count(*) FROM issued_quotes)::DOUBLE / m.month_count::DOUBLE AS quotes_per_month
FROM monthly m, closed c, prospects p;
