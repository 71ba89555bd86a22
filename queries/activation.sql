-- Activation (docs/definitions.md "Activation"), one row per period: ord 0 is the
-- document's period ($from_date..$to_date, status as of $as_of), ord 1..n each month of it as its
-- own period with as_of = the month's last day.
-- Population: the clients table only (clients seen only in invoice lines are left out; so the
-- status rule's in_clients is always true here), keeping
-- the clients that have the filtered client attributes (docs/definitions.md "Filters"); product filters
-- restrict the lines considered (status and first purchase are those of the filtered lines). The
-- billing-tier and status filters keep the clients whose tier (of the document's period) and status
-- (as of $as_of) match; the population is the same for every row.
--   activation_rate = active / clients_total;
--   prospects_exposed = clients with no positive line before the period start and created_at ≤ as_of
--     or unknown; activated = those whose first positive line falls in the period; with the setting
--     activation_event = 'formalised', "first positive line" reads "first positive line, won
--     opportunity or accepted quote" in both (formalised.sql) and in the median below;
--   prospect_conversion_rate = activated / prospects_exposed;
--   median_days_to_activation = median of (first positive line − created_at) in days over the
--     activated clients with created_at (even count: mean of the two middle values).
--   active_by_amount / active_by_frequency = clients active by the status rule with min_invoices = 1 /
--     min_amount = 0: the activation variants by volume or frequency, as of $as_of and each month end
--     (the variant by both is `active`).
-- Rates and the median are NULL when there is nothing to divide or take the median of.
-- Status, as of $as_of and at each month end, through the one status rule, cartera_status_rule
-- (status_rule.sql), from each client's first line, first positive line and the invoices in the
-- window before each date. The month ends read the stored windows (client_window_values) when
-- they serve (stored_counts: a client without a window row at a month end is counted from its first
-- line and first purchase alone, so no row is made per client and month: 128 → 76 ms of CPU on 1M
-- lines); else a difference array over ords (month_steps) rather than joining every invoice
-- to the ~13 month windows it falls in, spread back over the months each step holds for (no range
-- or ASOF join): about 2× faster on 1M lines. The number of months
-- is written out, not read from a CTE: a scalar subquery there turns a filter into a join.
-- Invoices come from the stored per-invoice totals unless a filter picks lines (see invoices):
-- on 1M lines that halves the time, the lines no longer being grouped per request.
-- cartera_lines gets NULL for f_billing_tier and f_status:
-- filtering the lines by status would lose the clients the filter drops (and a status = potential
-- filter would then wrongly keep them as "no lines"), so both filters are applied here to the
-- client population instead.
WITH document_lines AS (
	-- The lines a product-side filter picks (tiers and statuses come from tiers and the rule below).
	-- Under a product-line filter alone, only those dated within some window (see invoices): the
	-- firsts are stored (client_line_firsts).
	SELECT client_id, invoice_id, invoice_date, amount
	FROM cartera_lines({{filters_unclassified}}, false)
	WHERE client_id IS NOT NULL
		AND (NOT cartera_line_firsts_apply($use_rollups, {{product_side_filters}})
			OR cartera_in_windows(invoice_date, $from_date, $to_date, $as_of, $window_days))
),
periods AS (
	SELECT 0 AS ord, NULL::VARCHAR AS month, $from_date::DATE AS p_from, $to_date::DATE AS p_to, $as_of::DATE AS p_as_of
	UNION ALL
	SELECT row_number() OVER (ORDER BY m) AS ord, strftime(m, '%Y-%m'), m::DATE, last_day(m::DATE), last_day(m::DATE)
	FROM generate_series($from_date::DATE, $to_date::DATE, INTERVAL 1 MONTH) g(m)
),
invoices AS (
	-- One row per invoice: its days, total and first positive line; firsts are read from these.
	-- Stored per invoice (invoice_totals, migration 007) unless a product filter picks
	-- lines (invoice_totals_apply.sql): then grouped from the filtered lines. With the stored windows
	-- (cartera_stored_windows_apply) only the invoices they leave out: those dated on several days
	-- (the window at as_of is cartera_window_as_of's, in recent_as_of).
	SELECT client_id, invoice_id, first_day, last_day, total, first_positive
	FROM invoice_totals
	WHERE cartera_invoice_totals_apply({{product_side_filters}}, NULL) AND NOT cartera_stored_windows_apply($use_rollups, $stored_windows, {{product_side_filters}}, NULL)
	UNION ALL
	SELECT client_id, invoice_id, first_day, last_day, total, first_positive
	FROM invoice_totals
	WHERE cartera_stored_windows_apply($use_rollups, $stored_windows, {{product_side_filters}}, NULL) AND spread_days > 0
	UNION ALL
	-- From the filtered lines, only those dated within some window: from the first window's start
	-- (the earliest of the first month end and as_of, less the window) to the last month end or
	-- as_of. A line outside them is in no window, and an invoice's lines inside them sum in each
	-- window as its whole would (an invoice left with one day counts whole in the windows holding
	-- it). The firsts read every filtered line below. At 10M lines over ten years under a
	-- product-line filter, grouping every invoice of the history took 0.7 of activation's 1 s.
	SELECT client_id, invoice_id, min(invoice_date), max(invoice_date), sum(amount),
		min(invoice_date) FILTER (WHERE amount > 0)
	FROM document_lines
	WHERE NOT cartera_invoice_totals_apply({{product_side_filters}}, NULL)
		AND cartera_in_windows(invoice_date, $from_date, $to_date, $as_of, $window_days)
	GROUP BY client_id, invoice_id
),
firsts AS (
	SELECT client_id, min(first_day) AS first_line, min(first_positive) AS first_positive
	FROM invoices
	WHERE cartera_invoice_totals_apply({{product_side_filters}}, NULL) AND NOT cartera_stored_windows_apply($use_rollups, $stored_windows, {{product_side_filters}}, NULL)
	GROUP BY client_id
	UNION ALL
	-- Under a product-line filter alone, each client's first line and first purchase in that line as
	-- stored (client_line_firsts, migration 025); under a finer one, from every filtered line (the
	-- invoices above are those of the windows only).
	SELECT client_id, first_day, first_positive
	FROM client_line_firsts
	WHERE cartera_line_firsts_apply($use_rollups, {{product_side_filters}})
		AND product_line = $f_product_line AND client_id IS NOT NULL
	UNION ALL
	SELECT client_id, min(invoice_date), min(invoice_date) FILTER (WHERE amount > 0)
	FROM document_lines
	WHERE NOT cartera_invoice_totals_apply({{product_side_filters}}, NULL)
		AND NOT cartera_line_firsts_apply($use_rollups, {{product_side_filters}})
	GROUP BY client_id
	UNION ALL
	-- The same firsts as every status takes them from the rollups (cartera_client_firsts, sales.sql).
	SELECT client_id, first_day, first_positive
	FROM cartera_client_firsts(cartera_stored_windows_apply($use_rollups, $stored_windows, {{product_side_filters}}, NULL))
),
single_ranges AS (
	-- An invoice dated on one day (nearly all) lies in the windows (e − window, e] of a run of
	-- consecutive month ends e: from its own month's to the last one before day + window, ords
	-- s_ord..e_ord (clamped to the period's months).
	SELECT client_id, (total > 0)::INTEGER AS positive, total,
		greatest(1, datediff('month', $from_date::DATE, first_day) + 1) AS s_ord,
		least((datediff('month', $from_date::DATE, $to_date::DATE) + 1),
			datediff('month', $from_date::DATE, reach) + 1 - (last_day(reach) > reach)::INTEGER) AS e_ord
	FROM (SELECT *, first_day + ($window_days::INTEGER - 1) AS reach FROM invoices WHERE first_day = last_day)
	WHERE NOT cartera_stored_windows_apply($use_rollups, $stored_windows, {{product_side_filters}}, NULL)
),
spread_lines AS (
	-- Lines of the invoices whose lines carry several dates (rare): only those inside a window count.
	-- From the same source as the invoices: all lines, or the filtered ones. Written as IN on the
	-- invoice_id first: its hash table is built from those few invoices (none at all on the
	-- benchmark, and then the lines are not even read), where a SEMI JOIN on (client_id, invoice_id)
	-- was planned the other way round, a hash table of every line (1M lines: ~0.25 s of CPU).
	-- The pair condition then keeps the client too (an invoice_id may name two clients).
	SELECT l.client_id, l.invoice_id, l.invoice_date, l.amount
	FROM invoice_lines l
	WHERE cartera_invoice_totals_apply({{product_side_filters}}, NULL) AND l.doc_status NOT IN {{uncounted_statuses}}
		AND l.invoice_id IN (SELECT invoice_id FROM invoices WHERE first_day < last_day)
		AND (l.client_id, l.invoice_id) IN (SELECT (client_id, invoice_id) FROM invoices WHERE first_day < last_day)
	UNION ALL
	SELECT l.client_id, l.invoice_id, l.invoice_date, l.amount
	FROM document_lines l
	WHERE NOT cartera_invoice_totals_apply({{product_side_filters}}, NULL)
		AND l.invoice_id IN (SELECT invoice_id FROM invoices WHERE first_day < last_day)
		AND (l.client_id, l.invoice_id) IN (SELECT (client_id, invoice_id) FROM invoices WHERE first_day < last_day)
),
spread_windows AS (
	SELECT p.ord, l.client_id, sum(l.amount) AS total
	FROM periods p
	JOIN spread_lines l ON l.invoice_date <= p.p_as_of AND l.invoice_date > p.p_as_of - $window_days::INTEGER
	GROUP BY p.ord, l.client_id, l.invoice_id
),
spread_window_totals AS (
	-- Per client, the spread invoices' window at each period's as_of (ord 0: the document's; the
	-- month ends after): how many sum to more than 0, and their total.
	SELECT s.client_id, s.ord, p.p_as_of AS month_end, count(*) FILTER (WHERE s.total > 0) AS invoices, sum(s.total) AS total
	FROM spread_windows s JOIN periods p USING (ord)
	GROUP BY s.client_id, s.ord, p.p_as_of
),
month_ranges AS (
	SELECT client_id, positive, total, s_ord, e_ord FROM single_ranges WHERE s_ord <= e_ord
	UNION ALL
	SELECT client_id, (total > 0)::INTEGER, total, ord, ord FROM spread_windows WHERE ord > 0
),
month_steps AS (
	-- A difference array: each invoice adds itself at s_ord and takes itself back after e_ord,
	-- so the running sum over ords is each month's window, without a row per invoice and month.
	SELECT client_id, s_ord AS ord, positive, total
	FROM month_ranges
	UNION ALL
	SELECT client_id, e_ord + 1, -positive, -total
	FROM month_ranges WHERE e_ord < (datediff('month', $from_date::DATE, $to_date::DATE) + 1)
	UNION ALL
	-- Zero steps: at the first month for every client with lines, so each has a value from there;
	-- and at the months of its first line and first positive line, so each step's status (below)
	-- holds until the next one.
	SELECT client_id, 1, 0, 0 FROM firsts
	UNION ALL
	SELECT client_id, datediff('month', $from_date::DATE, first_line) + 1, 0, 0 FROM firsts
	WHERE first_line > last_day($from_date::DATE) AND first_line <= $to_date::DATE
	UNION ALL
	SELECT client_id, datediff('month', $from_date::DATE, first_positive) + 1, 0, 0 FROM firsts
	WHERE first_positive > last_day($from_date::DATE) AND first_positive <= $to_date::DATE
),
recent_steps AS (
	-- The running sums at each step, valid until the client's next step.
	SELECT client_id, ord, sum(positive) OVER w AS invoices, sum(total) OVER w AS totals,
		coalesce(lead(ord) OVER (PARTITION BY client_id ORDER BY ord), (datediff('month', $from_date::DATE, $to_date::DATE) + 1) + 1) AS next_ord
	FROM (
		SELECT client_id, ord, sum(positive) AS positive, sum(total) AS total FROM month_steps
		WHERE NOT cartera_stored_windows_apply($use_rollups, $stored_windows, {{product_side_filters}}, NULL)
		GROUP BY client_id, ord
	)
	WINDOW w AS (PARTITION BY client_id ORDER BY ord ROWS UNBOUNDED PRECEDING)
),
recent_as_of AS (
	-- ord 0: the document's as_of, which may be any day. Without a filter that picks lines, the
	-- window the client list also reads (status_window.sql: stored invoices, and at a month end the
	-- stored window); else from the filtered lines' invoices.
	SELECT client_id, invoices, total
	FROM cartera_window_as_of($as_of, $window_days, cartera_stored_windows_apply($use_rollups, $stored_windows, {{product_side_filters}}, NULL))
	WHERE cartera_invoice_totals_apply({{product_side_filters}}, NULL)
	UNION ALL
	SELECT client_id, sum(invoices), sum(total)
	FROM (
		SELECT client_id, count(*) FILTER (WHERE total > 0) AS invoices, sum(total) AS total
		FROM invoices
		WHERE first_day = last_day AND first_day <= $as_of::DATE AND first_day > $as_of::DATE - $window_days::INTEGER
		GROUP BY client_id
		UNION ALL
		SELECT client_id, invoices, total FROM spread_window_totals WHERE ord = 0
	)
	WHERE NOT cartera_invoice_totals_apply({{product_side_filters}}, NULL)
	GROUP BY client_id
),
tiers AS (
	-- The tier filter picks clients by their tier of the document's period, classified as every
	-- figure classifies them (cartera_client_classes, sales.sql: from a month rollup unless a product
	-- filter picks lines); the invoices and windows above do not depend on it. On 10M lines,
	-- activation under a tier filter took 4.6 s reading every line.
	SELECT client_id, billing_tier
	FROM cartera_client_classes({{filters_unclassified}}, $use_rollups, $f_billing_tier::VARCHAR IS NOT NULL, false)
),
population AS (
	-- activated_on: the first purchase, or with activation_event = 'formalised' the earlier of it and
	-- the first won opportunity or accepted quote (formalised.sql); the status keeps the purchases.
	SELECT c.client_id, c.created_at, f.first_positive AS first_purchase, f.first_line,
		least(f.first_positive, fm.first_formalised) AS activated_on
	FROM clients c
	LEFT JOIN firsts f USING (client_id)
	LEFT JOIN cartera_formalised($activation_event, {{filters_unclassified}}) fm USING (client_id)
	LEFT JOIN recent_as_of r USING (client_id)
	LEFT JOIN tiers t USING (client_id)
	WHERE {{client_filter_conditions}}
		AND ($f_billing_tier IS NULL OR t.billing_tier = $f_billing_tier)
		-- A client of the table without lines up to as_of is potential (as in client_status.sql).
		AND ($f_status IS NULL OR coalesce(cartera_status_rule(f.first_line <= $as_of::DATE,
			coalesce(f.first_positive <= $as_of::DATE, false), true,
			coalesce(r.invoices, 0), coalesce(r.total, 0), $min_invoices, $min_amount), 'potential') = $f_status)
),
status_as_of AS (
	SELECT 0 AS ord, coalesce(cartera_status_rule(p.first_line <= $as_of::DATE,
			coalesce(p.first_purchase <= $as_of::DATE, false), true,
			coalesce(r.invoices, 0), coalesce(r.total, 0), $min_invoices, $min_amount), 'potential') AS status,
		-- The activation variants (docs/definitions.md "Activation"): the same rule with one of its
		-- two thresholds at its least value, by amount only (1 invoice) and by frequency only (amount 0).
		cartera_status_rule(p.first_line <= $as_of::DATE, coalesce(p.first_purchase <= $as_of::DATE, false), true,
			coalesce(r.invoices, 0), coalesce(r.total, 0), 1, $min_amount) = 'active' AS active_by_amount,
		cartera_status_rule(p.first_line <= $as_of::DATE, coalesce(p.first_purchase <= $as_of::DATE, false), true,
			coalesce(r.invoices, 0), coalesce(r.total, 0), $min_invoices, 0) = 'active' AS active_by_frequency
	FROM population p LEFT JOIN recent_as_of r USING (client_id)
),
status_spans AS (
	-- Each population client's status over the months one step holds for, [ord, next_ord), from
	-- its window figures then (first line and first purchase are on the same side of every month
	-- end of the span: there is a step at each).
	SELECT s.ord, s.next_ord, coalesce(cartera_status_rule(c.first_line <= p.p_as_of, coalesce(c.first_purchase <= p.p_as_of, false),
			true, s.invoices, s.totals, $min_invoices, $min_amount), 'potential') AS status,
		-- The variants' statuses, as in status_as_of; counted as two more "statuses" below.
		cartera_status_rule(c.first_line <= p.p_as_of, coalesce(c.first_purchase <= p.p_as_of, false),
			true, s.invoices, s.totals, 1, $min_amount) = 'active' AS by_amount,
		cartera_status_rule(c.first_line <= p.p_as_of, coalesce(c.first_purchase <= p.p_as_of, false),
			true, s.invoices, s.totals, $min_invoices, 0) = 'active' AS by_frequency
	FROM recent_steps s
	JOIN population c USING (client_id)
	JOIN periods p ON p.ord = s.ord
),
span_counts AS (
	-- Clients per status and per variant they are active by, over each span of months
	-- [ord, next_ord): at most a row per pair of months. A client of the table without any line is
	-- potential throughout.
	SELECT ord, next_ord,
		count(*) FILTER (WHERE status = 'active') AS active,
		count(*) FILTER (WHERE status = 'inactive') AS inactive,
		count(*) FILTER (WHERE status = 'potential') AS potential,
		count(*) FILTER (WHERE by_amount) AS active_by_amount,
		count(*) FILTER (WHERE by_frequency) AS active_by_frequency
	FROM status_spans
	GROUP BY ord, next_ord
	UNION ALL
	SELECT 1, (datediff('month', $from_date::DATE, $to_date::DATE) + 1) + 1, 0, 0, count(*), 0, 0
	FROM population WHERE first_line IS NULL
),
population_firsts AS (
	-- With the stored windows: the population clients with lines, their first line and first purchase.
	SELECT client_id, first_line, first_purchase
	FROM population
	WHERE first_line IS NOT NULL AND cartera_stored_windows_apply($use_rollups, $stored_windows, {{product_side_filters}}, NULL)
),
window_rows AS (
	-- With the stored windows (client_window_values, migration 024): each client's window at each
	-- month end of the period where it has one, with its spread invoices added.
	SELECT v.client_id, v.month_end, v.positive + coalesce(s.invoices, 0) AS invoices, v.total + coalesce(s.total, 0) AS totals
	FROM client_window_values v
	LEFT JOIN spread_window_totals s ON s.ord > 0 AND s.client_id = v.client_id AND s.month_end = v.month_end
	WHERE v.month_end BETWEEN $from_date::DATE AND $to_date::DATE
		AND cartera_stored_windows_apply($use_rollups, $stored_windows, {{product_side_filters}}, NULL)
	UNION ALL
	SELECT s.client_id, s.month_end, s.invoices, s.total
	FROM spread_window_totals s
	LEFT JOIN client_window_values v ON s.client_id = v.client_id AND s.month_end = v.month_end
	WHERE s.ord > 0 AND v.client_id IS NULL AND cartera_stored_windows_apply($use_rollups, $stored_windows, {{product_side_filters}}, NULL)
),
stored_counts AS (
	-- Each month's counts from the stored windows, without a row per client and month: every
	-- population client with lines counted as if its window were empty (its status then hangs on its
	-- first line and first purchase alone), then set right for the clients with a window there.
	SELECT p.ord, sum(c.active) AS active, sum(c.inactive) AS inactive, sum(c.potential) AS potential,
		sum(c.by_amount) AS active_by_amount, sum(c.by_frequency) AS active_by_frequency
	FROM periods p
	JOIN (
		SELECT month_end,
			sum(clients) FILTER (WHERE status = 'active') AS active,
			sum(clients) FILTER (WHERE status = 'inactive') AS inactive,
			sum(clients) FILTER (WHERE status = 'potential') AS potential,
			0 AS by_amount, 0 AS by_frequency
		FROM (
			SELECT p.p_as_of AS month_end, c.clients,
				coalesce(cartera_status_rule(c.first_line <= p.p_as_of, coalesce(c.first_purchase <= p.p_as_of, false),
					true, 0, 0, $min_invoices, $min_amount), 'potential') AS status
			FROM periods p
			-- The clients by the month ends of their first line and first purchase, a few dozen groups
			-- (one before the period counts as its first month's; none or one after it, as past its end).
			JOIN (SELECT greatest(last_day(first_line), last_day($from_date::DATE)) AS first_line,
					least(last_day(first_purchase), last_day($to_date::DATE) + 1) AS first_purchase, count(*) AS clients
				FROM population_firsts GROUP BY ALL) c ON true
			WHERE p.ord > 0
		)
		GROUP BY month_end
		UNION ALL
		SELECT month_end,
			count(*) FILTER (WHERE status = 'active') - count(*) FILTER (WHERE zero_status = 'active'),
			count(*) FILTER (WHERE status = 'inactive') - count(*) FILTER (WHERE zero_status = 'inactive'),
			count(*) FILTER (WHERE status = 'potential') - count(*) FILTER (WHERE zero_status = 'potential'),
			count(*) FILTER (WHERE by_amount), count(*) FILTER (WHERE by_frequency)
		FROM (
			SELECT month_end,
				coalesce(cartera_status_rule(seen, bought, true, invoices, totals, $min_invoices, $min_amount), 'potential') AS status,
				coalesce(cartera_status_rule(seen, bought, true, 0, 0, $min_invoices, $min_amount), 'potential') AS zero_status,
				cartera_status_rule(seen, bought, true, invoices, totals, 1, $min_amount) = 'active' AS by_amount,
				cartera_status_rule(seen, bought, true, invoices, totals, $min_invoices, 0) = 'active' AS by_frequency
			FROM (
				SELECT w.month_end, w.invoices, w.totals, c.first_line <= w.month_end AS seen,
					coalesce(c.first_purchase <= w.month_end, false) AS bought
				FROM window_rows w JOIN population_firsts c USING (client_id)
			)
		)
		GROUP BY month_end
	) c ON c.month_end = p.p_as_of
	WHERE p.ord > 0
	GROUP BY p.ord
),
status_counts AS (
	SELECT 0 AS ord, count(*) FILTER (WHERE status = 'active') AS active,
		count(*) FILTER (WHERE status = 'inactive') AS inactive,
		count(*) FILTER (WHERE status = 'potential') AS potential,
		count(*) FILTER (WHERE active_by_amount) AS active_by_amount,
		count(*) FILTER (WHERE active_by_frequency) AS active_by_frequency
	FROM status_as_of
	UNION ALL
	-- Each month's counts: those of the spans that hold over it.
	SELECT ord, sum(active), sum(inactive), sum(potential), sum(active_by_amount), sum(active_by_frequency)
	FROM (
		SELECT p.ord, s.active, s.inactive, s.potential, s.active_by_amount, s.active_by_frequency
		FROM periods p JOIN span_counts s ON s.ord <= p.ord AND s.next_ord > p.ord
		WHERE p.ord > 0
		UNION ALL
		SELECT * FROM stored_counts
	)
	GROUP BY ord
),
judged AS (
	SELECT p.ord, p.month, c.client_id, c.created_at, c.activated_on,
		c.client_id IS NOT NULL
			AND (c.created_at IS NULL OR c.created_at <= p.p_as_of)
			AND (c.activated_on IS NULL OR c.activated_on >= p.p_from) AS exposed,
		c.activated_on BETWEEN p.p_from AND p.p_to AS first_in_period
	FROM periods p
	LEFT JOIN population c ON true
),
figures AS (
	SELECT j.ord, j.month,
		count(j.client_id) AS clients_total,
		coalesce(any_value(s.active), 0) AS active,
		coalesce(any_value(s.inactive), 0) AS inactive,
		coalesce(any_value(s.potential), 0) AS potential,
		coalesce(any_value(s.active_by_amount), 0) AS active_by_amount,
		coalesce(any_value(s.active_by_frequency), 0) AS active_by_frequency,
		count(*) FILTER (WHERE exposed) AS prospects_exposed,
		count(*) FILTER (WHERE exposed AND first_in_period) AS activated,
		quantile_cont((activated_on - created_at)::DOUBLE, 0.5)
			FILTER (WHERE exposed AND first_in_period AND created_at IS NOT NULL) AS median_days_to_activation
	FROM judged j LEFT JOIN status_counts s USING (ord)
	GROUP BY j.ord, j.month
)
SELECT ord::INTEGER AS ord, figures.month,
	clients_total::INTEGER AS clients_total,
	active::INTEGER AS active,
	inactive::INTEGER AS inactive,
	potential::INTEGER AS potential,
	CASE WHEN clients_total > 0 THEN active::DOUBLE / clients_total END AS activation_rate,
	prospects_exposed::INTEGER AS prospects_exposed,
	activated::INTEGER AS activated,
	CASE WHEN prospects_exposed > 0 THEN activated::DOUBLE / prospects_exposed END AS prospect_conversion_rate,
	median_days_to_activation::DOUBLE AS median_days_to_activation,
	-- The variants by amount and by frequency (by both: active, activation_rate).
	active_by_amount::INTEGER AS active_by_amount,
	active_by_frequency::INTEGER AS active_by_frequency,
	CASE WHEN clients_total > 0 THEN active_by_amount::DOUBLE / clients_total END AS rate_by_amount,
	CASE WHEN clients_total > 0 THEN active_by_frequency::DOUBLE / clients_total END AS rate_by_frequency,
	-- A month after as_of, or the data's provisional month (provisional_month.sql): partial, not judged.
	figures.month IS NOT NULL AND (last_day(strptime(figures.month, '%Y-%m')::DATE) > $as_of::DATE OR coalesce(pv.provisional, false)) AS partial
FROM figures
LEFT JOIN (SELECT strftime(month, '%Y-%m') AS pv_month, provisional FROM cartera_provisional_month()) pv ON pv.pv_month = figures.month
ORDER BY ord;
