-- 018: alert deliveries still to be attempted, so that a retry survives a restart (issue 16).
-- One row per alert, subscription and channel from just before its first attempt until it is sent
-- or given up: `attempt` is the next attempt's number (1 = the first), `due_ms` when it is due
-- (milliseconds since 1970, UTC). The server resumes them when it starts (alerts/deliver.ts).
CREATE TABLE alert_pending_deliveries (
	alert_id INTEGER NOT NULL,
	subscription_id INTEGER NOT NULL,
	channel VARCHAR NOT NULL CHECK (channel IN ('webhook', 'email')),
	attempt INTEGER NOT NULL,
	due_ms BIGINT NOT NULL
);
