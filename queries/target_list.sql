-- The goals in force for Ajustes' table (target_goals.sql), newest month first, then scope and value.
SELECT strftime(month, '%Y-%m') AS month, dimension, value,
	round(revenue_target, 2)::DOUBLE AS revenue_target, new_clients_target, activated_target, quotes_target,
	source, changed_by, strftime(changed_at, '%Y-%m-%d %H:%M') AS changed_at
FROM cartera_goals()
ORDER BY month DESC, dimension, value NULLS FIRST
LIMIT 500;
