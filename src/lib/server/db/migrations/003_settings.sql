-- 003: settings (definitions and KPI thresholds) that management may change; the defaults live
-- in src/lib/server/metrics/settings.ts, a row here overrides one of them.
CREATE TABLE settings (
	key VARCHAR NOT NULL,
	value JSON NOT NULL,
	updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
