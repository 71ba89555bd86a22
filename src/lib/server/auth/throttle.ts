// Sign-in throttling. Within 15 minutes, attempts are refused for 15 minutes after:
//   5 failures for one name from one address (someone guessing, or a user mistyping);
//   50 failures for one name from all addresses (a guess spread over many machines);
//   20 failures from one address for any names (an office behind one router shares it).
// So 5 bad tries from elsewhere do not lock the rightful user out: only the pair is locked, and
// the name's own ceiling is ten times higher.
//
// An attempt is counted BEFORE its password is checked: `beginAttempt` reserves it synchronously
// (no await between the check and the count), so 30 concurrent guesses see each other and only
// the first 5 reach the password check. A right password takes its reservation back and clears the
// pair. In memory: one server process owns the database, and a restart forgetting the counts only
// helps the rightful user.
import { FailureWindow } from './failure-window';

const LIMIT_PAIR = 5;
const LIMIT_NAME = 50;
const LIMIT_ADDRESS = 20;
/** Past this many keys, those with no failure left in the window are dropped (a spray of names). */
const PURGE_ABOVE = 10_000;

const failures = new FailureWindow(15 * 60_000);

/** How many names, addresses and pairs are remembered (memory stays bounded: tests). */
export const trackedKeys = () => failures.size;

const keyName = (name: string) => `n:${name.trim().toLowerCase()}`;
const keyPair = (name: string, address: string) => `p:${address}|${name.trim().toLowerCase()}`;
const keyAddress = (address: string) => `a:${address}`;

function keys(name: string, address: string): [string, number][] {
	return [
		[keyPair(name, address), LIMIT_PAIR],
		[keyName(name), LIMIT_NAME],
		[keyAddress(address), LIMIT_ADDRESS]
	];
}

/** Milliseconds until this name may be tried again from this address, 0 when it may now. */
export function lockedFor(name: string, address: string, now = Date.now()): number {
	return failures.lockedFor(keys(name, address), now);
}

/** A counted attempt: a failure unless `succeeded` takes it back. */
export interface Attempt {
	succeeded(): void;
}

/**
 * Counts an attempt as a failure before its password is checked, or says how long to wait
 * (milliseconds) when the pair, the name or the address is locked. Synchronous on purpose.
 */
export function beginAttempt(name: string, address: string, now = Date.now()): Attempt | { wait: number } {
	if (failures.size > PURGE_ABOVE) failures.purgeStale(now);
	const wait = lockedFor(name, address, now);
	if (wait > 0) return { wait };
	failures.record(keys(name, address).map(([key]) => key), now);
	return {
		succeeded() {
			// Take this attempt's count back everywhere; the pair's earlier typos are forgiven too.
			// Not the name's other failures: a sign-in here must not reset a guess from elsewhere.
			failures.forget(keyPair(name, address));
			failures.takeBack(keyName(name), now);
			failures.takeBack(keyAddress(address), now);
		}
	};
}
