// `npm run report` in its own process, as an admin runs it on a copy of the demo: it prints
// Informe del mes to a PDF whose text holds every section (in the language asked for) and leaves no
// live token or account behind; a bad month, a missing database or one the server holds is one clear line on
// stderr, exit code 1 and no PDF. It builds into CARTERA_BUILD_DIR when the sources changed.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/lib/features/report/messages';
import type { Lang } from '../../src/lib/i18n/lang';
import { Database } from '../../src/lib/server/db/database';
import { copyDemoDatabase } from '../helpers/demo-database';
import { compact, pdfText } from '../helpers/pdf-text';
import { holdDatabase, runCli } from '../helpers/run-cli';
import { tempFolder } from '../helpers/temp-db';

const MONTH = '2026-10';
const SECTIONS = ['kpis', 'growth', 'goals', 'captures', 'concentration', 'activation', 'funnel', 'movers'] as const;
// A run may have to build first (the sources changed since the last build): minutes on a busy machine.
const FIRST_RUN_MS = 300_000;
const folder = tempFolder('cartera-report-cli-');
const db = folder.path('demo.duckdb');

beforeAll(() => copyDemoDatabase(db), 120_000);
afterAll(() => folder.remove());

/** One line on stderr, no stack trace, exit code 1. */
function refused(r: { code: number | null; stdout: string; stderr: string }): string {
	expect(r.code).toBe(1);
	expect(r.stderr.trim().split('\n')).toHaveLength(1);
	expect(r.stderr).not.toMatch(/\n\s+at /);
	return r.stderr.trim();
}

describe('npm run report', () => {
	for (const lang of ['es', 'en'] as Lang[]) {
		it(
			`writes the month's report as a PDF holding every section, in ${lang}`,
			async () => {
				const out = folder.path(`informe-${lang}.pdf`);
				const r = await runCli('report', ['--month', MONTH, '--out', out, '--lang', lang, '--db', db]);
				expect(r.stderr).toBe('');
				expect(r.code).toBe(0);
				expect(r.stdout).toContain(`Report for ${MONTH} saved to ${out}`);
				const pdf = readFileSync(out);
				expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
				const text = compact(pdfText(pdf));
				expect(text).toContain(compact(messages[lang].kind));
				for (const s of SECTIONS) expect(text, s).toContain(compact(messages[lang].sections[s]));
				// The viewer token made for the run is revoked after it.
				const check = await Database.open(db);
				try {
					const live = await check.all("SELECT token_id FROM api_tokens WHERE label LIKE 'informe PDF%' AND revoked_at IS NULL");
					expect(live).toEqual([]);
					// The demo has no account: the one made for the run is gone too (the first-run page still greets the admin).
					expect(await check.all('SELECT name FROM users')).toEqual([]);
				} finally {
					check.close();
				}
			},
			FIRST_RUN_MS
		);
	}

	it('refuses a month that is not YYYY-MM in one line', async () => {
		const out = folder.path('bad.pdf');
		for (const month of ['2026-13', 'octubre', '2026-1']) {
			const line = refused(await runCli('report', ['--month', month, '--out', out, '--db', db]));
			expect(line).toMatch(/^--month must be YYYY-MM\. Usage: npm run report/);
		}
		expect(refused(await runCli('report', ['--out', out, '--db', db]))).toMatch(/^--month and --out are required/);
		expect(existsSync(out)).toBe(false);
	});

	it('says there is no database instead of printing an empty report', async () => {
		const missing = folder.path('missing.duckdb');
		expect(refused(await runCli('report', ['--month', MONTH, '--out', folder.path('none.pdf'), '--db', missing]))).toContain(`No database at ${missing}`);
		expect(existsSync(missing)).toBe(false);
	});

	it('says so in one line when the database is held by another process (the server)', async () => {
		const holder = await holdDatabase(db);
		try {
			const out = folder.path('locked.pdf');
			const line = refused(await runCli('report', ['--month', MONTH, '--out', out, '--db', db]));
			expect(line).toContain('is in use by another process');
			expect(line).toContain(`PID ${holder.pid}`);
			expect(line).toContain(`/informe/${MONTH}`);
			expect(existsSync(out)).toBe(false);
		} finally {
			holder.kill();
		}
	});
});
