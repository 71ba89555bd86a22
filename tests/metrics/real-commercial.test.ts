// The commercial-process figures of issue 15 (activation variants and formalised activation,
// prospect size per year, the four sales events) on real exports, each against an independent
// computation straight from the file (papaparse and plain arithmetic in ten-thousandths, not the
// ingest nor the queries). Maven CRM (/work/shared/data/real/PROVENANCE.md §1) has opportunities
// and accounts but no invoices; Superstore (§2) has invoice lines with a product line (Category).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { activation } from '../../src/lib/server/metrics/activation';
import { prospectSize } from '../../src/lib/server/metrics/prospect-size';
import { salesEvents } from '../../src/lib/server/metrics/sales-events';
import { DEFAULT_SETTINGS } from '../../src/lib/server/metrics/settings';
import { REAL } from '../helpers/datasets';
import { metricParams } from '../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

type Rec = Record<string, string>;
const read = (path: string, encoding = 'utf-8'): Rec[] =>
	Papa.parse<Rec>(new TextDecoder(encoding).decode(readFileSync(path)), { header: true, skipEmptyLines: true }).data;
/** A decimal text as an integer number of ten-thousandths (exact). */
const units = (s: string): bigint => {
	const [whole, frac = ''] = s.trim().split('.');
	const sign = whole!.startsWith('-') ? -1n : 1n;
	return sign * (BigInt(whole!.replace('-', '')) * 10000n + BigInt((frac + '0000').slice(0, 4)));
};
/** Ten-thousandths to money rounded half-up (away from zero) to cents. */
const cents = (u: bigint, n = 1n): number => {
	const a = u < 0n ? -u : u;
	const c = (2n * a + 100n * n) / (200n * n);
	return Number(u < 0n ? -c : c) / 100;
};

describe('Maven CRM: formalised activation and prospect size', () => {
	const folder = tempFolder();
	let db: Database;
	const dir = join(REAL, 'maven-crm-sales-opportunities');
	// Rows the ingest keeps: those with an engage date (the 500 Prospecting rows have none).
	const pipeline = read(join(dir, 'sales_pipeline.csv')).filter((r) => r.engage_date !== '');
	const accounts = read(join(dir, 'accounts.csv')).map((r) => r.account!);
	const params = metricParams('2017-01', '2017-06', '2017-06-30');
	beforeAll(async () => {
		db = await openTempDatabase(folder);
		await ingestFiles(db, ['accounts.csv', 'products.csv', 'sales_pipeline.csv'].map((f) => ({ path: join(dir, f) })));
	}, 120_000);
	afterAll(() => {
		db.close();
		folder.remove();
	});

	it('activates by the first won opportunity when the setting says formalised, and by invoices (none here) by default', async () => {
		const firstWon = new Map<string, string>();
		for (const r of pipeline)
			if (r.deal_stage === 'Won' && r.account && r.close_date && (!firstWon.has(r.account) || r.close_date < firstWon.get(r.account)!)) firstWon.set(r.account, r.close_date);
		// Accounts have no created date: every account not activated before January is exposed.
		const exposed = accounts.filter((a) => !firstWon.has(a) || firstWon.get(a)! >= '2017-01-01');
		const activated = exposed.filter((a) => firstWon.has(a) && firstWon.get(a)! <= '2017-06-30');
		expect(activated.length).toBeGreaterThan(0);
		const f = await activation(db, params, { ...DEFAULT_SETTINGS, activation_event: 'formalised' });
		expect([f.clients_total, f.prospects_exposed, f.activated_in_period]).toEqual([accounts.length, exposed.length, activated.length]);
		expect(f.prospect_conversion_rate).toBe(activated.length / exposed.length);
		const i = await activation(db, params, DEFAULT_SETTINGS);
		expect([i.prospects_exposed, i.activated_in_period]).toEqual([accounts.length, 0]);
		// No invoice: no one is active by any variant.
		expect([i.variants.amount.active, i.variants.frequency.active, i.variants.both.active]).toEqual([0, 0, 0]);
	});

	it('sizes each prospect by a year of its opportunities (the accounts declare no potential; their revenue is their own)', async () => {
		const prospects = new Set(pipeline.filter((r) => r.account && r.engage_date! >= '2017-01-01' && r.engage_date! <= '2017-06-30').map((r) => r.account!));
		const sizes = new Map<string, bigint>();
		for (const r of pipeline)
			if (prospects.has(r.account!) && r.close_value !== '' && r.engage_date! > '2016-06-30' && r.engage_date! <= '2017-06-30')
				sizes.set(r.account!, (sizes.get(r.account!) ?? 0n) + units(r.close_value!));
		const total = [...sizes.values()].reduce((a, b) => a + b, 0n);
		const p = await prospectSize(db, params, DEFAULT_SETTINGS);
		expect([p.prospects, p.declared, p.from_opportunities, p.unsized]).toEqual([prospects.size, 0, sizes.size, prospects.size - sizes.size]);
		expect(p.basis).toBe('opportunities');
		expect(p.value).toBe(cents(total, BigInt(sizes.size)));
	});
});

describe('Superstore: the four sales events', () => {
	const folder = tempFolder();
	let db: Database;
	const file = join(REAL, 'tableau-sample-superstore', 'Sample - Superstore.csv');
	const day = (mdy: string) => {
		const [m, d, y] = mdy.split('/');
		return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
	};
	const lines = read(file, 'windows-1252').map((r) => ({ client: r['Customer ID']!, date: day(r['Order Date']!), line: r.Category!, amount: units(r.Sales!) }));
	beforeAll(async () => {
		db = await openTempDatabase(folder);
		await ingestFiles(db, [{ path: file }]);
	}, 120_000);
	afterAll(() => {
		db.close();
		folder.remove();
	});

	it('repeat purchase, higher volume, cross-sell and first purchase equal the file', async () => {
		const [from, to, prevFrom] = ['2017-01-01', '2017-12-31', '2016-01-01'];
		const per = new Map<string, { r: bigint; r0: bigint; before: boolean; inP: boolean; linesBefore: Set<string>; linesP: Map<string, { positive: boolean; sum: bigint }> }>();
		for (const l of lines) {
			if (l.date > to) continue;
			const c = per.get(l.client) ?? { r: 0n, r0: 0n, before: false, inP: false, linesBefore: new Set(), linesP: new Map() };
			per.set(l.client, c);
			if (l.date >= from) {
				c.r += l.amount;
				if (l.amount > 0n) c.inP = true;
				const x = c.linesP.get(l.line) ?? { positive: false, sum: 0n };
				x.sum += l.amount;
				if (l.amount > 0n) x.positive = true;
				c.linesP.set(l.line, x);
			} else {
				if (l.date >= prevFrom) c.r0 += l.amount;
				if (l.amount > 0n) {
					c.before = true;
					c.linesBefore.add(l.line);
				}
			}
		}
		const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);
		const all = [...per.values()];
		const repeat = all.filter((c) => c.inP && c.before);
		const first = all.filter((c) => c.inP && !c.before);
		const expansion = all.filter((c) => c.r > c.r0 && c.r0 > 0n);
		const newLines = all.filter((c) => c.before).map((c) => [...c.linesP].filter(([k, v]) => v.positive && !c.linesBefore.has(k)).map(([, v]) => v.sum));
		const crossSell = newLines.filter((ls) => ls.length > 0);
		expect(crossSell.length).toBeGreaterThan(0);

		const e = await salesEvents(db, metricParams('2017-01', '2017-12', '2017-12-31'), DEFAULT_SETTINGS);
		expect(e.previous).toEqual({ from: '2016-01', to: '2016-12' });
		expect(e.buyers).toBe(repeat.length + first.length);
		expect(e.repeat).toEqual({ clients: repeat.length, amount: cents(sum(repeat.map((c) => c.r))) });
		expect(e.first_purchase).toEqual({ clients: first.length, amount: cents(sum(first.map((c) => c.r))) });
		expect(e.expansion).toEqual({ clients: expansion.length, amount: cents(sum(expansion.map((c) => c.r - c.r0))) });
		expect(e.cross_sell).toEqual({ clients: crossSell.length, amount: cents(sum(crossSell.flat())), product_lines: crossSell.flat().length });
	});
});
