-- 002: statuses the vocabularies do not know are kept, with the text the export wrote, instead
-- of rejecting the row (issue 3: "unknown values are kept and reported, never silently dropped").
-- The normalised column is NULL until a value mapping (--map) says what the text means.
-- Mappings a user confirmed are remembered per source (the same set of headers).

ALTER TABLE opportunities ADD COLUMN outcome_source VARCHAR;
ALTER TABLE opportunities ALTER COLUMN outcome DROP NOT NULL;
ALTER TABLE quotes ADD COLUMN status_source VARCHAR;
ALTER TABLE quotes ALTER COLUMN status DROP NOT NULL;

CREATE TABLE source_mappings (
	header_key VARCHAR NOT NULL,     -- the file's normalised headers, in order, joined by '|'
	kind VARCHAR NOT NULL,
	mapping JSON NOT NULL,           -- {columns: {canonical: header}, values: {domain: {text: canonical}}}
	saved_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
