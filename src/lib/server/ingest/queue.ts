// Ingests run one at a time per process: concurrent uploads wait their turn instead of
// colliding on DuckDB's single writer. Reads (the dashboards) are not queued.
let tail: Promise<unknown> = Promise.resolve();

export function serialized<T>(fn: () => Promise<T>): Promise<T> {
	const run = tail.then(fn, fn);
	tail = run.catch(() => undefined);
	return run;
}
