-- 011: the commercial process's go / no-go decision and the dates that age the pipeline
-- (DESIGN.md §2 and §3 "Pipeline", issue 15).
-- opportunities.decision: go | no_go | pending after qualification (NULL: the export gives none);
--   decision_reason: its justification as written ("No Go: justificar la improcedencia");
--   last_change_at: the export's last-modified date, for the days since the last change.
-- outcome gains 'no_go': a record the export closes as declined / discarded ("descartada") is
--   closed without being lost (declining to bid is not a loss), so it stays out of the win rate
--   and of the open pipeline. DuckDB cannot change a CHECK constraint in place: the table is
--   rebuilt with its columns in the same order and the new ones at the end.
-- quotes.valid_until: the quote's validity date (Validez, Vigencia, Válida hasta).
-- The archives of replaced versions (004) get the same columns, so an undo restores them.
CREATE TABLE opportunities_011 (
	opportunity_id VARCHAR NOT NULL,
	client_id VARCHAR,
	kind VARCHAR NOT NULL,
	stage VARCHAR,
	product_line VARCHAR,
	owner VARCHAR,
	created_at DATE NOT NULL,
	expected_close_at DATE,
	closed_at DATE,
	amount DECIMAL(18,4),
	probability DOUBLE CHECK (probability BETWEEN 0 AND 1),
	outcome VARCHAR CHECK (outcome IN ('open', 'won', 'lost', 'no_go')),
	lost_reason VARCHAR,
	batch_id INTEGER NOT NULL,
	outcome_source VARCHAR,
	decision VARCHAR CHECK (decision IN ('go', 'no_go', 'pending')),
	decision_reason VARCHAR,
	last_change_at DATE
);
INSERT INTO opportunities_011 BY NAME SELECT * FROM opportunities;
DROP TABLE opportunities;
ALTER TABLE opportunities_011 RENAME TO opportunities;

ALTER TABLE opportunities_replaced ADD COLUMN decision VARCHAR;
ALTER TABLE opportunities_replaced ADD COLUMN decision_reason VARCHAR;
ALTER TABLE opportunities_replaced ADD COLUMN last_change_at DATE;
ALTER TABLE quotes ADD COLUMN valid_until DATE;
ALTER TABLE quotes_replaced ADD COLUMN valid_until DATE;
