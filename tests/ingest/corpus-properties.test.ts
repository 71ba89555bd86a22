// Issue 12, "How to test it": recognition must not hang on how a header is written. Files of the
// export corpus (five kinds) are written again at test time — columns in another order; headers
// abbreviated (Nº → Nro., Código → Cód., Cantidad → Cant., Precio unitario → P. Unit.…) and with a
// currency suffix on the money column; headers in upper case without accents — in the file's own
// encoding and delimiter, and each variant must load to the kind, rows and revenue that the file's
// expected.json gives (worked out by hand, see tests/fixtures/exports/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, loadAndClassify, loadExpected, type Expected } from '../helpers/corpus';
import { tempFolder } from '../helpers/temp-db';

interface Case {
	file: string;
	encoding: 'utf-8' | 'windows-1252';
	delimiter: string;
	/** The money column and the currency suffix the abbreviated variant gives it. */
	money?: [header: string, suffix: string];
}

const CASES: Case[] = [
	{ file: 'odoo_facturas_cliente.csv', encoding: 'utf-8', delimiter: ',', money: ['Base imponible', ' (€)'] },
	{ file: 'sap_b1_lineas_ventas.csv', encoding: 'utf-8', delimiter: ';', money: ['LineTotal', ' (MXN)'] },
	{ file: 'excel_es_ventas_abril.csv', encoding: 'windows-1252', delimiter: ';', money: ['Importe neto', ' Bs.'] },
	{ file: 'dynamics_bc_posted_sales_invoice_lines.csv', encoding: 'utf-8', delimiter: ',', money: ['Amount', ' (USD)'] },
	{ file: 'crm_clientes_codigo_nit.csv', encoding: 'utf-8', delimiter: ';' },
	{ file: 'productos_codigo_descripcion.csv', encoding: 'windows-1252', delimiter: ';', money: ['Precio', ' $'] },
	{ file: 'excel_es_embudo_oportunidades.csv', encoding: 'windows-1252', delimiter: ';' },
	{ file: 'holded_presupuestos.csv', encoding: 'utf-8', delimiter: ';', money: ['Subtotal', ' [EUR]'] }
];

/** How people shorten headers in their own sheets; the first rule that matches applies. */
const ABBREVIATIONS: [RegExp, string][] = [
	[/^N[º°] (.+)$/, 'Nro. $1'],
	[/^Número de (.+)$/, 'Nro. $1'],
	[/^Número$/, 'Núm.'],
	[/^Código(.*)$/, 'Cód.$1'],
	[/^Cantidad(.*)$/, 'Cant.$1'],
	[/^Precio unitario$/, 'P. Unit.'],
	[/^Descripción(.*)$/, 'Desc.$1'],
	[/^Fecha de (.+)$/, 'Fec. $1'],
	[/^Fecha (.+)$/, 'F. $1'],
	[/^Cliente$/, 'Cte.'],
	[/^Quantity$/, 'Qty.'],
	[/^Document No\.$/, 'Doc. No.'],
	[/^Unit Price$/, 'Price/Unit']
];

function abbreviate(header: string, c: Case): string {
	const rule = ABBREVIATIONS.find(([pattern]) => pattern.test(header));
	const short = rule ? header.replace(rule[0], rule[1]) : header;
	return c.money && header === c.money[0] ? short + c.money[1] : short;
}

const shout = (header: string) => header.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();

/** A fixed order in which no column stays where it was (a seeded shuffle, drawn again while one does). */
function shuffled(width: number): number[] {
	let seed = 12;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	for (;;) {
		const order = Array.from({ length: width }, (_, i) => i);
		for (let i = width - 1; i > 0; i--) {
			const j = Math.floor(next() * (i + 1));
			[order[i], order[j]] = [order[j]!, order[i]!];
		}
		if (order.every((from, to) => from !== to)) return order;
	}
}

interface Parsed {
	rows: string[][];
	header: number;
	bom: boolean;
	newline: '\r\n' | '\n';
}

function parse(c: Case, expected: Expected): Parsed {
	const bytes = readFileSync(join(FIXTURES, 'exports', c.file));
	const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	const text = iconv.decode(bom ? bytes.subarray(3) : bytes, c.encoding);
	const newline = text.includes('\r\n') ? '\r\n' : '\n';
	const body = text.endsWith(newline) ? text.slice(0, -newline.length) : text;
	const rows = Papa.parse<string[]>(body, { delimiter: c.delimiter, newline }).data;
	const headers = Object.values(expected.mapping);
	const header = rows.findIndex((r) => headers.every((h) => r.includes(h)));
	if (header < 0) throw new Error(`${c.file}: no row holds the headers ${headers.join(', ')}`);
	return { rows, header, bom, newline };
}

function write(c: Case, p: Parsed, rows: string[][], dir: ReturnType<typeof tempFolder>, variant: string): string {
	const text = Papa.unparse(rows, { delimiter: c.delimiter, newline: p.newline }) + p.newline;
	const bytes = iconv.encode(text, c.encoding);
	return dir.write(`${variant}-${c.file}`, p.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes);
}

/** The variants of one file: its rows with the columns moved, or with the header row renamed. */
type Variant = 'shuffled' | 'abbreviated' | 'upper-case';

function variants(c: Case, p: Parsed): Record<Variant, string[][]> {
	const width = p.rows[p.header]!.length;
	const order = shuffled(width);
	const renamed = (rename: (h: string) => string) => p.rows.map((r, i) => (i === p.header ? r.map(rename) : r));
	return {
		shuffled: p.rows.map((r) => (r.length === width ? order.map((i) => r[i]!) : r)),
		abbreviated: renamed((h) => abbreviate(h, c)),
		'upper-case': renamed(shout)
	};
}

/** What must not change: the kind, the rows, the rejections and, for invoices, the revenue. */
function invariant(expected: Expected): Expected {
	return {
		kind: expected.kind,
		rows: expected.rows,
		rejected: expected.rejected,
		mapping: {},
		...(expected.revenue !== undefined ? { revenue: expected.revenue } : {})
	};
}

const expected = loadExpected('exports');
const dir = tempFolder('cartera-corpus-variants-');
afterAll(() => dir.remove());

describe('an export written another way loads to the same kind, rows and revenue', () => {
	it('covers at least four kinds', () => {
		expect(new Set(CASES.map((c) => expected[c.file]!.kind)).size).toBeGreaterThanOrEqual(4);
	});

	for (const c of CASES) {
		describe(c.file, () => {
			const exp = expected[c.file]!;
			const parsed = parse(c, exp);
			const all = variants(c, parsed);

			it('has variants that really differ from the file', () => {
				const header = parsed.rows[parsed.header]!;
				expect(all.shuffled[parsed.header]!.filter((h, i) => h !== header[i]).length).toBe(header.length);
				expect(all.abbreviated[parsed.header]!.filter((h, i) => h !== header[i]).length).toBeGreaterThanOrEqual(2);
				expect(all['upper-case'][parsed.header]).not.toEqual(header);
				// Every row of the table keeps its width, so the data rows move with their header.
				expect(all.shuffled.filter((r) => r.length === header.length).length).toBeGreaterThanOrEqual(exp.rows);
			});

			for (const variant of Object.keys(all) as Variant[]) {
				it(`${variant}: loads as ${exp.kind}, ${exp.rows} rows${exp.revenue ? `, revenue ${exp.revenue}` : ''}`, async () => {
					const path = write(c, parsed, all[variant], dir, variant);
					const result = await loadAndClassify(path, c.file, invariant(exp));
					expect(result.wrongKind, result.detail).toBe(false);
					expect(result.actual, result.detail).toEqual(result.wanted);
				}, 120_000);
			}
		});
	}
});
