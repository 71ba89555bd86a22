// Local accounts: names compared without case, passwords as scrypt hashes, one role each.
// Accounts are disabled, never deleted (uploads and setting changes keep naming who made them);
// there is always at least one active admin, so nobody can lock the installation.
import type { Database } from '../db/database';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';
import { isRole, type Role } from './roles';

/** What went wrong, for the pages to say in their language (src/lib/account-messages.ts). */
export type AccountErrorCode =
	| 'name_format'
	| 'name_taken'
	| 'no_user'
	| 'role'
	| 'password_short'
	| 'password_long'
	| 'password_blank'
	| 'password_common'
	| 'last_admin'
	| 'own_account'
	| 'token_label';

export class AccountError extends Error {
	constructor(
		readonly field: 'name' | 'password' | 'role',
		message: string,
		readonly code: AccountErrorCode,
		/** The account named, where the message names one. */
		readonly subject: string | null = null
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

function checkNewPassword(password: string): void {
	const problem = passwordProblem(password);
	if (problem) throw new AccountError('password', problem.message, problem.code);
}

/** Databases known to have an active account: asked on every request; the last admin cannot be disabled. */
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

/** The account by name, disabled ones included; refuses an unknown name. */
async function existingUser(db: Database, name: string): Promise<User & { disabled: boolean }> {
	const user = await db.one<User & { disabled: boolean }>(
		`SELECT user_id, name, role, disabled_at IS NOT NULL AS disabled FROM users WHERE lower(name) = lower($1)`,
		[name.trim()]
	);
	if (!user) throw new AccountError('name', `There is no user called ${name.trim()}.`, 'no_user', name.trim());
	return user;
}

/** `role` is checked here: callers may pass what a form or the command line gave. */
export async function createUser(db: Database, name: string, password: string, role: string): Promise<User> {
	const clean = name.trim();
	if (!NAME.test(clean)) throw new AccountError('name', 'The name must be 2 to 60 letters, digits or . _ @ -.', 'name_format');
	if (!isRole(role)) throw new AccountError('role', 'The role must be viewer, analyst or admin.', 'role');
	checkNewPassword(password);
	// Disabled accounts keep their names: one may be enabled again.
	if (await db.one(`SELECT 1 FROM users WHERE lower(name) = lower($1)`, [clean]))
		throw new AccountError('name', `There is already a user called ${clean}.`, 'name_taken', clean);
	const hash = await hashPassword(password);
	return (await db.transaction(async () => {
		const row = await db.one<{ id: number }>('SELECT coalesce(max(user_id), 0)::INTEGER + 1 AS id FROM users');
		await db.runBookkeeping('INSERT INTO users (user_id, name, password_hash, role) VALUES ($1, $2, $3, $4)', [row!.id, clean, hash, role]);
		return { user_id: row!.id, name: clean, role };
	}))!;
}

export async function setPassword(db: Database, name: string, password: string): Promise<void> {
	const user = await findUser(db, name);
	if (!user) throw new AccountError('name', `There is no user called ${name.trim()}.`, 'no_user', name.trim());
	checkNewPassword(password);
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

/** Every account, disabled ones included (with the time they were disabled). */
export async function listUsers(db: Database): Promise<(User & { created_at: string; disabled_at: string | null })[]> {
	return db.all(`SELECT user_id, name, role, strftime(created_at, '%Y-%m-%d %H:%M') AS created_at,
		strftime(disabled_at, '%Y-%m-%d %H:%M') AS disabled_at FROM users ORDER BY lower(name)`);
}

/** Account changes one at a time: "another admin remains" must still hold when the change is written. */
let changing: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(change: () => Promise<T>): Promise<T> {
	const next = changing.then(change);
	changing = next.catch(() => undefined);
	return next;
}

/** Refuses a change that would leave no active admin. */
async function keepAnAdmin(db: Database, user: User): Promise<void> {
	const row = await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL AND user_id <> $1`, [user.user_id]);
	if ((row?.n ?? 0) === 0) throw new AccountError('role', `${user.name} is the only active admin: make another account admin first.`, 'last_admin', user.name);
}

/** Gives an account another role; an admin stays admin while it is the only active one. */
export function setRole(db: Database, name: string, role: string): Promise<User> {
	return oneAtATime(async () => {
		if (!isRole(role)) throw new AccountError('role', 'The role must be viewer, analyst or admin.', 'role');
		const user = await existingUser(db, name);
		if (user.role === 'admin' && role !== 'admin' && !user.disabled) await keepAnAdmin(db, user);
		await db.runBookkeeping('UPDATE users SET role = $1 WHERE user_id = $2', [role, user.user_id]);
		return { user_id: user.user_id, name: user.name, role };
	});
}

/**
 * Disables an account: it can no longer sign in, its sessions end at once and the API tokens it
 * created are revoked (enabling it again does not bring them back; tokens those tokens created
 * stop working with them, tokens.ts). Not one's own account (`by`), nor the only active admin.
 */
export function disableUser(db: Database, name: string, by?: string): Promise<void> {
	return oneAtATime(async () => {
		const user = await existingUser(db, name);
		if (user.disabled) return;
		if (by !== undefined && user.name.toLowerCase() === by.toLowerCase())
			throw new AccountError('name', 'You cannot disable your own account.', 'own_account', user.name);
		if (user.role === 'admin') await keepAnAdmin(db, user);
		await db.runBookkeeping('UPDATE users SET disabled_at = current_timestamp WHERE user_id = $1', [user.user_id]);
		await db.runBookkeeping('DELETE FROM sessions WHERE user_id = $1', [user.user_id]);
		await db.runBookkeeping('UPDATE api_tokens SET revoked_at = current_timestamp WHERE lower(created_by) = lower($1) AND revoked_at IS NULL', [user.name]);
	});
}

/**
 * Removes an account made for one run and nothing else (npm run report's viewer on an installation
 * without accounts), with its sessions. A person's account is disabled instead (see above).
 */
export function deleteUser(db: Database, name: string): Promise<void> {
	return oneAtATime(async () => {
		const user = await existingUser(db, name);
		if (user.role === 'admin' && !user.disabled) await keepAnAdmin(db, user);
		await db.runBookkeeping('DELETE FROM sessions WHERE user_id = $1', [user.user_id]);
		await db.runBookkeeping('DELETE FROM users WHERE user_id = $1', [user.user_id]);
		// hasUsers() may have seen it: ask the table again next time.
		withUsers.delete(db);
	});
}

/** Lets a disabled account sign in again, with its role and password as they were. */
export function enableUser(db: Database, name: string): Promise<void> {
	return oneAtATime(async () => {
		const user = await existingUser(db, name);
		await db.runBookkeeping('UPDATE users SET disabled_at = NULL WHERE user_id = $1', [user.user_id]);
	});
}
