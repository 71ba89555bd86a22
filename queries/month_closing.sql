-- The data's latest month when its lines end early (provisional_month.sql `incomplete`): whether it
-- is still provisional or an analyst marked it closed, by whom and when. No row when the latest
-- month is complete or there is no data. Resumen offers closing and reopening it from this.
SELECT strftime(month, '%Y-%m') AS month,
	strftime(last_date, '%Y-%m-%d') AS last_date,
	provisional,
	closed_by,
	strftime(closed_at, '%Y-%m-%dT%H:%M:%S') AS closed_at
FROM cartera_provisional_month()
WHERE incomplete;
