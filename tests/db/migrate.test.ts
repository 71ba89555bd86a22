// The schema is created by versioned migrations at open, each applied once.
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { loadMigrations, migrate } from '../../src/lib/server/db/migrate';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
afterAll(() => folder.remove());

describe('migrations', () => {
	it('creates the six entities and the batch tables on a new file, once', async () => {
		const path = folder.path('m.duckdb');
		let db = await Database.open(path);
		const tables = (await db.all<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables ORDER BY 1`)).map((r) => r.t);
		expect(tables).toEqual([
			'api_tokens', 'clients', 'clients_replaced', 'forecasts', 'forecasts_replaced', 'invoice_lines', 'invoice_lines_replaced',
			'invoice_totals', 'invoice_totals_source',
			'opportunities', 'opportunities_replaced', 'products', 'products_replaced', 'quotes', 'quotes_replaced', 'schema_migrations',
			'sessions', 'settings', 'source_mappings', 'upload_batches', 'upload_rejections', 'users'
		]);
		const money = await db.one<{ type: string }>(`SELECT data_type AS type FROM information_schema.columns WHERE table_name = 'invoice_lines' AND column_name = 'amount'`);
		expect(money!.type).toBe('DECIMAL(18,4)');
		db.close();
		db = await Database.open(path);
		expect(await migrate(db)).toEqual([]);
		expect(await db.all(`SELECT version, name FROM schema_migrations ORDER BY version`)).toEqual([
			{ version: 1, name: '001_initial' },
			{ version: 2, name: '002_source_values' },
			{ version: 3, name: '003_settings' },
			{ version: 4, name: '004_batch_history' },
			{ version: 5, name: '005_setting_scopes' },
			{ version: 6, name: '006_accounts' },
			{ version: 7, name: '007_invoice_totals' },
			{ version: 8, name: '008_rejection_codes' }
		]);
		db.close();
	});

	it('applies a new migration once and rolls back a failing one', async () => {
		const db = await Database.open(folder.path('n.duckdb'));
		const base = loadMigrations();
		const next = [...base, { version: 900, name: '900_note', sql: 'CREATE TABLE notes (t VARCHAR);' }];
		expect(await migrate(db, next)).toEqual([900]);
		expect(await migrate(db, next)).toEqual([]);
		const broken = [...next, { version: 901, name: '901_broken', sql: 'CREATE TABLE half (x INTEGER); SELECT * FROM missing_table;' }];
		await expect(migrate(db, broken)).rejects.toThrow(/missing_table/);
		expect(await db.all(`SELECT table_name FROM information_schema.tables WHERE table_name = 'half'`)).toEqual([]);
		db.close();
	});
});
