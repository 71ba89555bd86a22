// Which statements move the data version (statement-effect.ts): reads, a connection's own macros,
// temporary tables and views, and a query copied to a file change nothing other connections see;
// transaction control is recognised only as a statement of its own.
import { describe, expect, it } from 'vitest';
import { StatementEffects } from '../../src/lib/server/db/statement-effect';

describe('statement effects', () => {
	it('reads and connection-local objects change nothing shared', () => {
		const e = new StatementEffects();
		expect(e.of('-- a figure\nWITH x AS (SELECT 1) SELECT * FROM x')).toBe('none');
		expect(e.of('CREATE OR REPLACE TEMP MACRO cartera_x(a) AS a + 1')).toBe('none');
		expect(e.of('CREATE OR REPLACE TEMP TABLE "cartera_conv_0" AS SELECT 1')).toBe('none');
		expect(e.of('CREATE TEMPORARY VIEW incoming AS SELECT 1')).toBe('none');
		expect(e.of(`COPY (SELECT 1) TO '/tmp/x.csv'`)).toBe('none');
		// Dropping what this connection created, whatever the case or quoting: still its own.
		expect(e.of('DROP TABLE CARTERA_CONV_0')).toBe('none');
		expect(e.of('DROP VIEW "incoming"')).toBe('none');
		// The same names again, no longer temporary here: a table of the database.
		expect(e.of('DROP TABLE cartera_conv_0')).toBe('change');
	});

	it('writes to the database change data; another connection’s temporary names do not count', () => {
		const mine = new StatementEffects();
		const other = new StatementEffects();
		mine.of('CREATE TEMP TABLE scratch AS SELECT 1');
		expect(other.of('DROP TABLE scratch')).toBe('change');
		expect(mine.of(`INSERT INTO invoice_lines SELECT * FROM scratch`)).toBe('change');
		expect(mine.of('CREATE TABLE kept AS SELECT 1')).toBe('change');
		expect(mine.of(`COPY invoice_lines FROM '/tmp/x.csv'`)).toBe('change');
		expect(mine.of('CHECKPOINT')).toBe('change');
	});

	it('transaction control only as a statement of its own', () => {
		const e = new StatementEffects();
		expect(e.of('BEGIN TRANSACTION')).toBe('begin');
		expect(e.of('begin;')).toBe('begin');
		expect(e.of('COMMIT')).toBe('commit');
		expect(e.of('END TRANSACTION')).toBe('commit');
		expect(e.of('ROLLBACK')).toBe('rollback');
		expect(e.of('ABORT')).toBe('rollback');
		// Several statements in one string: counted as a change (published at once), never as an open transaction.
		expect(e.of('BEGIN; INSERT INTO t VALUES (1); COMMIT;')).toBe('change');
	});
});
