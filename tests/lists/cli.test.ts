// `npm run metrics -- list NAME --key K`: the same list as the API (computeList) as JSON, as CSV
// and as text, with the figures' options (period, comparison, filters); a key that is no key is
// refused naming it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { copyDemoDatabase } from '../helpers/demo-database';
import { computeList, type ListDocument } from '../../src/lib/server/lists/list';
import { runCli } from '../helpers/run-cli';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: string;
let expected: ListDocument;

beforeAll(async () => {
	db = folder.path('demo.duckdb');
	await copyDemoDatabase(db);
	const open = await Database.open(db);
	try {
		expected = await computeList(open, 'retention_event', { from: '2026-01', to: '2026-10', compare: 'year', region: 'La Paz', key: 'churned' });
	} finally {
		open.close();
	}
}, 120_000);

afterAll(() => folder.remove());

describe('npm run metrics -- list', () => {
	const args = ['list', 'retention_event', '--key', 'churned', '--from', '2026-01', '--to', '2026-10', '--compare', 'year', '--filter', 'region=La Paz', '--db'];

	it('prints the churned clients of La Paz as JSON, CSV and text', async () => {
		const json = await runCli('metrics', [...args, db, '--json']);
		expect(json.code).toBe(0);
		expect(JSON.parse(json.stdout)).toEqual(expected);
		const csv = await runCli('metrics', [...args, db, '--csv']);
		const lines = csv.stdout.trimEnd().split('\r\n');
		expect(lines[0]).toBe('id,name,revenue_previous,revenue,amount');
		expect(lines.length).toBe(expected.count + 1);
		const text = await runCli('metrics', [...args, db]);
		expect(text.stdout).toContain(`count: ${expected.count}`);
		expect(text.stdout).toContain(expected.rows[0]!.name!);
	}, 60_000);

	it('refuses a key that is not one, naming the keys', async () => {
		const r = await runCli('metrics', ['list', 'retention_event', '--key', 'lost', '--db', db]);
		expect(r.code).not.toBe(0);
		expect(r.stderr).toContain('churned');
	}, 60_000);
});
