// Goals files (metas, issue 16): recognised from their headers in Spanish and English without a
// --kind, in the short form (a manager, line… column) and the long one (scope and value columns);
// bad rows rejected with a reason that says what was expected; a load can be undone.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { undoBatch } from '../../src/lib/server/batches';
import type { Database } from '../../src/lib/server/db/database';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';
import { ingestSaid } from '../helpers/said';

const folder = tempFolder();
let db: Database;
let n = 0;
beforeEach(async () => {
	db?.close();
	db = await openTempDatabase(folder, `t${++n}.duckdb`);
});
afterAll(() => {
	db.close();
	folder.remove();
});

const load = async (name: string, lines: string[], lang: 'en' | 'es' = 'en') =>
	(await ingestSaid(db, [{ path: folder.write(name, lines.join('\n')), name }], {}, lang)).files[0]!;
const stored = () =>
	db.all<{ month: string; dimension: string; value: string | null; revenue_target: string; new_clients_target: number | null }>(
		`SELECT strftime(month, '%Y-%m') AS month, dimension, value, revenue_target::VARCHAR AS revenue_target, new_clients_target FROM targets ORDER BY month, dimension, value`
	);

describe('a metas file', () => {
	it('loads one goal per manager and month from Spanish headers, rejecting bad rows with a reason', async () => {
		const f = await load(
			'metas.csv',
			[
				'Mes;Ejecutivo;Meta;Meta de clientes nuevos',
				'2026-01;Ana Pérez;10.000,00;2',
				'2026-02;Ana Pérez;12.000,50;',
				'2026-02;Luis Gómez;-5,00;1', //  a negative goal
				'13/2026;Luis Gómez;7.000,00;1', // no such month
				'2026-03;;7.000,00;1' //            whose goal?
			],
			'es'
		);
		expect([f.kind, f.loaded, f.rejected]).toEqual(['targets', 2, 3]);
		expect(f.rejections.map((r) => [r.line, r.column, r.code])).toEqual([
			[4, 'Meta', 'negative'],
			[5, 'Mes', 'bad_month'],
			[6, 'Ejecutivo', 'missing']
		]);
		expect(f.rejections[0]!.reason).toBe('se esperaba 0 o más');
		expect(await stored()).toEqual([
			{ month: '2026-01', dimension: 'account_manager', value: 'Ana Pérez', revenue_target: '10000.0000', new_clients_target: 2 },
			{ month: '2026-02', dimension: 'account_manager', value: 'Ana Pérez', revenue_target: '12000.5000', new_clients_target: null }
		]);
	});

	it('reads the long form (month, scope, value, target) in English and refuses an unknown scope', async () => {
		const f = await load('goals.csv', [
			'Month,Scope,Value,Target',
			'2026-01,Total,,50000',
			'2026-01,Region,Norte,20000',
			'2026-01,Unidad de negocio,Industria,9000',
			'2026-02,Planet,X,100'
		]);
		expect([f.kind, f.loaded, f.rejected]).toEqual(['targets', 3, 1]);
		expect(f.rejections[0]!.code).toBe('unknown_value');
		expect(f.rejections[0]!.reason).toMatch(/goal scope/);
		expect((await stored()).map((r) => [r.dimension, r.value, r.revenue_target])).toEqual([
			['business_unit', 'Industria', '9000.0000'],
			['region', 'Norte', '20000.0000'],
			['total', null, '50000.0000']
		]);
	});

	it('reads a product line goal file and its undo removes the goals', async () => {
		const f = await load('objetivos.csv', ['Período;Línea de producto;Objetivo;Cuota de presupuestos', '01/2026;Herramientas;3.000,00;4', '02/2026;Herramientas;3.500,00;5']);
		expect([f.kind, f.loaded]).toEqual(['targets', 2]);
		expect((await stored()).map((r) => [r.month, r.dimension, r.value])).toEqual([
			['2026-01', 'product_line', 'Herramientas'],
			['2026-02', 'product_line', 'Herramientas']
		]);
		await undoBatch(db, f.batch_id!);
		expect(await stored()).toEqual([]);
	});

	it('still reads a forecast as a forecast', async () => {
		const f = await load('pronostico.csv', ['Mes;Pronóstico', '01/2026;5.000,00', '02/2026;6.000,00']);
		expect(f.kind).toBe('forecasts');
	});
});

describe('a metas file written one column per month', () => {
	it('loads as the long form: one goal per manager and month written, an empty month none', async () => {
		// tests/fixtures/goals/metas_por_mes.csv: Comercial;ene 2026;feb 2026;mar 2026 — Ana 10 000 and
		// 12 000,50 (no March), "Gómez; Luis" (a quoted name with the delimiter) 7 000 and 8 000 (no February).
		const path = new URL('../fixtures/goals/metas_por_mes.csv', import.meta.url).pathname;
		const f = (await ingestSaid(db, [{ path, name: 'metas_por_mes.csv' }], {}, 'es')).files[0]!;
		expect([f.kind, f.loaded, f.rejected]).toEqual(['targets', 4, 0]);
		expect(await stored()).toEqual([
			{ month: '2026-01', dimension: 'account_manager', value: 'Ana Pérez', revenue_target: '10000.0000', new_clients_target: null },
			{ month: '2026-01', dimension: 'account_manager', value: 'Gómez; Luis', revenue_target: '7000.0000', new_clients_target: null },
			{ month: '2026-02', dimension: 'account_manager', value: 'Ana Pérez', revenue_target: '12000.5000', new_clients_target: null },
			{ month: '2026-03', dimension: 'account_manager', value: 'Gómez; Luis', revenue_target: '8000.0000', new_clients_target: null }
		]);
	});

	it('takes months written as 2026-01 and a long scope (Ámbito;Valor), in English headers too', async () => {
		const f = await load('goals_by_month.csv', ['Scope;Value;2026-01;2026-02', 'Total;;50.000,00;55.000,00', 'Region;Norte;20.000,00;'], 'en');
		expect([f.kind, f.loaded, f.rejected]).toEqual(['targets', 3, 0]);
		expect((await stored()).map((r) => [r.month, r.dimension, r.value, r.revenue_target])).toEqual([
			['2026-01', 'region', 'Norte', '20000.0000'],
			['2026-01', 'total', null, '50000.0000'],
			['2026-02', 'total', null, '55000.0000']
		]);
	});

	it('leaves a file alone whose other columns are not a goal’s scope (a sales report by month)', async () => {
		// Read as it is (as whatever its headers say, here a client list), never as goals.
		const f = await load('ventas_por_mes.csv', ['Cliente;ene 2026;feb 2026', 'C1;100,00;200,00']);
		expect(f.kind).not.toBe('targets');
		expect(await stored()).toEqual([]);
	});
});
