-- 004: undoing an upload batch. A batch is undone, not deleted: its row in upload_batches stays
-- (history) with the time and the person.
-- The versions a batch replaced are archived so an undo can put them back exactly. One archive
-- table per entity, `<table>_replaced`: the entity's own columns with their own types (amounts
-- stay DECIMAL(18,4), dates DATE), its batch_id (the batch that wrote the replaced version) and
-- replaced_by (the batch that replaced it). Restoring is then a plain INSERT … SELECT of typed
-- columns, bit for bit, and archiving a million updated rows is one columnar insert; a single JSON
-- archive would round-trip every value through text and need a per-table cast list to come back.
-- The price: a column added to an entity later must be added to its archive too (same migration).
-- Rows leave the archive when their replacing batch is undone (they are back in the entity table),
-- so "a later batch changed rows of batch B" is "the archive holds versions of B": see batches.ts.

ALTER TABLE upload_batches ADD COLUMN undone_at TIMESTAMP;
ALTER TABLE upload_batches ADD COLUMN undone_by VARCHAR;

CREATE TABLE clients_replaced AS SELECT *, NULL::INTEGER AS replaced_by FROM clients LIMIT 0;
CREATE TABLE products_replaced AS SELECT *, NULL::INTEGER AS replaced_by FROM products LIMIT 0;
CREATE TABLE invoice_lines_replaced AS SELECT *, NULL::INTEGER AS replaced_by FROM invoice_lines LIMIT 0;
CREATE TABLE opportunities_replaced AS SELECT *, NULL::INTEGER AS replaced_by FROM opportunities LIMIT 0;
CREATE TABLE quotes_replaced AS SELECT *, NULL::INTEGER AS replaced_by FROM quotes LIMIT 0;
CREATE TABLE forecasts_replaced AS SELECT *, NULL::INTEGER AS replaced_by FROM forecasts LIMIT 0;
ALTER TABLE clients_replaced ALTER COLUMN replaced_by SET NOT NULL;
ALTER TABLE products_replaced ALTER COLUMN replaced_by SET NOT NULL;
ALTER TABLE invoice_lines_replaced ALTER COLUMN replaced_by SET NOT NULL;
ALTER TABLE opportunities_replaced ALTER COLUMN replaced_by SET NOT NULL;
ALTER TABLE quotes_replaced ALTER COLUMN replaced_by SET NOT NULL;
ALTER TABLE forecasts_replaced ALTER COLUMN replaced_by SET NOT NULL;
