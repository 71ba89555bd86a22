-- 013: months an analyst marked closed (DESIGN.md "Partial month", issue 14). The data's latest
-- month stays provisional (queries/provisional_month.sql) while its lines end early, until a later
-- month has data or an analyst marks it closed here; reopening deletes the row. `month` is the
-- month's first day; who closed it (the account's name) and when, for everyone to read.
CREATE TABLE closed_months (
	month DATE PRIMARY KEY,
	closed_by VARCHAR,
	closed_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
