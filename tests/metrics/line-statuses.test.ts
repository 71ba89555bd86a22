// The statuses within a product line a connection keeps for the figures of a page
// (metrics/line-statuses.ts): read by every figure under a status and a product line, worked out
// again after any change of the data, for each rule, and afresh inside a transaction; the same
// figures as from the lines (tests/db/rollups.test.ts compares every figure on every dataset).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { computeMetric } from '../../src/lib/server/metrics/index';
import { DEMO } from '../helpers/datasets';
import { useLoadedDatabase } from '../helpers/temp-db';

const AS_OF = new Date('2026-11-20T12:00:00Z');
const LINE = { from: '2026-01', to: '2026-10', product_line: 'Papelería' };
const ACTIVE = { ...LINE, status: 'active' };

/** A statement that changes no row but counts as a change of the data (Database.dataVersion). */
const CHANGE = `UPDATE settings SET key = key WHERE false`;

type Growth = { months: { revenue: number }[] };
const revenue = (g: unknown) => (g as Growth).months.reduce((sum, m) => sum + m.revenue, 0);

describe('the statuses within a product line kept on a connection', () => {
	const loaded = useLoadedDatabase(DEMO.load);
	let db: Database;
	let own: Database;
	beforeAll(async () => {
		db = loaded.db;
		own = await db.fork();
	});
	afterAll(() => own?.close());

	const growth = (conn: Database, query: Record<string, string>) => computeMetric(conn, 'growth', query, AS_OF);
	const kept = async (conn: Database) => Number((await conn.all<{ n: string }>('SELECT count(*) AS n FROM cartera_line_statuses'))[0]!.n);

	it('are kept only where a figure classifies clients within a product line', async () => {
		await growth(own, LINE);
		await computeMetric(own, 'segmentation', { ...LINE, dim: 'client_type' }, AS_OF);
		await growth(own, { from: '2026-01', to: '2026-10', status: 'active' });
		expect(await kept(own)).toBe(0);
		await growth(own, ACTIVE);
		expect(await kept(own)).toBeGreaterThan(10);
		// Read from the lines as they are (the proof of the rollups): nothing is kept.
		const other = await db.fork();
		process.env.CARTERA_ROLLUPS = '0';
		try {
			await growth(other, ACTIVE);
			await computeMetric(other, 'segmentation', { ...LINE, dim: 'status' }, AS_OF);
			expect(await kept(other)).toBe(0);
		} finally {
			delete process.env.CARTERA_ROLLUPS;
			other.close();
		}
	});

	it('are what the figures read, until the data changes', async () => {
		await db.run(CHANGE);
		const right = revenue(await growth(own, ACTIVE));
		expect(right).toBeGreaterThan(0);
		const segments = await computeMetric(own, 'segmentation', { ...LINE, dim: 'status' }, AS_OF);
		// Changed behind the figures' back: they follow, so they read the table rather than the lines.
		await own.runBookkeeping(`UPDATE cartera_line_statuses SET status = 'inactive'`);
		expect(revenue(await growth(own, ACTIVE))).toBe(0);
		expect(await computeMetric(own, 'segmentation', { ...LINE, dim: 'status' }, AS_OF)).not.toEqual(segments);
		// Any change of the data (here on another connection) and they are worked out again.
		await db.run(CHANGE);
		expect(revenue(await growth(own, ACTIVE))).toBe(right);
		expect(await computeMetric(own, 'segmentation', { ...LINE, dim: 'status' }, AS_OF)).toEqual(segments);
	});

	it('are kept for each rule: another product line or day has its own', async () => {
		const rules = async () => Number((await own.all<{ n: string }>('SELECT count(DISTINCT rule_key) AS n FROM cartera_line_statuses'))[0]!.n);
		await db.run(CHANGE);
		const march = { ...ACTIVE, to: '2026-03' };
		const furniture = { ...ACTIVE, product_line: 'Mobiliario' };
		const [octoberFigure, marchFigure, furnitureFigure] = [await growth(own, ACTIVE), await growth(own, march), await growth(own, furniture)];
		expect(await rules()).toBe(3);
		// Each read after the others still finds its own, and agrees with the lines.
		expect(await growth(own, ACTIVE)).toEqual(octoberFigure);
		expect(await growth(own, march)).toEqual(marchFigure);
		expect(await growth(own, furniture)).toEqual(furnitureFigure);
		expect(await rules()).toBe(3);
		process.env.CARTERA_ROLLUPS = '0';
		try {
			expect(await growth(own, march)).toEqual(marchFigure);
			expect(await growth(own, furniture)).toEqual(furnitureFigure);
		} finally {
			delete process.env.CARTERA_ROLLUPS;
		}
	});

	it('are each figure’s own when figures of two rules are asked for at once on one connection', async () => {
		const march = { ...ACTIVE, to: '2026-03' };
		const alone = [await growth(own, ACTIVE), await growth(own, march)];
		for (let i = 0; i < 3; i++) {
			// After a change each query's prepare starts the table afresh: never between another's prepare and its query.
			await db.run(CHANGE);
			expect(await Promise.all([growth(own, ACTIVE), growth(own, march), growth(own, ACTIVE)])).toEqual([...alone, alone[0]]);
		}
	});

	it('inside a transaction are worked out for each query, and a rollback leaves none behind', async () => {
		const before = revenue(await growth(own, ACTIVE));
		await own.run('BEGIN TRANSACTION');
		try {
			// No client has bought in the line yet: none is active there.
			await own.run(`UPDATE client_line_firsts SET first_positive = first_positive + INTERVAL 100 YEAR`);
			expect(revenue(await growth(own, ACTIVE))).toBe(0);
		} finally {
			await own.run('ROLLBACK');
		}
		expect(revenue(await growth(own, ACTIVE))).toBe(before);
	});

	// Last: the result cache it turns on is shared by every connection of the database.
	it('are kept on the reader connection that runs each figure, as the server runs them', async () => {
		const expected = await Promise.all([growth(own, ACTIVE), computeMetric(own, 'segmentation', { ...LINE, dim: 'status' }, AS_OF)]);
		const served = await db.fork();
		try {
			served.enableResultCache(1000, 2);
			const figures = () => Promise.all([growth(served, ACTIVE), computeMetric(served, 'segmentation', { ...LINE, dim: 'status' }, AS_OF)]);
			expect(await figures()).toEqual(expected);
			await served.run(CHANGE);
			expect(await figures()).toEqual(expected);
		} finally {
			served.close();
		}
	});
});
