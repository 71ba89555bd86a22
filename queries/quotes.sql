-- Quote hit rate (docs/definitions.md "Quote hit rate", docs/contract.md quotes). One row.
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
-- Filters: see records.sql (the same for quotes and opportunities).
WITH cohort AS (
	SELECT issued_at, amount, status
	FROM cartera_records('quotes', $use_rollups, {{filters}})
	WHERE issued_at BETWEEN $from_date::DATE AND $to_date::DATE
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
