-- 008: a rejected cell's reason as a stable code and the values it names (the expected number
-- or date format, the documents file…), so the upload history can say it in Spanish or English
-- (src/lib/server/ingest/messages.ts). `reason` keeps the English text it always had; rows
-- stored before this migration have no code and are shown with that text.
ALTER TABLE upload_rejections ADD COLUMN reason_code VARCHAR;
ALTER TABLE upload_rejections ADD COLUMN reason_params JSON;
