-- A client's opportunities (and leads) alive during the period: created on or before $to_date and
-- not closed before $from_date; after the filters as pipeline.sql takes them (cartera_records),
-- newest first. outcome is the normalised one (NULL when outcome_source is not mapped yet).
SELECT opportunity_id, kind, stage, outcome, outcome_source, product_line, owner,
	round(amount, 2)::DOUBLE AS amount, probability,
	strftime(created_at, '%Y-%m-%d') AS created_at, strftime(expected_close_at, '%Y-%m-%d') AS expected_close_at,
	strftime(closed_at, '%Y-%m-%d') AS closed_at, lost_reason
FROM cartera_records('opportunities', $use_rollups, {{filters}})
WHERE client_id = $client::VARCHAR AND created_at <= $to_date::DATE
	AND (closed_at IS NULL OR closed_at >= $from_date::DATE)
ORDER BY created_at DESC, opportunity_id;
