// The one-time setup code (issue 13, item 7): the server listens on every interface, so whoever
// reached /setup first used to become admin. While no account exists, the server process makes a
// random code at start and prints it on its own console; /setup creates the admin only with it.
// It lives in this process's memory only: a restart makes a new one, and it is gone once used.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { FailureWindow } from './failure-window';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'; // base32 (RFC 4648): no 0/1/8/9 to misread
const GROUPS = 3;
const GROUP_LENGTH = 4;
/** Wrong codes allowed per address, and from everywhere, within the window. */
const LIMIT_ADDRESS = 5;
const LIMIT_ALL = 30;

let code: string | null = null;
const failures = new FailureWindow(15 * 60_000);

/** A fresh code, e.g. `K7QD-2MZA-XW4P` (60 random bits). */
export function newSetupCode(): string {
	const bytes = randomBytes(GROUPS * GROUP_LENGTH);
	const chars = [...bytes].map((b) => ALPHABET[b & 31]);
	const groups: string[] = [];
	for (let i = 0; i < GROUPS; i++) groups.push(chars.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH).join(''));
	return groups.join('-');
}

/** The code of this process, made on first call (at start, from hooks.server.ts `init`). */
export function setupCode(): string {
	return (code ??= newSetupCode());
}

/** The code has done its job (the admin exists): nobody can use it again. */
export function forgetSetupCode(): void {
	code = null;
}

/** Case, spaces and dashes do not matter: people copy it by hand from a terminal. */
function normalise(value: string): string {
	return value.toUpperCase().replace(/[\s-]/g, '');
}

/** Compared in constant time (both sides hashed first, so their lengths tell nothing either). */
export function matchesSetupCode(given: string): boolean {
	if (code === null) return false;
	const digest = (s: string) => createHash('sha256').update(normalise(s)).digest();
	return timingSafeEqual(digest(given), digest(code));
}

const limits = (address: string) => [[`a:${address}`, LIMIT_ADDRESS], ['all', LIMIT_ALL]] as const;

/** Milliseconds until this address may try a code again, 0 when it may. */
export function setupLockedFor(address: string, now = Date.now()): number {
	return failures.lockedFor(limits(address), now);
}

export function recordSetupFailure(address: string, now = Date.now()): void {
	failures.record(limits(address).map(([key]) => key), now);
}

/** Where a browser opens the setup page, from the address the server listens on. */
export function setupUrl(env: NodeJS.ProcessEnv = process.env): string {
	if (env.ORIGIN) return `${env.ORIGIN.replace(/\/+$/, '')}/setup`;
	const host = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
	return `http://${host}:${env.PORT ?? '3000'}/setup`;
}

/** The two lines the server prints at start while no account exists (Spanish, then English). */
export function setupAnnouncement(given: string, url = setupUrl()): string {
	return (
		`Para crear la cuenta de administrador abra ${url} e ingrese el código: ${given}\n` +
		`To create the admin account open ${url} and enter the code: ${given}`
	);
}
