// A file the ingest refuses before it reads it whole (no header row) is often removed by its caller
// at once, while the background scan (hash, quote count) of readSource still reads it: that scan
// must stop, and no promise of it may reject unobserved (an unhandled rejection took the server
// down). ingestFiles called directly, the file removed as soon as it answers.
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { IngestError } from '../../src/lib/server/ingest/errors';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;
const unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
	db = await openTempDatabase(folder);
});
afterAll(() => {
	db.close();
	folder.remove();
});
beforeEach(() => {
	unhandled.length = 0;
	process.on('unhandledRejection', record);
});
afterEach(() => {
	process.off('unhandledRejection', record);
});

const CSV = 'Nº factura;Fecha;Código cliente;Importe\r\nF-1;05/01/2025;C1;1.000,00\r\n';

/** Ingests a file, removes it the moment the ingest answers, and gives the error it threw. */
async function refusedThenRemoved(name: string, body: string | Buffer, options: Parameters<typeof ingestFiles>[2] = {}): Promise<unknown> {
	const path = folder.write(name, body);
	let thrown: unknown;
	try {
		await ingestFiles(db, [{ path, name }], options);
	} catch (error) {
		thrown = error;
	}
	rmSync(path, { force: true });
	await new Promise((r) => setTimeout(r, 300)); // time for a scan still running to fail on the removed file
	return thrown;
}

describe('a file without a header row', () => {
	it('only separators: no_header, and nothing rejects unobserved', async () => {
		for (let i = 0; i < 10; i++) {
			const error = await refusedThenRemoved(`separators-${i}.csv`, ';;;\r\n');
			expect(error).toBeInstanceOf(IngestError);
			expect((error as IngestError).code).toBe('no_header');
		}
		expect(unhandled).toEqual([]);
	});

	it('a valid file read with header_line past its end: no_header, and nothing rejects unobserved', async () => {
		for (let i = 0; i < 10; i++) {
			const error = await refusedThenRemoved(`past-end-${i}.csv`, CSV.repeat(2000), { headerLine: 50_000 });
			expect(error).toBeInstanceOf(IngestError);
			expect((error as IngestError).code).toBe('no_header');
		}
		expect(unhandled).toEqual([]);
	});

	it('a file of unknown kind (refused after it was read): nothing rejects unobserved either', async () => {
		const big = 'Color;Peso\r\n' + 'rojo;3\r\n'.repeat(300_000);
		for (let i = 0; i < 3; i++) {
			const error = await refusedThenRemoved(`unknown-${i}.csv`, big);
			expect((error as IngestError).code).toBe('unknown_kind');
		}
		expect(unhandled).toEqual([]);
	});
});
