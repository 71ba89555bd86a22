-- 006: local accounts (issue 7). Passwords are stored only as scrypt hashes; sessions and API
-- tokens only as SHA-256 digests of their random secrets, so a copy of the database file does not
-- let anyone in. Roles: viewer (read), analyst (also uploads and undoes batches), admin (also
-- thresholds, definitions and users).
CREATE TABLE users (
	user_id INTEGER NOT NULL,
	name VARCHAR NOT NULL,           -- unique, compared without case
	password_hash VARCHAR NOT NULL,  -- scrypt$N$r$p$salt$hash (passwords.ts)
	role VARCHAR NOT NULL,
	created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
	disabled_at TIMESTAMP
);
CREATE TABLE sessions (
	token_hash VARCHAR NOT NULL,
	user_id INTEGER NOT NULL,
	created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
	expires_at TIMESTAMP NOT NULL
);
CREATE TABLE api_tokens (
	token_id INTEGER NOT NULL,
	label VARCHAR NOT NULL,
	token_hash VARCHAR NOT NULL,
	role VARCHAR NOT NULL,
	created_by VARCHAR,
	created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
	revoked_at TIMESTAMP,
	last_used_at TIMESTAMP
);
