-- 009: invoice lines carry their tax and their document's status (DESIGN.md §2, issue 12).
-- tax: the line's tax as the export writes it (amount stays net of tax).
-- doc_status: posted | draft | cancelled, or the export's own word when the vocabulary does not
-- know it (kept as written, counted as posted: docs/definitions.md "Document status"). Drafts and
-- cancelled documents are stored, so a later file can post or cancel them, and count in no figure.
-- Every line stored before this migration came from an export without a status: posted.
-- The archive of replaced versions (migration 004) gets the same columns, so an undo restores them.
-- Columns are added by name at the end of both tables; merge and undo copy rows by column name.
ALTER TABLE invoice_lines ADD COLUMN tax DECIMAL(18,4);
ALTER TABLE invoice_lines ADD COLUMN doc_status VARCHAR DEFAULT 'posted';
ALTER TABLE invoice_lines ALTER COLUMN doc_status SET NOT NULL;
ALTER TABLE invoice_lines_replaced ADD COLUMN tax DECIMAL(18,4);
ALTER TABLE invoice_lines_replaced ADD COLUMN doc_status VARCHAR DEFAULT 'posted';
ALTER TABLE invoice_lines_replaced ALTER COLUMN doc_status SET NOT NULL;

-- The stored per-invoice totals (007) read posted lines only, like every figure.
CREATE OR REPLACE VIEW invoice_totals_source AS
	SELECT client_id, invoice_id, min(invoice_date) AS first_day, max(invoice_date) AS last_day,
		sum(amount) AS total, min(invoice_date) FILTER (WHERE amount > 0) AS first_positive
	FROM invoice_lines
	WHERE client_id IS NOT NULL AND doc_status NOT IN ('draft', 'cancelled')
	GROUP BY client_id, invoice_id;
DELETE FROM invoice_totals;
INSERT INTO invoice_totals SELECT * FROM invoice_totals_source;
