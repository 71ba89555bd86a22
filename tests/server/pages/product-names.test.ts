// Product labels (queries/product_names.sql): names by code for the codes asked, from the register.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/server/db/database';
import { productNames } from '../../../src/lib/server/pages/product-names';
import { loadCsv } from '../../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../../helpers/temp-db';

const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	// P3 has no name; P4 is named but never asked for.
	const products = ['Código producto;Descripción;Línea de producto', 'P1;Papel A4;Papelería', 'P2;Tóner "negro";Impresión', 'P3;;', 'P4;Grapas;Papelería'];
	await loadCsv(db, folder, { 'p.csv': products });
});
afterAll(() => {
	db.close();
	folder.remove();
});

describe('productNames', () => {
	it('gives the names of the codes asked that have one', async () => {
		expect(await productNames(db, ['P2', 'P1', 'P3', null, 'P1', 'NOPE'])).toEqual({ P1: 'Papel A4', P2: 'Tóner "negro"' });
	});

	it('asks nothing for no codes, and takes hostile codes as plain values', async () => {
		expect(await productNames(db, [])).toEqual({});
		expect(await productNames(db, [null])).toEqual({});
		expect(await productNames(db, [`P1'); DROP TABLE products; --`, '"]', '\\'])).toEqual({});
		expect(await productNames(db, ['P4'])).toEqual({ P4: 'Grapas' });
	});
});
