// Publishing freezes a month's report: versions in order, who and when, the latest one's figures
// as stored, and which sections differ from the figures computed now (a real DuckDB file).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { changedSections, latestPublished, publishedList, publishReport } from '../../src/lib/server/reports/published';
import { openTempDatabase, tempFolder, type TempFolder } from '../helpers/temp-db';

let folder: TempFolder;
let db: Database;

beforeAll(async () => {
	folder = tempFolder('cartera-published-');
	db = await openTempDatabase(folder);
});

afterAll(() => {
	db.close();
	folder.remove();
});

describe('published reports', () => {
	it('is null for a month never published', async () => {
		await expect(latestPublished(db, '2026-10')).resolves.toBeNull();
	});

	it('keeps every version and shows the latest, with who and when', async () => {
		const first = { kpis: [{ id: 'growth', value: 0.1 }], movers: { up: [], down: [] } };
		const second = { kpis: [{ id: 'growth', value: 0.2 }], movers: { up: [], down: [] } };
		await expect(publishReport(db, '2026-10', first, 'ana', new Date('2026-11-02T09:30:00Z'))).resolves.toBe(1);
		await expect(publishReport(db, '2026-10', second, null, new Date('2026-11-03T10:00:00Z'))).resolves.toBe(2);
		await expect(publishReport(db, '2026-09', first, 'ana', new Date('2026-10-02T08:00:00Z'))).resolves.toBe(1);
		const latest = await latestPublished<typeof second>(db, '2026-10');
		expect(latest).toEqual({ month: '2026-10', version: 2, published_by: null, published_at: '2026-11-03T10:00:00', figures: second });
		const list = await publishedList(db);
		expect(list.map((r) => [r.month, r.version, r.published_by])).toEqual([
			['2026-10', 2, null],
			['2026-10', 1, 'ana'],
			['2026-09', 1, 'ana']
		]);
	});

	it('names the sections whose figures changed since publishing, and only those', () => {
		const published = { kpis: [{ id: 'growth', value: 0.1 }], growth: { months: [1, 2] }, movers: { up: [], down: [] } };
		const now = { kpis: [{ id: 'growth', value: 0.1 }], growth: { months: [1, 3] }, movers: { up: [], down: [] } };
		expect(changedSections(published, now, ['kpis', 'growth', 'movers'])).toEqual(['growth']);
		expect(changedSections(published, published, ['kpis', 'growth', 'movers'])).toEqual([]);
	});
});
