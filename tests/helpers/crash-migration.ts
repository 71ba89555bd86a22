// The migration tests/helpers/crash-child.ts adds for its `upgrade` step: a new column and a new
// table, as a release's schema change would (statements DuckDB could not replay from the WAL).
import type { Migration } from '../../src/lib/server/db/migrate';

export const UPGRADE_MIGRATION: Migration = {
	version: 999,
	name: '999_crash_test',
	sql: `ALTER TABLE upload_batches ADD COLUMN crash_test_note VARCHAR;
CREATE TABLE crash_test_notes (id INTEGER DEFAULT nextval('batch_id_seq'), note VARCHAR NOT NULL);`
};
