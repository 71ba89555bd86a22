// Comments on Informe del mes (issue 16, migration 017): per month and section, who wrote them and
// when, kept as a list (newest last) and never edited, so the report keeps a record of who said
// what. Bookkeeping writes: no figure reads this table, so a comment leaves the cached figures valid.
import type { Database } from '../db/database';

/** The longest comment accepted, in characters: a paragraph or two, as on a printed page. */
export const COMMENT_MAX = 2000;

export interface ReportComment {
	id: number;
	section: string;
	body: string;
	author: string | null;
	/** UTC, YYYY-MM-DDTHH:MM:SS. */
	written_at: string;
}

/** Why a comment was refused; the words are the report's messages. */
export class CommentError extends Error {
	constructor(readonly code: 'empty' | 'too_long' | 'section') {
		super(`comment: ${code}`);
	}
}

/** The text as stored: trimmed; an error when it is empty or longer than COMMENT_MAX. */
export function commentText(body: string): string {
	const text = body.trim();
	if (text === '') throw new CommentError('empty');
	if ([...text].length > COMMENT_MAX) throw new CommentError('too_long');
	return text;
}

/** Adds a comment to `section` of `month`'s report (one of `sections`); returns it as stored. */
export async function addComment(
	db: Database,
	month: string,
	section: string,
	body: string,
	author: string | null,
	sections: readonly string[],
	when = new Date()
): Promise<ReportComment> {
	if (!sections.includes(section)) throw new CommentError('section');
	const text = commentText(body);
	const at = when.toISOString().slice(0, 19).replace('T', ' ');
	const row = await db.one<{ id: number }>("SELECT nextval('report_comment_id_seq')::INTEGER AS id");
	await db.runBookkeeping('INSERT INTO report_comments (comment_id, month, section, body, author, written_at) VALUES ($1, $2, $3, $4, $5, $6::TIMESTAMP)', [
		row!.id,
		month,
		section,
		text,
		author,
		at
	]);
	return { id: row!.id, section, body: text, author, written_at: at.replace(' ', 'T') };
}

/** The month's comments, oldest first (in each section, newest last). */
export async function monthComments(db: Database, month: string): Promise<ReportComment[]> {
	const rows = await db.all<ReportComment>(
		`SELECT comment_id AS id, section, body, author, strftime(written_at, '%Y-%m-%dT%H:%M:%S') AS written_at
		 FROM report_comments WHERE month = $1 ORDER BY written_at, comment_id`,
		[month]
	);
	return rows;
}
