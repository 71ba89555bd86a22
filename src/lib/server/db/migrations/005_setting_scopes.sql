-- 005: settings that management sets (issue 7). A row may apply to one segment only (scope_dim =
-- scope_value, e.g. a growth target for one product line) and from a given month on
-- (effective_from, YYYY-MM: earlier months keep the value before, so history does not change).
-- Rows are never updated: each change is a new row with who made it and why, so the table is its
-- own history; the value in force for a key, scope and month is the latest row for them.
ALTER TABLE settings ADD COLUMN scope_dim VARCHAR;
ALTER TABLE settings ADD COLUMN scope_value VARCHAR;
ALTER TABLE settings ADD COLUMN effective_from VARCHAR;
ALTER TABLE settings ADD COLUMN updated_by VARCHAR;
ALTER TABLE settings ADD COLUMN comment VARCHAR;
