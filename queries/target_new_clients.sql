-- New clients for the goals (docs/definitions.md "Goals"): per month of the period, the clients of
-- the register (after the client-attribute filters) whose created_at falls in it — the captures a
-- new-clients goal counts. Months without one have no row.
SELECT strftime(date_trunc('month', c.created_at), '%Y-%m') AS month, count(*)::INTEGER AS n
FROM clients c
WHERE c.created_at BETWEEN $from_date::DATE AND $to_date::DATE
	AND {{client_filter_conditions}}
GROUP BY 1
ORDER BY 1;
