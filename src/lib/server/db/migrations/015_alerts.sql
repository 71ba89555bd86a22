-- 015: alerts when a KPI's status changes with a load or an undo (issue 16), who is told, and
-- every attempt to tell them.
-- alerts: one row per KPI (and scope) whose status got worse (to observed or rejected) or better
--   between just before and just after a batch committed (src/lib/server/alerts/). `source` names
--   the alert source ('kpi'; goals may add theirs); scope_dim/scope_value NULL: the portfolio.
-- alert_subscriptions: a webhook URL (signed with its own secret) and/or e-mail addresses, set
--   by admins; alert_deliveries: one row per attempt, with its outcome.
CREATE SEQUENCE alert_id_seq START 1;
CREATE TABLE alerts (
	alert_id INTEGER PRIMARY KEY DEFAULT nextval('alert_id_seq'),
	created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
	batch_id INTEGER,
	cause VARCHAR NOT NULL CHECK (cause IN ('load', 'undo')),
	source VARCHAR NOT NULL,
	kpi VARCHAR NOT NULL,
	month VARCHAR,
	scope_dim VARCHAR,
	scope_value VARCHAR,
	old_status VARCHAR NOT NULL,
	new_status VARCHAR NOT NULL,
	direction VARCHAR NOT NULL CHECK (direction IN ('worse', 'better')),
	value DOUBLE
);
CREATE SEQUENCE alert_subscription_id_seq START 1;
CREATE TABLE alert_subscriptions (
	subscription_id INTEGER PRIMARY KEY DEFAULT nextval('alert_subscription_id_seq'),
	webhook_url VARCHAR,
	secret VARCHAR,
	emails VARCHAR,
	created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
	created_by VARCHAR,
	deleted_at TIMESTAMP
);
CREATE SEQUENCE alert_delivery_id_seq START 1;
CREATE TABLE alert_deliveries (
	delivery_id INTEGER PRIMARY KEY DEFAULT nextval('alert_delivery_id_seq'),
	alert_id INTEGER NOT NULL,
	subscription_id INTEGER NOT NULL,
	channel VARCHAR NOT NULL CHECK (channel IN ('webhook', 'email')),
	attempt INTEGER NOT NULL,
	attempted_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
	outcome VARCHAR NOT NULL CHECK (outcome IN ('sent', 'failed', 'gave_up')),
	detail VARCHAR
);
