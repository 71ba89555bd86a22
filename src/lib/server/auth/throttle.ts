// Login throttling: after 5 failed attempts for the same name, or 20 from the same address (an
// office behind one router shares it), within 15 minutes, further attempts are refused for 15
// minutes, right or wrong. In memory: one server
// process owns the database, and a restart forgetting the count only helps the rightful user.
const LIMIT_NAME = 5;
const LIMIT_ADDRESS = 20;
const WINDOW_MS = 15 * 60_000;

const failures = new Map<string, number[]>();

function recent(key: string, now: number): number[] {
	const times = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
	if (times.length) failures.set(key, times);
	else failures.delete(key);
	return times;
}

/** Milliseconds until attempts are allowed again for this name or address, 0 when they are. */
export function lockedFor(name: string, address: string, now = Date.now()): number {
	let wait = 0;
	for (const [key, limit] of [[`n:${name.trim().toLowerCase()}`, LIMIT_NAME], [`a:${address}`, LIMIT_ADDRESS]] as const) {
		const times = recent(key, now);
		if (times.length >= limit) wait = Math.max(wait, times[times.length - limit]! + WINDOW_MS - now);
	}
	return wait;
}

export function recordFailure(name: string, address: string, now = Date.now()): void {
	for (const key of [`n:${name.trim().toLowerCase()}`, `a:${address}`]) failures.set(key, [...recent(key, now), now]);
}

export function recordSuccess(name: string): void {
	failures.delete(`n:${name.trim().toLowerCase()}`);
}
