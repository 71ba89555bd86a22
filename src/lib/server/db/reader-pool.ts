// A few connections of their own for the figures' queries (the result cache's misses): DuckDB runs
// one statement at a time per connection, so a figure computed for one request on the server's
// main connection would hold up every other request's small reads there (sign-in, API token,
// settings) for as long as it runs. Each reader takes the least busy connection.

export interface Closable {
	close(): void;
}

interface Slot<C> {
	ready: Promise<C>;
	open?: C;
	busy: number;
}

export class ReaderPool<C extends Closable> {
	private readonly slots: Slot<C>[] = [];
	private closed = false;

	constructor(
		private readonly size: number,
		private readonly connect: () => Promise<C>
	) {}

	async read<T>(fn: (connection: C) => Promise<T>): Promise<T> {
		if (this.closed) throw new Error('The database is closed.');
		const slot = this.leastBusy();
		slot.busy++;
		try {
			return await fn(await slot.ready);
		} finally {
			slot.busy--;
		}
	}

	private leastBusy(): Slot<C> {
		const idle = this.slots.find((s) => s.busy === 0);
		if (idle) return idle;
		if (this.slots.length < this.size) return this.open();
		return this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
	}

	private open(): Slot<C> {
		const slot: Slot<C> = { busy: 0, ready: undefined as unknown as Promise<C> };
		slot.ready = this.connect().then(
			(connection) => {
				if (this.closed) connection.close();
				return (slot.open = connection);
			},
			(error: unknown) => {
				this.slots.splice(this.slots.indexOf(slot), 1); // the next reader tries again
				throw error;
			}
		);
		this.slots.push(slot);
		return slot;
	}

	/** Opens the connections not opened yet, up to the pool's size, and runs `prepare` on each one. */
	async openAll(prepare: (connection: C) => Promise<void>): Promise<void> {
		while (this.slots.length < this.size) this.open();
		await Promise.all(this.slots.map(async (slot) => prepare(await slot.ready)));
	}

	/** Closes the connections opened so far (one still opening closes when it is ready). */
	close(): void {
		this.closed = true;
		for (const slot of this.slots) slot.open?.close();
	}
}
