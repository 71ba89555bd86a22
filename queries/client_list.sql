-- The client list (dashboard Clientes): one row per client of the population, with its attributes,
-- computed status and billing tier, and its revenue in the period and in the comparison period.
-- Filters apply as in every figure (lines.sql): the lines are those cartera_lines keeps; status and
-- tier are the ones it computes on them (classify = true). As in records.sql and activation.sql,
-- the tier and status filters are applied to the client population, not to the lines, so that a
-- client of the clients table without lines up to as_of is `potential` (client_status.sql) and a
-- `status = potential` filter keeps it.
-- Population: the clients of the clients table that have the filtered client attributes, plus the
-- clients seen only in the (filtered) lines, plus one row (client_id NULL) for the lines without a
-- client when there are any in the period or the comparison period; so the revenues of all rows sum
-- to the period revenue R of segmentation.sql for the same filters.
--   revenue = Σ amount of the client's lines in [$from_date, $to_date]; revenue_previous the same in
--   [$cmp_from, $cmp_to]; change = (revenue − revenue_previous) / revenue_previous, NULL when the
--   base is ≤ 0 (as growth.sql); lines = the client's lines in the period;
--   last_purchase = the client's last positive line (a purchase) on or before $as_of.
-- When no filter picks lines finer than a product line (and $use_rollups, metrics/bind.ts), every
-- client's figures come from the stored rollups instead of the lines, the same to the cent:
-- revenues, lines and last purchase from the month rollup (client_month_sales, migrations 019 and
-- 023; within a product line client_line_month_sales, 020 and 025), the tier from the same rows
-- (cartera_client_months, sales.sql), the status from cartera_month_classes (sales.sql), the one
-- place every figure's status per client comes from. Only last_purchase, when as_of is not a month
-- end, reads the lines of as_of's own month. On 10M lines the first page takes ~0.3 s, not 2.6 s.
-- $client: NULL for the list, or one client_id (the client page reads its row from here).
-- $q: NULL or text searched in client_id and name, case- and accent-insensitive, literally
-- (contains, not LIKE: % and _ are plain characters). The row without client never matches.
-- $sort / $dir pick one of the fixed ORDER BY keys below (anything else: revenue desc); ties by
-- client_id. $limit / $offset page the rows (a NULL limit: every row); total = matching rows.
WITH statuses AS MATERIALIZED (
	-- Every client's status as every figure has it (cartera_month_classes, sales.sql: the month
	-- rollup's first line and purchase and the stored windows; within a product line, that line's),
	-- read whole: a client page's $client pushed into the windows made the spread invoices' branch
	-- scan the period's lines (130 ms on 10M lines).
	SELECT client_id, status FROM cartera_month_classes({{filters_unclassified}}, true, false, true)
	WHERE cartera_month_rollups_apply($use_rollups, {{product_side_filters}})
),
l AS (
	SELECT client_id, invoice_date, amount, billing_tier, status
	FROM cartera_lines({{filters_unclassified}}, true)
	WHERE NOT (cartera_month_rollups_apply($use_rollups, {{product_side_filters}}))
		AND ($client::VARCHAR IS NULL OR client_id = $client::VARCHAR)
),
months AS (
	-- The month rollup's rows of the clients the filters keep, with their tier (none without rollups).
	SELECT k.client_id, k.invoice_date AS month, k.amount, k.lines, k.billing_tier, k.last_positive
	-- Its status is read from statuses above (with_status false).
	FROM cartera_client_months({{filters_unclassified}}, true, $f_product_line::VARCHAR IS NOT NULL, false) k
	WHERE cartera_month_rollups_apply($use_rollups, {{product_side_filters}})
		AND ($client::VARCHAR IS NULL OR k.client_id = $client::VARCHAR)
),
month_clients AS (
	SELECT client_id, any_value(billing_tier) AS billing_tier,
		sum(amount) FILTER (WHERE month BETWEEN $from_date::DATE AND $to_date::DATE) AS revenue,
		sum(amount) FILTER (WHERE month BETWEEN $cmp_from::DATE AND $cmp_to::DATE) AS revenue_previous,
		sum(lines) FILTER (WHERE month BETWEEN $from_date::DATE AND $to_date::DATE) AS lines,
		max(last_positive) FILTER (WHERE last_positive <= $as_of::DATE) AS last_purchase
	FROM months
	GROUP BY client_id
),
as_of_month AS (
	-- as_of within a month: that month's purchases up to it, which its row's last_positive may pass.
	SELECT client_id, max(invoice_date) AS last_purchase
	FROM invoice_lines
	WHERE cartera_month_rollups_apply($use_rollups, {{product_side_filters}}) AND $as_of::DATE <> last_day($as_of::DATE)
		AND ($f_product_line::VARCHAR IS NULL OR product_id IN (SELECT product_id FROM products WHERE product_line = $f_product_line))
		AND doc_status NOT IN {{uncounted_statuses}} AND amount > 0
		AND invoice_date BETWEEN date_trunc('month', $as_of::DATE) AND $as_of::DATE
		AND ($client::VARCHAR IS NULL OR client_id = $client::VARCHAR)
	GROUP BY client_id
),
per_client AS (
	SELECT client_id, any_value(billing_tier) AS billing_tier, any_value(status) AS status,
		sum(amount) FILTER (WHERE invoice_date BETWEEN $from_date::DATE AND $to_date::DATE) AS revenue,
		sum(amount) FILTER (WHERE invoice_date BETWEEN $cmp_from::DATE AND $cmp_to::DATE) AS revenue_previous,
		count(*) FILTER (WHERE invoice_date BETWEEN $from_date::DATE AND $to_date::DATE) AS lines,
		max(invoice_date) FILTER (WHERE amount > 0 AND invoice_date <= $as_of::DATE) AS last_purchase
	FROM l
	GROUP BY client_id
	UNION ALL
	SELECT k.client_id, k.billing_tier, s.status, k.revenue, k.revenue_previous, k.lines,
		-- The later of the two, either of which may be missing.
		greatest(coalesce(k.last_purchase, a.last_purchase), coalesce(a.last_purchase, k.last_purchase))
	FROM month_clients k
	LEFT JOIN statuses s ON s.client_id = k.client_id
	LEFT JOIN as_of_month a ON a.client_id IS NOT DISTINCT FROM k.client_id
),
registered AS (
	SELECT c.client_id, c.name, c.client_type, c.size, c.sector, c.legal_form, c.region, c.crm_status,
		c.account_manager, c.created_at
	FROM clients c
	WHERE ($client::VARCHAR IS NULL OR c.client_id = $client::VARCHAR)
		AND {{client_filter_conditions}}
),
population AS (
	SELECT r.*, true AS in_clients, k.billing_tier, coalesce(k.status, 'potential') AS status,
		coalesce(k.revenue, 0) AS revenue, coalesce(k.revenue_previous, 0) AS revenue_previous,
		coalesce(k.lines, 0) AS lines, k.last_purchase
	FROM registered r
	LEFT JOIN per_client k ON k.client_id = r.client_id
	UNION ALL
	-- Clients only in the lines, and the lines without a client (when the period or the comparison has some).
	SELECT k.client_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, k.billing_tier, k.status,
		coalesce(k.revenue, 0), coalesce(k.revenue_previous, 0), k.lines, k.last_purchase
	FROM per_client k
	WHERE (k.client_id IS NULL OR k.client_id NOT IN (SELECT client_id FROM clients))
		AND (k.client_id IS NOT NULL OR k.revenue IS NOT NULL OR k.revenue_previous IS NOT NULL)
),
matching AS (
	SELECT *,
		CASE WHEN revenue_previous > 0 THEN (revenue - revenue_previous)::DOUBLE / revenue_previous::DOUBLE END AS change
	FROM population
	WHERE ($f_billing_tier::VARCHAR IS NULL OR billing_tier = $f_billing_tier)
		AND ($f_status::VARCHAR IS NULL OR status = $f_status)
		AND ($q::VARCHAR IS NULL OR (client_id IS NOT NULL AND (
			contains(strip_accents(lower(client_id)), strip_accents(lower($q::VARCHAR)))
			OR contains(strip_accents(lower(coalesce(name, ''))), strip_accents(lower($q::VARCHAR))))))
),
keyed AS (
	-- The sort keys: one text key and one numeric key per row; only the chosen column fills them.
	SELECT *,
		CASE $sort::VARCHAR
			WHEN 'client_id' THEN strip_accents(lower(client_id)) WHEN 'name' THEN strip_accents(lower(name))
			WHEN 'client_type' THEN strip_accents(lower(client_type)) WHEN 'region' THEN strip_accents(lower(region))
			WHEN 'account_manager' THEN strip_accents(lower(account_manager)) WHEN 'size' THEN strip_accents(lower(size))
			WHEN 'sector' THEN strip_accents(lower(sector)) WHEN 'billing_tier' THEN billing_tier
			WHEN 'status' THEN status WHEN 'last_purchase' THEN strftime(last_purchase, '%Y-%m-%d')
		END AS text_key,
		CASE $sort::VARCHAR
			WHEN 'client_id' THEN NULL WHEN 'name' THEN NULL WHEN 'client_type' THEN NULL WHEN 'region' THEN NULL
			WHEN 'account_manager' THEN NULL WHEN 'size' THEN NULL WHEN 'sector' THEN NULL WHEN 'billing_tier' THEN NULL
			WHEN 'status' THEN NULL WHEN 'last_purchase' THEN NULL
			WHEN 'revenue_previous' THEN revenue_previous::DOUBLE WHEN 'change' THEN change
			ELSE revenue::DOUBLE
		END AS number_key,
		CASE WHEN $dir::VARCHAR = 'asc' THEN 'asc' WHEN $dir::VARCHAR = 'desc' THEN 'desc'
			WHEN $sort::VARCHAR IN ('client_id', 'name', 'client_type', 'region', 'account_manager', 'size', 'sector', 'billing_tier', 'status') THEN 'asc'
			ELSE 'desc'
		END AS direction
	FROM matching
)
SELECT client_id, name, client_type, size, sector, legal_form, region, crm_status, account_manager,
	strftime(created_at, '%Y-%m-%d') AS created_at, in_clients, billing_tier, status,
	round(revenue, 2)::DOUBLE AS revenue, round(revenue_previous, 2)::DOUBLE AS revenue_previous, change,
	lines::INTEGER AS lines, strftime(last_purchase, '%Y-%m-%d') AS last_purchase,
	(count(*) OVER ())::INTEGER AS total,
	round(sum(revenue) OVER (), 2)::DOUBLE AS total_revenue,
	round(sum(revenue_previous) OVER (), 2)::DOUBLE AS total_revenue_previous
FROM keyed
ORDER BY
	CASE WHEN direction = 'asc' THEN text_key END ASC NULLS LAST,
	CASE WHEN direction = 'desc' THEN text_key END DESC NULLS LAST,
	CASE WHEN direction = 'asc' THEN number_key END ASC NULLS LAST,
	CASE WHEN direction = 'desc' THEN number_key END DESC NULLS LAST,
	client_id ASC NULLS LAST
LIMIT $limit OFFSET $offset;
