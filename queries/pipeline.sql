-- Pipeline, the two indicators of the commercial process (docs/definitions.md "Funnel", docs/contract.md pipeline).
-- One row: the document's fields, and `totals` for Embudo's funnel (not in the §4 document).
--
-- months: every month of $from_date..$to_date, oldest first (zeros when nothing happened):
--   leads         = opportunities records of kind 'lead' created (created_at) in the month;
--   opportunities = records of every other kind (opportunity, tender, quote_request, or a kind
--                   the vocabulary did not know) created in the month;
--   quotes        = quotes issued in the month: issue month of issued_at, status ≠ draft among the
--                   known statuses (an unknown status, NULL, counts nowhere; as in quotes.sql);
--   won           = records of any kind with outcome won and closed_at in the month.
-- totals: {leads, opportunities, quotes, won} over the period, the sum of the months.
-- Over the period (records closed, or created, in $from_date..$to_date):
--   win_rate        = won / (won + lost), records of any kind closed in the period; open records
--                     and unknown outcomes (NULL) are in neither; a won or lost record without
--                     closed_at cannot be placed in a month and is left out;
--   win_rate_amount = Σ amount won / Σ amount (won + lost), the same records (a missing amount adds 0);
--   median_cycle_days = median of closed_at − created_at in days over the won records closed in
--                     the period (even count: mean of the two middle values);
--   prospect_size   = (the mean opportunity amount, name kept; the register's prospect size per year is
--                     prospect_size.sql) mean amount of the opportunities (kinds other than lead, as in the monthly
--                     column) created in the period, over those with an amount; computed exactly
--                     and rounded half-up to cents;
--   quotes_per_month = quotes issued in the period / number of months of the period (the mean of
--                     the months' quotes column); NULL when no quote was ever loaded (the quotes
--                     table is empty: nothing says the count is 0), 0 when quotes were loaded but
--                     none was issued in the period (or under the filters).
-- NULL when a denominator is 0 or there is no record to take a median or mean of.
--
-- Filters: see records.sql (the same for opportunities and quotes).
WITH opps AS (
	SELECT kind, created_at, closed_at, amount, outcome
	FROM cartera_records('opportunities', $use_rollups, {{filters}})
),
issued_quotes AS (
	-- Issued as quotes.sql counts them: a known status other than draft.
	SELECT date_trunc('month', issued_at)::DATE AS month
	FROM cartera_records('quotes', $use_rollups, {{filters}})
	WHERE issued_at BETWEEN $from_date::DATE AND $to_date::DATE AND status IS NOT NULL AND status <> 'draft'
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
		{'leads': coalesce(sum(c.leads), 0)::INTEGER, 'opportunities': coalesce(sum(c.opportunities), 0)::INTEGER,
		'quotes': coalesce(sum(q.quotes), 0)::INTEGER, 'won': coalesce(sum(w.won), 0)::INTEGER} AS totals,
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
	m.totals,
	CASE WHEN c.decided > 0 THEN c.won::DOUBLE / c.decided::DOUBLE END AS win_rate,
	CASE WHEN c.amount_decided <> 0 THEN c.amount_won::DOUBLE / c.amount_decided::DOUBLE END AS win_rate_amount,
	c.median_cycle_days::DOUBLE AS median_cycle_days,
	CASE WHEN p.n > 0 THEN (sign(p.total_4) * ((2 * abs(p.total_4) + 100 * p.n) // (200 * p.n)))::DOUBLE / 100 END AS prospect_size,
	CASE WHEN EXISTS (SELECT 1 FROM quotes) THEN (SELECT count(*) FROM issued_quotes)::DOUBLE / m.month_count::DOUBLE END AS quotes_per_month
FROM monthly m, closed c, prospects p;
