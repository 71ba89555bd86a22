// Query results kept between requests: the dashboards ask the same figures again and again while
// the data only changes on an upload. An entry is tied to the database's data version, which moves
// as soon as a change is visible to other connections (an autocommit write, a transaction's COMMIT),
// so a result read before a change is never served after it. Least recently
// used entries go first once the rows held pass the limit.
export class ResultCache {
	private readonly entries = new Map<string, { version: number; rows: unknown[] }>();
	private rows = 0;

	constructor(private readonly maxRows: number) {}

	get<T>(key: string, version: number): T[] | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		this.entries.delete(key);
		if (entry.version !== version) {
			this.rows -= entry.rows.length;
			return undefined;
		}
		this.entries.set(key, entry); // most recently used last
		return entry.rows.slice() as T[];
	}

	set(key: string, version: number, rows: unknown[]): void {
		if (rows.length > this.maxRows) return;
		const old = this.entries.get(key);
		if (old) {
			this.rows -= old.rows.length;
			this.entries.delete(key);
		}
		this.entries.set(key, { version, rows });
		this.rows += rows.length;
		for (const [k, entry] of this.entries) {
			if (this.rows <= this.maxRows) break;
			this.entries.delete(k);
			this.rows -= entry.rows.length;
		}
	}

	get size(): number {
		return this.entries.size;
	}
}
