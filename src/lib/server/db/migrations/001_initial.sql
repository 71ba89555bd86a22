-- 001: the six canonical entities of DESIGN.md section 2, upload batches and their rejections.
-- Keys are enforced by the ingest (rows are replaced by key inside one transaction), not by
-- PRIMARY KEY constraints: DuckDB's ART indexes slow bulk loads of a million lines and make
-- delete-then-insert of the same key inside one transaction fragile.
-- Amounts are DECIMAL(18,4): exports of computed line values carry sub-cent digits (DESIGN.md).

CREATE SEQUENCE batch_id_seq START 1;

CREATE TABLE upload_batches (
	batch_id INTEGER NOT NULL,
	file_name VARCHAR NOT NULL,      -- the name the user gave; never used as a path
	file_hash VARCHAR NOT NULL,      -- sha256 of the bytes as uploaded
	kind VARCHAR NOT NULL,
	loaded_by VARCHAR,
	loaded_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
	rows_read INTEGER NOT NULL,
	loaded INTEGER NOT NULL,         -- valid rows of the file (inserted + updated + unchanged)
	rejected INTEGER NOT NULL,
	inserted INTEGER NOT NULL,
	updated INTEGER NOT NULL,
	unchanged INTEGER NOT NULL,
	mapping JSON                     -- source header chosen for each canonical column, formats detected
);

CREATE TABLE upload_rejections (
	batch_id INTEGER NOT NULL,
	line INTEGER,
	"column" VARCHAR,
	value VARCHAR,
	reason VARCHAR NOT NULL
);

CREATE TABLE clients (
	client_id VARCHAR NOT NULL,
	name VARCHAR,
	client_type VARCHAR,
	size VARCHAR,
	sector VARCHAR,
	legal_form VARCHAR,
	region VARCHAR,
	crm_status VARCHAR,
	account_manager VARCHAR,
	created_at DATE,
	batch_id INTEGER NOT NULL
);

CREATE TABLE products (
	product_id VARCHAR NOT NULL,
	name VARCHAR,
	product_line VARCHAR,
	business_unit VARCHAR,
	batch_id INTEGER NOT NULL
);

CREATE TABLE invoice_lines (
	invoice_id VARCHAR NOT NULL,
	line_no INTEGER NOT NULL,
	invoice_date DATE NOT NULL,
	client_id VARCHAR,
	product_id VARCHAR,
	quantity DECIMAL(18,4),
	amount DECIMAL(18,4) NOT NULL,
	currency VARCHAR,
	doc_type VARCHAR,                -- invoice | credit_note (normalised); credit notes are negative
	batch_id INTEGER NOT NULL
);

CREATE TABLE opportunities (
	opportunity_id VARCHAR NOT NULL,
	client_id VARCHAR,
	kind VARCHAR NOT NULL,           -- lead | opportunity | tender | quote_request
	stage VARCHAR,
	product_line VARCHAR,
	owner VARCHAR,
	created_at DATE NOT NULL,
	expected_close_at DATE,
	closed_at DATE,
	amount DECIMAL(18,4),
	probability DOUBLE CHECK (probability BETWEEN 0 AND 1),
	outcome VARCHAR NOT NULL CHECK (outcome IN ('open', 'won', 'lost')),
	lost_reason VARCHAR,
	batch_id INTEGER NOT NULL
);

CREATE TABLE quotes (
	quote_id VARCHAR NOT NULL,
	client_id VARCHAR,
	issued_at DATE NOT NULL,
	amount DECIMAL(18,4) NOT NULL,
	status VARCHAR NOT NULL CHECK (status IN ('draft', 'sent', 'accepted', 'rejected', 'expired')),
	decided_at DATE,
	opportunity_id VARCHAR,
	product_line VARCHAR,
	batch_id INTEGER NOT NULL
);

CREATE TABLE forecasts (
	month DATE NOT NULL,             -- first day of the month
	dimension VARCHAR NOT NULL,      -- 'total' or a segment dimension
	value VARCHAR,                   -- the segment; NULL for 'total'
	forecast_amount DECIMAL(18,4) NOT NULL,
	batch_id INTEGER NOT NULL
);
