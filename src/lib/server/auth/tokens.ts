// API tokens for scripts: created by an admin with a role, shown once, sent as
// `Authorization: Bearer crt_…`; the database keeps only their SHA-256. Revoking is immediate.
//
// A token acts for its creator, so it is worth no more than the creator is now: on every use the
// creator must still be active and still hold at least the token's role, or the token is refused
// (and disabling an account revokes its tokens outright, users.ts). `created_by` holds:
//   an account name        the admin who created it in /usuarios;
//   `token:<id>`           another token that created it (a script calling /usuarios): valid
//                          only while that token is valid, all the way up the chain;
//   null                   created outside the app, from code or the command line, i.e. by whoever
//                          owns the server and its database file: valid until revoked.
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database';
import { allows, isRole, type Role } from './roles';
import { digest } from './sessions';
import { AccountError } from './users';

/**
 * Whether a token works: `active`, or why not: revoked; its creator disabled (or unknown);
 * its creator's role now below the token's; made by a token that no longer works.
 */
export type TokenState = 'active' | 'revoked' | 'creator_disabled' | 'creator_role' | 'creator_revoked';

export interface ApiToken {
	token_id: number;
	label: string;
	role: Role;
	created_by: string | null;
	/** The label of the token that created it, when `created_by` is `token:<id>`. */
	created_by_token: string | null;
	created_at: string;
	revoked_at: string | null;
	last_used_at: string | null;
	state: TokenState;
}

const BY_TOKEN = /^token:(\d+)$/;
/** How far up a chain of tokens creating tokens is followed; deeper counts as not working. */
const MAX_CHAIN = 10;

/** The `created_by` of a token made by the token `tokenId`. */
export const byToken = (tokenId: number) => `token:${tokenId}`;

/** Whether a creator still vouches for a token of `role`: 'active', or why not. */
async function creatorState(db: Database, createdBy: string | null, role: Role, depth = 0): Promise<Exclude<TokenState, 'revoked'>> {
	if (createdBy === null) return 'active';
	const parentId = BY_TOKEN.exec(createdBy)?.[1];
	if (parentId !== undefined) {
		if (depth >= MAX_CHAIN) return 'creator_revoked';
		const parent = await db.one<{ role: Role; created_by: string | null; revoked: boolean }>(
			'SELECT role, created_by, revoked_at IS NOT NULL AS revoked FROM api_tokens WHERE token_id = $1',
			[Number(parentId)]
		);
		if (!parent || parent.revoked) return 'creator_revoked';
		if (!allows(parent.role, role)) return 'creator_role';
		return (await creatorState(db, parent.created_by, parent.role, depth + 1)) === 'active' ? 'active' : 'creator_revoked';
	}
	const user = await db.one<{ role: Role; disabled: boolean }>(
		'SELECT role, disabled_at IS NOT NULL AS disabled FROM users WHERE lower(name) = lower($1)',
		[createdBy]
	);
	// Accounts are never deleted, so an unknown name is a row nobody vouches for: refused.
	if (!user || user.disabled) return 'creator_disabled';
	return allows(user.role, role) ? 'active' : 'creator_role';
}

export async function createToken(db: Database, label: string, role: string, createdBy: string | null): Promise<{ token: string; token_id: number }> {
	const clean = label.trim();
	if (clean.length < 2 || clean.length > 80) throw new AccountError('name', 'The token needs a label of 2 to 80 characters.', 'token_label');
	if (!isRole(role)) throw new AccountError('role', 'The role must be viewer, analyst or admin.', 'role');
	const token = `crt_${randomBytes(32).toString('base64url')}`;
	const id = await db.transaction(async () => {
		const row = await db.one<{ id: number }>('SELECT coalesce(max(token_id), 0)::INTEGER + 1 AS id FROM api_tokens');
		await db.runBookkeeping('INSERT INTO api_tokens (token_id, label, token_hash, role, created_by) VALUES ($1, $2, $3, $4, $5)', [row!.id, clean, digest(token), role, createdBy]);
		return row!.id;
	});
	return { token, token_id: id };
}

async function activeToken(db: Database, token: string) {
	if (!token.startsWith('crt_') || token.length > 100) return null;
	const row = await db.one<{ token_id: number; label: string; role: Role; created_by: string | null }>(
		'SELECT token_id, label, role, created_by FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
		[digest(token)]
	);
	if (!row || (await creatorState(db, row.created_by, row.role)) !== 'active') return null;
	return row;
}

/** The token's name and role, or null when unknown, revoked, or its creator no longer vouches for it. */
export async function tokenUser(db: Database, token: string): Promise<{ name: string; role: Role } | null> {
	const row = await activeToken(db, token);
	if (!row) return null;
	await db.runBookkeeping('UPDATE api_tokens SET last_used_at = current_timestamp WHERE token_id = $1', [row.token_id]);
	return { name: `token:${row.label}`, role: row.role };
}

/**
 * Who a token created by this caller is recorded as made by: the token itself when the caller
 * authenticated with one (so the new token lives only as long as it does), else the account.
 */
export async function creatorFor(db: Database, caller: { name: string } | null | undefined, authorization: string | null): Promise<string | null> {
	const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
	if (bearer) {
		const row = await activeToken(db, bearer);
		if (row) return byToken(row.token_id);
	}
	return caller?.name ?? null;
}

export async function listTokens(db: Database): Promise<ApiToken[]> {
	const rows = await db.all<Omit<ApiToken, 'state' | 'created_by_token'>>(`SELECT token_id, label, role, created_by,
		strftime(created_at, '%Y-%m-%d %H:%M') AS created_at, strftime(revoked_at, '%Y-%m-%d %H:%M') AS revoked_at,
		strftime(last_used_at, '%Y-%m-%d %H:%M') AS last_used_at FROM api_tokens ORDER BY token_id DESC`);
	const labels = new Map(rows.map((r) => [byToken(r.token_id), r.label]));
	const listed: ApiToken[] = [];
	for (const row of rows) {
		const state = row.revoked_at ? 'revoked' : await creatorState(db, row.created_by, row.role);
		listed.push({ ...row, created_by_token: row.created_by ? (labels.get(row.created_by) ?? null) : null, state });
	}
	return listed;
}

export async function revokeToken(db: Database, tokenId: number): Promise<boolean> {
	const row = await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM api_tokens WHERE token_id = $1 AND revoked_at IS NULL', [tokenId]);
	if (!row?.n) return false;
	await db.runBookkeeping('UPDATE api_tokens SET revoked_at = current_timestamp WHERE token_id = $1', [tokenId]);
	return true;
}
