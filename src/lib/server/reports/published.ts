// Published monthly reports (issue 16, migration 016): publishing stores the report's figures as
// they are, so a published report always shows what management saw; comparing them with the
// figures computed now says which sections the data has changed since. Bookkeeping writes: no
// figure reads this table, so publishing leaves the cached figures valid.
import type { Database } from '../db/database';

export interface PublishedReport<F = unknown> {
	month: string;
	version: number;
	published_by: string | null;
	/** UTC, YYYY-MM-DDTHH:MM:SS. */
	published_at: string;
	figures: F;
}

type Row = Omit<PublishedReport, 'figures'> & { figures: string };

const at = (t: string) => t.replace(' ', 'T').slice(0, 19);

/** Stores `figures` as the month's new published version; returns its number. */
export async function publishReport(db: Database, month: string, figures: unknown, by: string | null, when = new Date()): Promise<number> {
	// One connection runs one statement at a time; two publishes racing would meet the primary key.
	const row = await db.one<{ v: number }>('SELECT coalesce(max(version), 0)::INTEGER + 1 AS v FROM published_reports WHERE month = $1', [month]);
	await db.runBookkeeping('INSERT INTO published_reports (month, version, published_by, published_at, figures) VALUES ($1, $2, $3, $4::TIMESTAMP, $5)', [
			month,
			row!.v,
			by,
			when.toISOString().slice(0, 19).replace('T', ' '),
			JSON.stringify(figures)
	]);
	return row!.v;
}

/** The month's latest published version, or null while it was never published. */
export async function latestPublished<F>(db: Database, month: string): Promise<PublishedReport<F> | null> {
	const row = await db.one<Row>(
		'SELECT month, version, published_by, published_at::VARCHAR AS published_at, figures FROM published_reports WHERE month = $1 ORDER BY version DESC LIMIT 1',
		[month]
	);
	return row ? { ...row, published_at: at(row.published_at), figures: JSON.parse(row.figures) as F } : null;
}

/** Every published version, newest first, without their figures. */
export async function publishedList(db: Database): Promise<Omit<PublishedReport, 'figures'>[]> {
	const rows = await db.all<Omit<Row, 'figures'>>(
		'SELECT month, version, published_by, published_at::VARCHAR AS published_at FROM published_reports ORDER BY published_at DESC, month DESC, version DESC'
	);
	return rows.map((r) => ({ ...r, published_at: at(r.published_at) }));
}

/** The keys of `sections` whose figures differ between what was published and what they are now. */
export function changedSections<F extends Record<string, unknown>>(published: F, now: F, sections: readonly (keyof F & string)[]): string[] {
	return sections.filter((key) => JSON.stringify(published[key]) !== JSON.stringify(now[key]));
}
