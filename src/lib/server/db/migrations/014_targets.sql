-- 014: goals (metas, DESIGN.md §2 "targets", issue 16). A goal is a revenue amount and, when
-- given, counts of new clients, activated clients and quotes for a month and a scope: the whole
-- portfolio (dimension 'total', value NULL) or one value of account_manager, product_line, region
-- or business_unit. Loaded from a metas export (kind `targets`), each row carrying the batch that
-- wrote it so an upload can be undone; edits made in Ajustes are settings rows (key 'goal') with
-- their own history, and the later of the two wins (queries/target_goals.sql).
CREATE TABLE targets (
	month DATE NOT NULL,             -- first day of the month
	dimension VARCHAR NOT NULL CHECK (dimension IN ('total', 'account_manager', 'product_line', 'region', 'business_unit')),
	value VARCHAR,                   -- the scope's value; NULL for 'total'
	revenue_target DECIMAL(18,4) NOT NULL,
	new_clients_target INTEGER,
	activated_target INTEGER,
	quotes_target INTEGER,
	batch_id INTEGER NOT NULL
);
-- The versions a batch replaced, for undo (004).
CREATE TABLE targets_replaced AS SELECT *, NULL::INTEGER AS replaced_by FROM targets LIMIT 0;
ALTER TABLE targets_replaced ALTER COLUMN replaced_by SET NOT NULL;
