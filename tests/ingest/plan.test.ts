// One plan for both ways in: what the staged preview shows (kind, mapping and where it came from,
// the column table) is what the load then does, and what the load refuses is the plan's refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { plan, plannedColumns, plannedKind } from '../../src/lib/server/ingest/plan';
import { previewFile } from '../../src/lib/server/ingest/preview';
import { distinctSamples } from '../../src/lib/server/ingest/report';
import type { UserMapping } from '../../src/lib/server/ingest/user-mapping';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;
beforeAll(async () => {
	db = await openTempDatabase(folder);
});
afterAll(() => {
	db.close();
	folder.remove();
});

const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

/** The preview's plan of a file, as uploads/stage.ts makes it. */
async function previewed(path: string, name: string, options: { kind?: 'invoices'; map?: UserMapping } = {}) {
	const preview = await previewFile(db, path, name, {}, 20);
	const p = await plan(db, { name, headers: preview.headers }, options);
	return { plan: p, kind: plannedKind(p), columns: plannedColumns(p, preview.headers, distinctSamples(preview.rows, preview.headers.length)) };
}

/** The same file through a dry run: its report, or the code it is refused with. */
async function dryRun(path: string, name: string, options: { kind?: 'invoices'; map?: UserMapping } = {}) {
	return ingestFiles(db, [{ path, name }], { ...options, dryRun: true }).then(
		(r) => r.files[0]!,
		(e: { code: string }) => e.code
	);
}

describe('the plan of a file', () => {
	const invoices = folder.write('facturas.csv', csv('Nº factura;Fecha;Código cliente;Importe;Bruto', 'F-1;05/01/2025;C1; 100,00 ;121,00', 'F-2;06/01/2025;C2;50,00;60,50'));

	it('detected: the preview shows the kind, origin and column table the load reports', async () => {
		const p = await previewed(invoices, 'facturas.csv');
		const f = await dryRun(invoices, 'facturas.csv');
		if (typeof f === 'string') throw new Error(f);
		expect([p.kind, p.plan.origin, p.plan.refusal]).toEqual(['invoices', 'detected', undefined]);
		expect(f.mapping_source).toBe('detected');
		expect(p.columns).toEqual(f.columns);
		// Samples are trimmed, as the load's always were.
		expect(p.columns.find((c) => c.name === 'amount')).toMatchObject({ source: 'Importe', match: 'synonym', samples: ['100,00', '50,00'] });
	});

	it('given: the mapping laid over the detected one, the same in the preview and the load', async () => {
		const map: UserMapping = { columns: { amount: 'Bruto' } };
		const p = await previewed(invoices, 'facturas.csv', { kind: 'invoices', map });
		const f = await dryRun(invoices, 'facturas.csv', { kind: 'invoices', map });
		if (typeof f === 'string') throw new Error(f);
		expect(p.plan.origin).toBe('given');
		expect(f.mapping_source).toBe('given');
		expect(p.columns).toEqual(f.columns);
		expect(p.columns.find((c) => c.name === 'amount')).toMatchObject({ source: 'Bruto', match: 'given', required_unless: [['quantity', 'unit_price'], ['gross_amount']] });
	});

	it('remembered after a load with a given mapping, for the next file with the same headers', async () => {
		const map: UserMapping = { columns: { amount: 'Bruto' } };
		await ingestFiles(db, [{ path: invoices, name: 'facturas.csv' }], { kind: 'invoices', map });
		const next = folder.write('facturas-2.csv', csv('Nº factura;Fecha;Código cliente;Importe;Bruto', 'F-3;07/01/2025;C1;10,00;12,10'));
		const p = await previewed(next, 'facturas-2.csv');
		const f = await dryRun(next, 'facturas-2.csv');
		if (typeof f === 'string') throw new Error(f);
		expect([p.plan.origin, f.mapping_source]).toEqual(['remembered', 'remembered']);
		expect(p.columns).toEqual(f.columns);
		expect(f.mapping.amount).toBe('Bruto');
	});

	it('a kind asked for whose columns are missing: the preview shows which, the load refuses it with the plan’s refusal', async () => {
		const clients = folder.write('clientes.csv', csv('Código cliente;Razón social', 'C1;Alfa'));
		const p = await previewed(clients, 'clientes.csv', { kind: 'invoices' });
		expect(p.plan.refusal?.code).toBe('not_kind');
		expect(p.kind).toBe('invoices');
		expect(p.columns.filter((c) => c.required && c.source === null).map((c) => c.name)).toEqual(['invoice_id', 'invoice_date', 'amount']);
		expect(await dryRun(clients, 'clientes.csv', { kind: 'invoices' })).toBe('not_kind');
	});

	it('a mapping that leaves a required column without a header: refused by the load, shown by the preview', async () => {
		// No amount, and none of what stands in for it (quantity × price, the gross total "Bruto").
		const map: UserMapping = { columns: { amount: null, gross_amount: null } };
		const p = await previewed(invoices, 'facturas.csv', { kind: 'invoices', map });
		expect(p.plan.refusal?.code).toBe('map_missing_columns');
		expect(p.columns.find((c) => c.name === 'amount')).toMatchObject({ source: null, match: 'none' });
		expect(await dryRun(invoices, 'facturas.csv', { kind: 'invoices', map })).toBe('map_missing_columns');
	});

	it('no kind told by the headers: both refuse with unknown_kind', async () => {
		const other = folder.write('otra.csv', csv('Color;Peso', 'rojo;3'));
		await expect(previewed(other, 'otra.csv')).rejects.toMatchObject({ code: 'unknown_kind' });
		expect(await dryRun(other, 'otra.csv')).toBe('unknown_kind');
	});
});
