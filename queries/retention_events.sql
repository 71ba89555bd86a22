-- Each client's retention event (docs/definitions.md "Retention"), in one place for retention.sql
-- (the counts and the bridge) and list_retention_event.sql (the clients behind each of them), so
-- a list and its figure cannot disagree. Period P = from_date..to_date against the comparison
-- period P0 = prev_from_date..prev_to_date. Population: clients with any line in P or P0, after the
-- filters; the lines without a client form one client (GROUP BY keeps NULL as one group). Per
-- client r, r0 = Σ amount in P, P0 (credit notes negative), in DECIMAL; events by value:
--   stable r = r0; r > 0 ≥ r0: new if no positive line before P (any date), else reactivated;
--   expansion r > r0 > 0; contraction 0 < r < r0; churned r0 > 0 ≥ r; other (both ≤ 0, different).
-- bought_in_period, bought_before and product_lines feed the repeat rate and lines per client.
CREATE OR REPLACE TEMP MACRO cartera_retention_events(prev_from_date, prev_to_date, {{filter_params}}) AS TABLE
WITH l AS (
	SELECT client_id, invoice_date, amount, product_line
	FROM cartera_lines({{filter_params}}, false)
	WHERE invoice_date <= to_date::DATE
),
per_client AS (
	SELECT client_id,
		coalesce(sum(amount) FILTER (WHERE invoice_date >= from_date::DATE), 0) AS r,
		coalesce(sum(amount) FILTER (WHERE invoice_date BETWEEN prev_from_date::DATE AND prev_to_date::DATE), 0) AS r0,
		count(*) FILTER (WHERE invoice_date >= from_date::DATE
			OR invoice_date BETWEEN prev_from_date::DATE AND prev_to_date::DATE) > 0 AS in_population,
		count(*) FILTER (WHERE amount > 0 AND invoice_date < from_date::DATE) > 0 AS bought_before,
		count(*) FILTER (WHERE amount > 0 AND invoice_date >= from_date::DATE) > 0 AS bought_in_period,
		count(DISTINCT product_line) FILTER (WHERE amount > 0 AND invoice_date >= from_date::DATE) AS product_lines
	FROM l
	GROUP BY client_id
)
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
WHERE in_population;
