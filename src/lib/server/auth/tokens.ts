// API tokens for scripts: created by an admin with a role, shown once, sent as
// `Authorization: Bearer crt_…`; the database keeps only their SHA-256. Revoking is immediate.
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database';
import { isRole, type Role } from './roles';
import { digest } from './sessions';
import { AccountError } from './users';

export interface ApiToken {
	token_id: number;
	label: string;
	role: Role;
	created_by: string | null;
	created_at: string;
	revoked_at: string | null;
	last_used_at: string | null;
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

/** The token's name and role, or null when unknown or revoked. */
export async function tokenUser(db: Database, token: string): Promise<{ name: string; role: Role } | null> {
	if (!token.startsWith('crt_') || token.length > 100) return null;
	const row = await db.one<{ token_id: number; label: string; role: Role }>(
		'SELECT token_id, label, role FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
		[digest(token)]
	);
	if (!row) return null;
	await db.runBookkeeping('UPDATE api_tokens SET last_used_at = current_timestamp WHERE token_id = $1', [row.token_id]);
	return { name: `token:${row.label}`, role: row.role };
}

export async function listTokens(db: Database): Promise<ApiToken[]> {
	return db.all(`SELECT token_id, label, role, created_by, strftime(created_at, '%Y-%m-%d %H:%M') AS created_at,
		strftime(revoked_at, '%Y-%m-%d %H:%M') AS revoked_at, strftime(last_used_at, '%Y-%m-%d %H:%M') AS last_used_at
		FROM api_tokens ORDER BY token_id DESC`);
}

export async function revokeToken(db: Database, tokenId: number): Promise<boolean> {
	const row = await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM api_tokens WHERE token_id = $1 AND revoked_at IS NULL', [tokenId]);
	if (!row?.n) return false;
	await db.runBookkeeping('UPDATE api_tokens SET revoked_at = current_timestamp WHERE token_id = $1', [tokenId]);
	return true;
}
