// Every committed demo export loads through the real ingest: row counts equal the records of the
// file and the invoice total equals the Importe column summed here independently, to the cent.
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { demoFiles } from '../../src/lib/server/demo';
import { ingestFiles, type CodedIngestReport } from '../../src/lib/server/ingest/ingest';
import { KIND_SPECS } from '../../src/lib/server/ingest/kinds';
import { decimalTextToCents, openTempDatabase, spanishMoneyToCents, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;
let first: CodedIngestReport;

/** Records of a demo export parsed with Papaparse (clientes.csv is Windows-1252). */
function records(path: string): Record<string, string>[] {
	const bytes = readFileSync(path);
	const text = basename(path) === 'clientes.csv' ? iconv.decode(bytes, 'win1252') : bytes.toString('utf8').replace(/^\uFEFF/, '');
	return Papa.parse<Record<string, string>>(text, { header: true, delimiter: ';', skipEmptyLines: true }).data;
}

const EXPECTED_KIND: Record<string, string> = {
	'clientes.csv': 'clients', 'productos.csv': 'products', 'oportunidades.csv': 'opportunities',
	'presupuestos.csv': 'quotes', 'pronostico.csv': 'forecasts', 'metas.csv': 'targets'
};

beforeAll(async () => {
	db = await openTempDatabase(folder);
	first = await ingestFiles(db, demoFiles().map((path) => ({ path, name: basename(path) })));
});

afterAll(() => {
	db.close();
	folder.remove();
});

describe('demo exports', () => {
	it('detects the kind of each export from its Spanish headers', () => {
		for (const f of first.files) expect(f.kind).toBe(EXPECTED_KIND[f.file] ?? 'invoices');
		expect(first.files.find((f) => f.file === 'clientes.csv')!.encoding).toBe('windows-1252');
		expect(first.files.find((f) => f.file === 'productos.csv')!.encoding).toBe('utf-8 (BOM)');
	});

	it('loads every record of every file, rejecting none', async () => {
		for (const path of demoFiles()) {
			const report = first.files.find((f) => f.file === basename(path))!;
			const n = records(path).length;
			expect(report.rows_read, report.file).toBe(n);
			expect(report.loaded, report.file).toBe(n);
			expect(report.rejected, report.file).toBe(0);
		}
		const tables = ['clients', 'products', 'invoice_lines', 'opportunities', 'quotes', 'forecasts', 'targets'];
		for (const table of tables) {
			const stored = (await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))!.n;
			const fromReports = first.files.filter((f) => KIND_SPECS[f.kind].table === table);
			expect(stored, table).toBe(fromReports.reduce((s, f) => s + f.loaded, 0));
		}
	});

	it('stores the invoice total of the files to the cent, credit notes negative', async () => {
		let cents = 0n;
		let creditNotes = 0n;
		for (const path of demoFiles().filter((p) => basename(p).startsWith('facturas'))) {
			for (const r of records(path)) {
				cents += spanishMoneyToCents(r['Importe']!);
				if (r['Tipo documento'] === 'Nota de crédito') creditNotes += spanishMoneyToCents(r['Importe']!);
			}
		}
		const row = (await db.one<{ total: string; credit: string }>(
			`SELECT sum(amount)::VARCHAR AS total, sum(amount) FILTER (WHERE doc_type = 'credit_note')::VARCHAR AS credit FROM invoice_lines`
		))!;
		expect(decimalTextToCents(row.total)).toBe(cents);
		expect(creditNotes).toBeLessThan(0n);
		expect(decimalTextToCents(row.credit)).toBe(creditNotes);
	});

	it('reads Windows-1252 names, day-first dates and vocabularies', async () => {
		const client = (await db.one<Record<string, string>>(
			`SELECT name, created_at::VARCHAR AS created_at FROM clients WHERE client_id = 'CL-00001'`
		))!;
		const source = records(demoFiles().find((p) => p.endsWith('clientes.csv'))!).find((r) => r['Código cliente'] === 'CL-00001')!;
		expect(client.name).toBe(source['Razón social']);
		const [d, m, y] = source['Fecha de alta']!.split('/');
		expect(client.created_at).toBe(`${y}-${m}-${d}`);
		const outcomes = await db.all<{ outcome: string }>(`SELECT DISTINCT outcome FROM opportunities ORDER BY 1`);
		// Descartada is a no-go: declined, not lost.
		expect(outcomes.map((o) => o.outcome)).toEqual(['lost', 'no_go', 'open', 'won']);
		const decisions = await db.all<{ decision: string | null }>(`SELECT DISTINCT decision FROM opportunities ORDER BY 1 NULLS LAST`);
		expect(decisions.map((d) => d.decision)).toEqual(['go', 'no_go', 'pending', null]);
		const statuses = await db.all<{ status: string }>(`SELECT DISTINCT status FROM quotes ORDER BY 1`);
		expect(statuses.map((s) => s.status)).toEqual(['accepted', 'draft', 'expired', 'rejected', 'sent']);
		const forecast = (await db.one<{ months: number; first: string }>(
			`SELECT count(*)::INTEGER AS months, min(month)::VARCHAR AS first FROM forecasts WHERE dimension = 'total' AND value IS NULL`
		))!;
		expect(forecast).toEqual({ months: 39, first: '2023-11-01' });
	});

	it('changes nothing when the same files are ingested again', async () => {
		const before = await db.all(`SELECT count(*)::INTEGER AS n, sum(amount)::VARCHAR AS s, max(batch_id) AS b FROM invoice_lines`);
		const again = await ingestFiles(db, demoFiles().map((path) => ({ path, name: basename(path) })));
		for (const f of again.files) {
			expect(f.inserted, f.file).toBe(0);
			expect(f.updated, f.file).toBe(0);
			expect(f.unchanged, f.file).toBe(f.loaded);
		}
		expect(await db.all(`SELECT count(*)::INTEGER AS n, sum(amount)::VARCHAR AS s, max(batch_id) AS b FROM invoice_lines`)).toEqual(before);
		const keys = await db.one<{ dup: number }>(
			`SELECT count(*)::INTEGER AS dup FROM (SELECT invoice_id, line_no FROM invoice_lines GROUP BY ALL HAVING count(*) > 1)`
		);
		expect(keys!.dup).toBe(0);
	});
});
