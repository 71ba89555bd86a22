// Local accounts: names compared without case, passwords as scrypt hashes, one role each.
import type { Database } from '../db/database';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';
import { isRole, type Role } from './roles';

export class AccountError extends Error {
	constructor(
		readonly field: 'name' | 'password' | 'role',
		message: string
	) {
		super(message);
		this.name = 'AccountError';
	}
}

export interface User {
	user_id: number;
	name: string;
	role: Role;
}

const NAME = /^[\p{L}\p{N}._@-]{2,60}$/u;

/** Databases known to have an account: asked on every request, and accounts are never removed. */
const withUsers = new WeakSet<Database>();

export async function hasUsers(db: Database): Promise<boolean> {
	if (withUsers.has(db)) return true;
	const row = await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM users WHERE disabled_at IS NULL');
	if ((row?.n ?? 0) > 0) withUsers.add(db);
	return withUsers.has(db);
}

export async function findUser(db: Database, name: string): Promise<(User & { password_hash: string }) | undefined> {
	return db.one(`SELECT user_id, name, role, password_hash FROM users WHERE lower(name) = lower($1) AND disabled_at IS NULL`, [name.trim()]);
}

export async function createUser(db: Database, name: string, password: string, role: Role): Promise<User> {
	const clean = name.trim();
	if (!NAME.test(clean)) throw new AccountError('name', 'The name must be 2 to 60 letters, digits or . _ @ -.');
	if (!isRole(role)) throw new AccountError('role', 'The role must be viewer, analyst or admin.');
	const problem = passwordProblem(password);
	if (problem) throw new AccountError('password', problem);
	if (await findUser(db, clean)) throw new AccountError('name', `There is already a user called ${clean}.`);
	const hash = await hashPassword(password);
	return (await db.transaction(async () => {
		const row = await db.one<{ id: number }>('SELECT coalesce(max(user_id), 0)::INTEGER + 1 AS id FROM users');
		await db.runBookkeeping('INSERT INTO users (user_id, name, password_hash, role) VALUES ($1, $2, $3, $4)', [row!.id, clean, hash, role]);
		return { user_id: row!.id, name: clean, role };
	}))!;
}

export async function setPassword(db: Database, name: string, password: string): Promise<void> {
	const user = await findUser(db, name);
	if (!user) throw new AccountError('name', `There is no user called ${name.trim()}.`);
	const problem = passwordProblem(password);
	if (problem) throw new AccountError('password', problem);
	await db.runBookkeeping('UPDATE users SET password_hash = $1 WHERE user_id = $2', [await hashPassword(password), user.user_id]);
	// A new password signs out every session of the account.
	await db.runBookkeeping('DELETE FROM sessions WHERE user_id = $1', [user.user_id]);
}

/** The user when name and password match (a missing user costs the same time as a wrong password). */
export async function checkPassword(db: Database, name: string, password: string): Promise<User | null> {
	const user = await findUser(db, name);
	const ok = await verifyPassword(password, user?.password_hash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
	return user && ok ? { user_id: user.user_id, name: user.name, role: user.role } : null;
}

export async function listUsers(db: Database): Promise<(User & { created_at: string })[]> {
	return db.all(`SELECT user_id, name, role, strftime(created_at, '%Y-%m-%d %H:%M') AS created_at FROM users WHERE disabled_at IS NULL ORDER BY lower(name)`);
}
