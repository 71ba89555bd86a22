-- Retention and the four sales events (docs/definitions.md), period P = $from_date..$to_date against the
-- comparison period P0 = $prev_from_date..$prev_to_date (as many whole months just before P, or the
-- same months a year before, see retention.ts: with a period over 12 months that one overlaps P).
-- Population: clients with any line in P or P0 (a line only between the two does not count), after
-- the filters; the lines without a client form one client (GROUP BY keeps NULL as one group). Per
-- client r, r0 = Σ amount in P, P0 (credit notes negative), computed in DECIMAL; events by value:
--   stable r = r0; r > 0 ≥ r0: new if no positive line before P (any date), else reactivated;
--   expansion r > r0 > 0; contraction 0 < r < r0; churned r0 > 0 ≥ r; other (both ≤ 0, different).
-- bridge[e] = Σ (r − r0) over the event's clients, so R0 + Σ bridge = R.
-- repeat_rate = clients with a positive line in P that also had one before P / clients with a
-- positive line in P; product_lines_per_client = mean, over the same clients, of the distinct
-- non-null product lines of their positive lines in P. NULL when no client has a positive line in P.
-- Money is rounded half-up to cents only at the end. The rounded bridge is made to reconcile with the
-- rounded revenues too: when sub-cent amounts leave the half-up cents of the bridge short of
-- round(R) − round(R0) (by at most a few cents), the missing cents go one each to the events whose
-- rounding moved them furthest (largest remainder); with whole-cent data nothing changes.
WITH l AS (
	SELECT client_id, invoice_date, amount, product_line
	FROM cartera_lines({{filters}}, false)
	WHERE invoice_date <= $to_date::DATE
),
per_client AS MATERIALIZED (
	SELECT client_id,
		coalesce(sum(amount) FILTER (WHERE invoice_date >= $from_date::DATE), 0) AS r,
		coalesce(sum(amount) FILTER (WHERE invoice_date BETWEEN $prev_from_date::DATE AND $prev_to_date::DATE), 0) AS r0,
		count(*) FILTER (WHERE invoice_date >= $from_date::DATE OR invoice_date BETWEEN $prev_from_date::DATE AND $prev_to_date::DATE) > 0 AS in_population,
		count(*) FILTER (WHERE amount > 0 AND invoice_date < $from_date::DATE) > 0 AS bought_before,
		count(*) FILTER (WHERE amount > 0 AND invoice_date >= $from_date::DATE) > 0 AS bought_in_period,
		count(DISTINCT product_line) FILTER (WHERE amount > 0 AND invoice_date >= $from_date::DATE) AS product_lines
	FROM l
	GROUP BY client_id
),
events AS (
	SELECT *, r - r0 AS change,
		CASE
			WHEN r = r0 THEN 'stable'
			WHEN r > 0 AND r0 <= 0 THEN CASE WHEN bought_before THEN 'reactivated' ELSE 'new' END
			WHEN r > r0 AND r0 > 0 THEN 'expansion'
			WHEN r > 0 AND r < r0 THEN 'contraction'
			WHEN r0 > 0 AND r <= 0 THEN 'churned'
			ELSE 'other'
		END AS event
	FROM per_client
	WHERE in_population
),
totals AS (
	SELECT round(coalesce(sum(r), 0), 2) AS revenue, round(coalesce(sum(r0), 0), 2) AS revenue_previous FROM events
),
bridge AS (
	SELECT b.event, coalesce(sum(e.change), 0) AS exact, round(coalesce(sum(e.change), 0), 2) AS half
	FROM (VALUES ('new'), ('reactivated'), ('expansion'), ('contraction'), ('churned'), ('other')) b(event)
	LEFT JOIN events e USING (event)
	GROUP BY b.event
),
gap AS (
	-- Whole cents by which the half-up bridge misses round(R) − round(R0); 0 with whole-cent data.
	SELECT ((any_value(t.revenue) - any_value(t.revenue_previous) - sum(b.half)) * 100)::INTEGER AS cents
	FROM bridge b, totals t
),
reconciled AS (
	SELECT b.event,
		b.half + CASE
			WHEN g.cents > 0 AND row_number() OVER (ORDER BY b.exact - b.half DESC, b.event) <= g.cents THEN 0.01
			WHEN g.cents < 0 AND row_number() OVER (ORDER BY b.exact - b.half ASC, b.event) <= -g.cents THEN -0.01
			ELSE 0
		END AS amount
	FROM bridge b, gap g
),
counts AS (
	SELECT
		count(*) FILTER (WHERE event = 'new') AS new,
		count(*) FILTER (WHERE event = 'reactivated') AS reactivated,
		count(*) FILTER (WHERE event = 'expansion') AS expanded,
		count(*) FILTER (WHERE event = 'contraction') AS contracted,
		count(*) FILTER (WHERE event = 'churned') AS churned,
		count(*) FILTER (WHERE event = 'stable') AS stable,
		count(*) FILTER (WHERE event = 'other') AS other,
		count(*) FILTER (WHERE bought_in_period) AS buyers,
		count(*) FILTER (WHERE bought_in_period AND bought_before) AS repeat_buyers,
		avg(product_lines) FILTER (WHERE bought_in_period) AS product_lines_per_client
	FROM events
)
SELECT
	t.revenue_previous::DOUBLE AS revenue_previous,
	t.revenue::DOUBLE AS revenue,
	(SELECT amount FROM reconciled WHERE event = 'new')::DOUBLE AS bridge_new,
	(SELECT amount FROM reconciled WHERE event = 'reactivated')::DOUBLE AS bridge_reactivated,
	(SELECT amount FROM reconciled WHERE event = 'expansion')::DOUBLE AS bridge_expansion,
	(SELECT amount FROM reconciled WHERE event = 'contraction')::DOUBLE AS bridge_contraction,
	(SELECT amount FROM reconciled WHERE event = 'churned')::DOUBLE AS bridge_churned,
	(SELECT amount FROM reconciled WHERE event = 'other')::DOUBLE AS bridge_other,
	c.new::INTEGER AS new,
	c.reactivated::INTEGER AS reactivated,
	c.expanded::INTEGER AS expanded,
	c.contracted::INTEGER AS contracted,
	c.churned::INTEGER AS churned,
	c.stable::INTEGER AS stable,
	c.other::INTEGER AS other,
	CASE WHEN c.buyers > 0 THEN c.repeat_buyers::DOUBLE / c.buyers END AS repeat_rate,
	c.product_lines_per_client::DOUBLE AS product_lines_per_client
FROM totals t, counts c;
