// Failures remembered per key over a sliding window, in memory: what sign-in (throttle.ts) and the
// setup code (setup-code.ts) count to refuse a guesser. A key is locked once it holds `limit`
// failures within the window, until the oldest of those leaves it.
export class FailureWindow {
	private readonly failures = new Map<string, number[]>();

	constructor(readonly windowMs: number) {}

	/** How many keys are remembered. */
	get size(): number {
		return this.failures.size;
	}

	/** The key's failures still in the window (the older ones are forgotten). */
	recent(key: string, now: number): number[] {
		const times = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
		if (times.length) this.failures.set(key, times);
		else this.failures.delete(key);
		return times;
	}

	/** Milliseconds until none of `limits`' keys is locked, 0 when none is. */
	lockedFor(limits: readonly (readonly [string, number])[], now: number): number {
		let wait = 0;
		for (const [key, limit] of limits) {
			const times = this.recent(key, now);
			if (times.length >= limit) wait = Math.max(wait, times[times.length - limit]! + this.windowMs - now);
		}
		return wait;
	}

	/** One failure at `now` for each key. */
	record(keys: readonly string[], now: number): void {
		for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
	}

	/** Takes back the failure recorded at `now` (an attempt that turned out right). */
	takeBack(key: string, now: number): void {
		const times = this.failures.get(key);
		const at = times?.lastIndexOf(now) ?? -1;
		if (at >= 0) times!.splice(at, 1);
		if (times && times.length === 0) this.failures.delete(key);
	}

	forget(key: string): void {
		this.failures.delete(key);
	}

	/** Drops the keys whose last failure left the window (bounded memory under a spray of names). */
	purgeStale(now: number): void {
		for (const [key, times] of this.failures) if (now - times[times.length - 1]! >= this.windowMs) this.failures.delete(key);
	}
}
