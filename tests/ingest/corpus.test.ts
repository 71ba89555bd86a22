// Issue 12, "Done when": exports nobody showed us (tests/fixtures/exports/, and the hold-out
// folder kept apart) each load with no flags into a fresh real DuckDB file. Every file is right
// (its own kind, the rows, mapping and figures its expected.json gives — worked out by hand, never
// from ingest output), refused (an IngestError, nothing loaded), or wrong. No file may ever load as
// another kind; at least 90 % must load right; a file that loads as its kind must have every figure.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, loadAndClassify, loadExpected, type Result } from '../helpers/corpus';

const FOLDERS = ['exports', 'exports-holdout'];

function table(folder: string, results: Map<string, Result>): string {
	const rows = [...results].map(([file, r]) => [file, r.wanted.kind!, r.wrongKind ? 'wrong kind' : r.outcome, r.detail]);
	const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['file', 'expected kind', 'outcome'][i]!.length));
	const line = (r: string[]) => r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ');
	return [`corpus ${folder}:`, line(['file', 'expected kind', 'outcome', 'detail']), ...rows.map(line)].join('\n');
}

function numbers(results: Map<string, Result>) {
	const all = [...results.values()];
	const right = all.filter((r) => r.outcome === 'right').length;
	return {
		files: all.length,
		right,
		rightShare: all.length ? right / all.length : 0,
		refused: all.filter((r) => r.outcome === 'refused').length,
		wrong: all.filter((r) => r.outcome === 'wrong').length,
		wrongKind: all.filter((r) => r.wrongKind).length
	};
}

for (const folder of FOLDERS) {
	describe(`export corpus ${folder}/`, () => {
		const expected = loadExpected(folder);
		const files = Object.keys(expected);
		const results = new Map<string, Result>();

		beforeAll(async () => {
			for (const file of files) results.set(file, await loadAndClassify(join(FIXTURES, folder, file), file, expected[file]!));
			const n = numbers(results);
			console.log(table(folder, results));
			console.log(
				`corpus ${folder}: wrong ${n.wrong} (wrong kind ${n.wrongKind}), right ${(100 * n.rightShare).toFixed(1)} % (${n.right} of ${n.files}), refused ${n.refused}`
			);
		}, 900_000);

		it('has an expectation for every export in the folder, and an export for every expectation', () => {
			const present = readdirSync(join(FIXTURES, folder)).filter((f) => !['README.md', 'expected.json'].includes(f));
			expect(present.sort()).toEqual([...files].sort());
		});

		it('loads no file as a kind other than its own', () => {
			const wrongKind = [...results].filter(([, r]) => r.wrongKind).map(([file, r]) => `${file}: expected ${r.wanted.kind}, ${r.detail}`);
			expect(wrongKind).toEqual([]);
		});

		it('loads at least 90 % of the files right with no flags', () => {
			const n = numbers(results);
			expect(n.rightShare, `${n.right} of ${n.files} right, ${n.refused} refused, ${n.wrong} wrong`).toBeGreaterThanOrEqual(0.9);
		});

		it.each(files)('%s loads as its own kind with every expected figure, or is refused', (file) => {
			const r = results.get(file)!;
			expect(r.wrongKind, r.detail).toBe(false);
			// Refused files count against the 90 % above; anything loaded as its kind must be exactly right.
			if (r.outcome === 'refused') return;
			expect(r.actual, r.detail).toEqual(r.wanted);
			expect(r.outcome).toBe('right');
		});
	});
}
