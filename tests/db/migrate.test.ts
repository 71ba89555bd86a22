// The schema is created by versioned migrations at open, each applied once.
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { loadMigrations, migrate } from '../../src/lib/server/db/migrate';
import { KEPT_UPGRADE_COPIES } from '../../src/lib/server/db/upgrade';
import { loadSettings } from '../../src/lib/server/metrics/settings';
import { saveSetting } from '../../src/lib/server/metrics/settings-store';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
afterAll(() => folder.remove());

describe('migrations', () => {
	it('creates the six entities and the batch tables on a new file, once', async () => {
		const path = folder.path('m.duckdb');
		let db = await Database.open(path);
		const tables = (await db.all<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables ORDER BY 1`)).map((r) => r.t);
		expect(tables).toEqual([
			'alert_deliveries', 'alert_pending_deliveries', 'alert_subscriptions', 'alerts', 'api_tokens', 'client_line_firsts', 'client_line_firsts_source', 'client_line_month_sales', 'client_line_month_sales_source', 'client_month_sales', 'client_month_sales_source', 'client_window_days', 'client_window_values', 'clients', 'clients_replaced', 'closed_months', 'forecasts', 'forecasts_replaced', 'invoice_dates', 'invoice_dates_source', 'invoice_lines', 'invoice_lines_replaced',
			'invoice_totals', 'invoice_totals_source',
			'opportunities', 'opportunities_replaced', 'products', 'products_replaced', 'published_reports', 'quotes', 'quotes_replaced', 'report_comments', 'schema_migrations',
			'sessions', 'settings', 'source_mappings', 'targets', 'targets_replaced', 'upload_batches', 'upload_rejections', 'users'
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
			{ version: 8, name: '008_rejection_codes' },
			{ version: 9, name: '009_document_status' },
			{ version: 10, name: '010_rejection_context' },
			{ version: 11, name: '011_opportunity_decision' },
			{ version: 12, name: '012_client_potential' },
			{ version: 13, name: '013_closed_months' },
			{ version: 14, name: '014_targets' },
			{ version: 15, name: '015_alerts' },
			{ version: 16, name: '016_reports' },
			{ version: 17, name: '017_report_comments' },
			{ version: 18, name: '018_alert_pending' },
			{ version: 19, name: '019_client_month_sales' },
			{ version: 20, name: '020_client_line_month_sales' },
			{ version: 21, name: '021_client_window_steps' },
			{ version: 22, name: '022_invoice_dates' },
			{ version: 23, name: '023_client_month_last_purchase' },
			{ version: 24, name: '024_client_window_values' },
			{ version: 25, name: '025_client_line_firsts' },
			{ version: 26, name: '026_client_line_firsts_again' }
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

	it('at open, a migration that fails half-way leaves the file as it was, with nothing left over', async () => {
		const path = folder.path('upgrade-fails.duckdb');
		let db = await Database.open(path);
		await saveSetting(db, { key: 'window_days', value: 200 });
		db.close();
		const broken = [...loadMigrations(), { version: 901, name: '901_broken', sql: 'ALTER TABLE settings ADD COLUMN half VARCHAR; SELECT * FROM missing_table;' }];
		await expect(Database.open(path, broken)).rejects.toThrow(/missing_table/);
		expect(readdirSync(folder.dir).filter((f) => f.startsWith('upgrade-fails.duckdb.') && !f.includes('.before-'))).toEqual([]);
		db = await Database.open(path);
		expect((await db.all<{ version: number }>('SELECT max(version) AS version FROM schema_migrations'))[0]!.version).toBe(loadMigrations().at(-1)!.version);
		expect(await db.all(`SELECT column_name FROM information_schema.columns WHERE table_name = 'settings' AND column_name = 'half'`)).toEqual([]);
		expect((await loadSettings(db)).window_days).toBe(200);
		db.close();
	});

	it('keeps a copy of an existing database before each upgrade, the last few only; none for a new file', async () => {
		const path = folder.path('copies.duckdb');
		const copies = () => readdirSync(folder.dir).filter((f) => f.startsWith('copies.duckdb.before-')).sort();
		const base = loadMigrations();
		(await Database.open(path)).close();
		expect(copies()).toEqual([]);
		for (let v = 910; v < 910 + KEPT_UPGRADE_COPIES + 2; v++) {
			const next = [...base, ...Array.from({ length: v - 909 }, (_, i) => ({ version: 910 + i, name: `${910 + i}_t`, sql: `CREATE TABLE t${910 + i} (x INTEGER);` }))];
			(await Database.open(path, next)).close();
		}
		expect(copies()).toEqual(['copies.duckdb.before-912.duckdb', 'copies.duckdb.before-913.duckdb', 'copies.duckdb.before-914.duckdb']);
		const oldest = await Database.open(folder.path('copies.duckdb.before-912.duckdb'), base);
		expect(await oldest.all(`SELECT table_name FROM information_schema.tables WHERE table_name LIKE 't91%' ORDER BY 1`)).toEqual([{ table_name: 't910' }, { table_name: 't911' }]);
		oldest.close();
	});
});
