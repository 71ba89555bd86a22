// Comments on Informe del mes: stored per month and section with who and when, kept in order,
// refused when empty or too long or on a section the report has not; publishing keeps the
// comments as they were, and those written later are told apart (a real DuckDB file).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentOn, publishMonth, reportPage, REPORT_SECTIONS } from '../../src/lib/features/report/loader.server';
import type { Database } from '../../src/lib/server/db/database';
import { addComment, COMMENT_MAX, CommentError, monthComments } from '../../src/lib/server/reports/comments';
import { openTempDatabase, tempFolder, type TempFolder } from '../helpers/temp-db';

let folder: TempFolder;
let db: Database;

beforeAll(async () => {
	folder = tempFolder('cartera-comments-');
	db = await openTempDatabase(folder);
});

afterAll(() => {
	db.close();
	folder.remove();
});

const refusal = (p: Promise<unknown>) =>
	p.then(
		() => null,
		(e: unknown) => (e instanceof CommentError ? e.code : e)
	);

describe('report comments', () => {
	it('keeps each section’s comments in order, with who and when, per month', async () => {
		await addComment(db, '2026-10', 'growth', '  Crecimiento flojo por feriados.  ', 'ana', REPORT_SECTIONS, new Date('2026-11-02T09:30:00Z'));
		await addComment(db, '2026-10', 'kpis', 'Revisar HHI.', null, REPORT_SECTIONS, new Date('2026-11-02T10:00:00Z'));
		await addComment(db, '2026-10', 'growth', 'Confirmado con ventas.', 'luis', REPORT_SECTIONS, new Date('2026-11-03T08:15:00Z'));
		await addComment(db, '2026-09', 'growth', 'Otro mes.', 'ana', REPORT_SECTIONS, new Date('2026-10-01T08:00:00Z'));
		const october = await monthComments(db, '2026-10');
		expect(october.map((c) => [c.section, c.body, c.author, c.written_at])).toEqual([
			['growth', 'Crecimiento flojo por feriados.', 'ana', '2026-11-02T09:30:00'],
			['kpis', 'Revisar HHI.', null, '2026-11-02T10:00:00'],
			['growth', 'Confirmado con ventas.', 'luis', '2026-11-03T08:15:00']
		]);
		expect((await monthComments(db, '2026-09')).map((c) => c.body)).toEqual(['Otro mes.']);
		expect(await monthComments(db, '2026-08')).toEqual([]);
	});

	it('refuses an empty comment, one longer than the limit, and an unknown section, storing nothing', async () => {
		const before = (await monthComments(db, '2026-10')).length;
		await expect(refusal(commentOn(db, '2026-10', 'growth', '   \n ', 'ana'))).resolves.toBe('empty');
		await expect(refusal(commentOn(db, '2026-10', 'growth', 'x'.repeat(COMMENT_MAX + 1), 'ana'))).resolves.toBe('too_long');
		await expect(refusal(commentOn(db, '2026-10', 'cover', 'Hola', 'ana'))).resolves.toBe('section');
		expect((await monthComments(db, '2026-10')).length).toBe(before);
		// The limit itself is accepted (characters, not bytes: accents count once).
		await expect(refusal(commentOn(db, '2026-10', 'movers', 'é'.repeat(COMMENT_MAX), 'ana'))).resolves.toBeNull();
	});

	it('shows, once published, the comments as they were; later ones apart until it is published again', async () => {
		const before = await reportPage(db, '2026-10');
		expect(before.published).toBeNull();
		expect(before.comments.length).toBe(4);
		expect(before.later).toEqual([]);
		await publishMonth(db, '2026-10', 'ana');
		await commentOn(db, '2026-10', 'funnel', 'Después de publicar.', 'luis');
		const after = await reportPage(db, '2026-10');
		expect(after.published?.version).toBe(1);
		expect(after.comments.map((c) => c.body)).toEqual(before.comments.map((c) => c.body));
		expect(after.later.map((c) => [c.section, c.body, c.author])).toEqual([['funnel', 'Después de publicar.', 'luis']]);
		await publishMonth(db, '2026-10', 'ana');
		const again = await reportPage(db, '2026-10');
		expect(again.published?.version).toBe(2);
		expect(again.comments.map((c) => c.body)).toContain('Después de publicar.');
		expect(again.later).toEqual([]);
		// The comments are not figures: publishing with them leaves no section "changed".
		expect(again.changed).toEqual([]);
	});
});
