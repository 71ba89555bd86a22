-- 010: what identifies a rejected row to the person who fixes it — its key columns, its client and
-- its date, as written in the file ({"invoice_id": "F-12", "client_id": "C7", "invoice_date":
-- "05/01/2025"}) — stored with each rejected cell, so the upload page, the CLI and the history's
-- rejections CSV show them beside the failing cell. Rows stored before this migration have none.
ALTER TABLE upload_rejections ADD COLUMN context JSON;
