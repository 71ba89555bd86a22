-- Number of clients per computed status as of $as_of (see client_status.sql).
SELECT
	count(*) FILTER (WHERE status = 'active')::INTEGER AS active,
	count(*) FILTER (WHERE status = 'inactive')::INTEGER AS inactive,
	count(*) FILTER (WHERE status = 'potential')::INTEGER AS potential,
	count(*) FILTER (WHERE in_clients)::INTEGER AS clients_total
FROM cartera_client_status($as_of, $window_days, $min_invoices, $min_amount);
