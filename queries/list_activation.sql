-- The clients behind Activación's counts (activation.sql), for one period: the document's
-- ($from_date..$to_date, as of $as_of) or, for a month of the monthly chart, that month as its own
-- period ($list_from..$list_to, as of $list_as_of = its last day). $key:
--   prospects_exposed: no positive line before the period start, created_at ≤ as of (or unknown);
--   activated: exposed, and the first positive line falls in the period;
--   active, inactive, potential: the status as of the list's date through the one status rule
--     (status_rule.sql), from the first line, first positive line and the invoices whose lines in
--     the window (as of − window_days, as of] sum to > 0.
-- Population as activation.sql's: the clients table after the client filters; product filters
-- restrict the lines considered; the tier (of the document's period) and status (as of the
-- document's as_of) filters pick clients, not lines. Per client: its revenue in the list's period
-- (filtered lines), created_at and first purchase; largest revenue first. `total` = Σ revenue.
-- Without a product filter (and with $use_rollups), each client's figures come from the stored
-- rollups instead, the same to the cent, as the client list reads them: first line, first purchase
-- and revenue from the month rollup (client_month_sales), the windows from the stored documents and
-- windows (cartera_window_as_of, status_window.sql). On 10M lines the list took 2 s from the lines.
-- The tier filter picks clients by their tier as activation.sql does (cartera_client_classes).
WITH lines AS (
	SELECT client_id, invoice_id, invoice_date, amount
	FROM cartera_lines({{filters_unclassified}}, false)
	WHERE client_id IS NOT NULL AND NOT ($use_rollups AND cartera_invoice_totals_apply({{product_side_filters}}, NULL))
),
invoices AS (
	-- Per invoice: what the firsts and both status dates need (only lines inside a window count).
	SELECT client_id, invoice_id, min(invoice_date) AS first_day,
		min(invoice_date) FILTER (WHERE amount > 0) AS first_positive,
		sum(amount) FILTER (WHERE invoice_date <= $as_of::DATE AND invoice_date > $as_of::DATE - $window_days::INTEGER) AS w_doc,
		sum(amount) FILTER (WHERE invoice_date <= $list_as_of::DATE AND invoice_date > $list_as_of::DATE - $window_days::INTEGER) AS w_list,
		sum(amount) FILTER (WHERE invoice_date BETWEEN $list_from::DATE AND $list_to::DATE) AS revenue
	FROM lines GROUP BY client_id, invoice_id
),
per_client AS (
	SELECT client_id, min(first_day) AS first_line, min(first_positive) AS first_positive,
		count(*) FILTER (WHERE w_doc > 0) AS inv_doc, coalesce(sum(w_doc), 0) AS tot_doc,
		count(*) FILTER (WHERE w_list > 0) AS inv_list, coalesce(sum(w_list), 0) AS tot_list,
		coalesce(sum(revenue), 0) AS revenue
	FROM invoices GROUP BY client_id
	UNION ALL
	SELECT m.client_id, m.first_line, m.first_positive,
		coalesce(d.invoices, 0), coalesce(d.total, 0), coalesce(w.invoices, 0), coalesce(w.total, 0), m.revenue
	FROM (
		SELECT client_id, min(first_day) AS first_line, min(first_positive) AS first_positive,
			coalesce(sum(amount) FILTER (WHERE month BETWEEN $list_from::DATE AND $list_to::DATE), 0) AS revenue
		FROM client_month_sales
		WHERE client_id IS NOT NULL AND $use_rollups AND cartera_invoice_totals_apply({{product_side_filters}}, NULL)
		GROUP BY client_id
	) m
	LEFT JOIN cartera_window_as_of($as_of, $window_days, $stored_windows) d ON d.client_id = m.client_id
	LEFT JOIN cartera_window_as_of($list_as_of, $window_days, $stored_windows) w ON w.client_id = m.client_id
),
tiers AS (
	SELECT client_id, billing_tier
	FROM cartera_client_classes({{filters_unclassified}}, $use_rollups, $f_billing_tier::VARCHAR IS NOT NULL, false)
),
population AS (
	SELECT c.client_id, c.name, c.created_at, f.first_line, f.first_positive, f.inv_list, f.tot_list, coalesce(f.revenue, 0) AS revenue,
		-- As activation.sql: with activation_event = 'formalised' a won opportunity or accepted quote activates too.
		least(f.first_positive, fm.first_formalised) AS activated_on
	FROM clients c
	LEFT JOIN per_client f USING (client_id)
	LEFT JOIN cartera_formalised($activation_event, {{filters_unclassified}}) fm USING (client_id)
	LEFT JOIN tiers t USING (client_id)
	WHERE {{client_filter_conditions}}
		AND ($f_billing_tier IS NULL OR t.billing_tier = $f_billing_tier)
		AND ($f_status IS NULL OR coalesce(cartera_status_rule(f.first_line <= $as_of::DATE,
			coalesce(f.first_positive <= $as_of::DATE, false), true,
			coalesce(f.inv_doc, 0), coalesce(f.tot_doc, 0), $min_invoices, $min_amount), 'potential') = $f_status)
),
judged AS (
	SELECT *,
		coalesce(cartera_status_rule(first_line <= $list_as_of::DATE, coalesce(first_positive <= $list_as_of::DATE, false), true,
			coalesce(inv_list, 0), coalesce(tot_list, 0), $min_invoices, $min_amount), 'potential') AS status,
		(created_at IS NULL OR created_at <= $list_as_of::DATE) AND (activated_on IS NULL OR activated_on >= $list_from::DATE) AS exposed,
		coalesce(activated_on BETWEEN $list_from::DATE AND $list_to::DATE, false) AS first_in_period
	FROM population
),
picked AS (
	SELECT * FROM judged
	WHERE CASE $key
		WHEN 'prospects_exposed' THEN exposed
		WHEN 'activated' THEN exposed AND first_in_period
		ELSE status = $key
	END
)
SELECT client_id AS id, name,
	strftime(created_at, '%Y-%m-%d') AS created,
	strftime(first_positive, '%Y-%m-%d') AS first_purchase,
	round(revenue, 2)::DOUBLE AS amount,
	round(sum(revenue) OVER (), 2)::DOUBLE AS total,
	(count(*) OVER ())::INTEGER AS count
FROM picked
ORDER BY revenue DESC, client_id
-- The Lista page shows a page at a time: count is every row's, $limit / $offset pick the page
-- (a NULL limit: every row, as the API and the CLI ask).
LIMIT $limit OFFSET coalesce($offset::INTEGER, 0);
