// Sign-in throttling (issue 13 item 10): an attempt is counted before its password is checked, so
// concurrent guesses see each other; locks are per (name, address) pair, with ceilings per name
// (50) and per address (20), so 5 bad tries from elsewhere do not lock the rightful user out.
// Each test uses its own names and addresses: the counts live in the module.
import { describe, expect, it } from 'vitest';
import { beginAttempt, lockedFor, trackedKeys, type Attempt } from '../../src/lib/server/auth/throttle';

const MINUTE = 60_000;
const t0 = Date.UTC(2026, 10, 29, 10);

/** A failed attempt (reserved and never taken back); throws when it was refused. */
function fail(name: string, address: string, now: number): void {
	const attempt = beginAttempt(name, address, now);
	if ('wait' in attempt) throw new Error(`refused: ${name} from ${address}`);
}

describe('sign-in throttling', () => {
	it('locks a name from one address after 5 failures, not the same name from elsewhere', () => {
		for (let i = 0; i < 5; i++) fail('pepe', '10.0.0.1', t0 + i * 1000);
		expect(lockedFor('PEPE ', '10.0.0.1', t0 + 6000)).toBeGreaterThan(14 * MINUTE); // names without case
		expect(beginAttempt('pepe', '10.0.0.1', t0 + 6000)).toEqual({ wait: expect.any(Number) });
		expect(lockedFor('pepe', '10.0.0.2', t0 + 6000)).toBe(0); // the rightful user, at their desk
		expect(lockedFor('otro', '10.0.0.1', t0 + 6000)).toBe(0); // other names from that address
		expect(lockedFor('pepe', '10.0.0.1', t0 + 15 * MINUTE + 1000)).toBe(0); // the first failure left the window
	});

	it('counts an attempt before the password is checked: 30 at once, only 5 go through', () => {
		const attempts = Array.from({ length: 30 }, () => beginAttempt('concurrida', '10.0.1.1', t0));
		const checked = attempts.filter((a): a is Attempt => !('wait' in a));
		expect(checked).toHaveLength(5);
		expect(attempts.slice(5).every((a) => 'wait' in a && a.wait === 15 * MINUTE)).toBe(true);
	});

	it('a right password takes its count back and forgives the pair, not failures from elsewhere', () => {
		for (let i = 0; i < 4; i++) fail('luz', '10.0.2.1', t0 + i);
		const right = beginAttempt('luz', '10.0.2.1', t0 + 10);
		expect('wait' in right).toBe(false);
		(right as Attempt).succeeded();
		for (let i = 0; i < 4; i++) fail('luz', '10.0.2.1', t0 + 20 + i); // the typos before were forgiven
		expect(lockedFor('luz', '10.0.2.1', t0 + 30)).toBe(0);
		fail('luz', '10.0.2.1', t0 + 30);
		expect(lockedFor('luz', '10.0.2.1', t0 + 40)).toBeGreaterThan(0);

		// 9 failures so far for the name; 40 guesses from other machines make 49. The user's
		// sign-in from home is taken back (50 would lock) and does not reset the 49.
		for (let i = 0; i < 40; i++) fail('luz', `10.0.3.${i}`, t0 + 100 + i);
		const home = beginAttempt('luz', '10.0.4.1', t0 + 200) as Attempt;
		home.succeeded();
		expect(lockedFor('luz', '10.0.4.2', t0 + 300)).toBe(0);
		fail('luz', '10.0.4.2', t0 + 300);
		expect(lockedFor('luz', '10.0.4.3', t0 + 400)).toBeGreaterThan(14 * MINUTE);
	});

	it('locks a name tried from many addresses after 50 failures in all', () => {
		for (let i = 0; i < 49; i++) fail('gerente', `10.1.${i}.1`, t0 + i);
		expect(lockedFor('gerente', '10.2.0.1', t0 + 100)).toBe(0);
		fail('gerente', '10.1.99.1', t0 + 100);
		expect(lockedFor('gerente', '10.2.0.1', t0 + 200)).toBeGreaterThan(14 * MINUTE);
		expect(lockedFor('otra', '10.2.0.1', t0 + 200)).toBe(0);
	});

	it('locks an address after 20 failures for any names', () => {
		for (let i = 0; i < 19; i++) fail(`n${i}`, '10.3.0.1', t0 + i);
		expect(lockedFor('nuevo', '10.3.0.1', t0 + 100)).toBe(0);
		fail('n19', '10.3.0.1', t0 + 100);
		expect(lockedFor('nuevo', '10.3.0.1', t0 + 200)).toBeGreaterThan(14 * MINUTE);
		expect(lockedFor('nuevo', '10.3.0.2', t0 + 200)).toBe(0);
	});
});

describe('sign-in throttling memory', () => {
	it('forgets names and addresses whose failures left the window once there are many', () => {
		const start = Date.UTC(2026, 11, 1, 10);
		for (let i = 0; i < 4000; i++) fail(`rociado${i}`, `10.8.${i >> 8}.${i & 255}`, start);
		expect(trackedKeys()).toBeGreaterThan(10_000); // 3 per attempt: pair, name, address
		const later = start + 16 * MINUTE;
		fail('despues', '10.9.9.9', later); // the stale ones go
		expect(trackedKeys()).toBeLessThan(100);
		// What is still in the window stays counted.
		for (let i = 0; i < 4; i++) fail('despues', '10.9.9.9', later + i);
		expect(lockedFor('despues', '10.9.9.9', later + 10)).toBeGreaterThan(14 * MINUTE);
	});
});
