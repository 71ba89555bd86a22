-- The reasons of the no-go decisions (docs/definitions.md "Go / no-go"): the records of funnel.sql's
-- cohort (created in $from_date..$to_date, filters as in records.sql) whose decision state is no_go
-- (decision or outcome no_go), grouped by decision_reason as written (NULL: none given).
-- Per reason: count, amount (Σ amount, a missing amount adds 0, rounded half-up to cents);
-- most records first, then the larger amount, then the reason, NULL last.
SELECT decision_reason AS reason, count(*)::INTEGER AS count, round(coalesce(sum(amount), 0), 2)::DOUBLE AS amount
FROM cartera_records('opportunities', $use_rollups, {{filters}})
WHERE created_at BETWEEN $from_date::DATE AND $to_date::DATE AND (decision = 'no_go' OR outcome = 'no_go')
GROUP BY decision_reason
ORDER BY count DESC, sum(amount) DESC NULLS LAST, reason NULLS LAST;
