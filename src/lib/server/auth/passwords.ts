// Password hashing with scrypt (node:crypto), a memory-hard function: N = 2^15, r = 8 takes
// 32 MiB and tens of milliseconds per guess. Stored as scrypt$N$r$p$salt$hash (base64), so the
// cost can be raised later without breaking stored hashes.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { COMMON_PASSWORDS } from './common-passwords';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 10;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
	return new Promise((resolve, reject) => scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))));
}

const options = (n: number, r: number, p: number): ScryptOptions => ({ N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 });

export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options(N, R, P));
	return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [scheme, n, r, p, salt, hash] = stored.split('$');
	if (scheme !== 'scrypt' || !salt || !hash) return false;
	const expected = Buffer.from(hash, 'base64');
	const key = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, options(Number(n), Number(r), Number(p)));
	return timingSafeEqual(key, expected);
}

export type PasswordProblem = 'password_short' | 'password_long' | 'password_blank' | 'password_common';

/**
 * Null when a new password is acceptable, else why not: a code (said in the page's language by
 * src/lib/account-messages.ts) and the English sentence for the CLI and logs.
 */
export function passwordProblem(password: string): { code: PasswordProblem; message: string } | null {
	if (password.length < MIN_PASSWORD_LENGTH)
		return { code: 'password_short', message: `The password must have at least ${MIN_PASSWORD_LENGTH} characters.` };
	if (password.length > 200) return { code: 'password_long', message: 'The password must have at most 200 characters.' };
	if (password.trim() === '') return { code: 'password_blank', message: 'The password cannot be only spaces.' };
	if (COMMON_PASSWORDS.has(password.normalize('NFC').trim().toLowerCase()))
		return { code: 'password_common', message: 'That password is one of the most common ones: choose another.' };
	return null;
}
