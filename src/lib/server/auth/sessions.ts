// Sessions: a random 256-bit secret in an httpOnly, SameSite=strict cookie; the database keeps
// only its SHA-256, with an expiry (8 hours of a working day by default, CARTERA_SESSION_HOURS).
// Expired rows are deleted at every sign-in and, at most once an hour, when a session is checked
// (the first check after a start sweeps), so the table holds only live sessions.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database';
import type { User } from './users';

export const SESSION_COOKIE = 'cartera_session';

export function sessionHours(): number {
	const hours = Number(process.env.CARTERA_SESSION_HOURS ?? 8);
	return Number.isFinite(hours) && hours > 0 ? hours : 8;
}

/** A moment as the UTC TIMESTAMP text the sessions table holds. */
const utc = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 19);

export const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');

const SWEEP_EVERY_MS = 3_600_000;
const lastSweep = new WeakMap<Database, number>();

/** Deletes the sessions expired by `now`; returns how many there were. */
export async function removeExpiredSessions(db: Database, now = new Date()): Promise<number> {
	lastSweep.set(db, now.getTime());
	const row = await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM sessions WHERE expires_at <= $1::TIMESTAMP', [utc(now)]);
	if (row?.n) await db.runBookkeeping('DELETE FROM sessions WHERE expires_at <= $1::TIMESTAMP', [utc(now)]);
	return row?.n ?? 0;
}

export async function createSession(db: Database, userId: number): Promise<{ token: string; expires: Date }> {
	await removeExpiredSessions(db);
	const token = randomBytes(32).toString('base64url');
	const expires = new Date(Date.now() + sessionHours() * 3_600_000);
	await db.runBookkeeping('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3::TIMESTAMP)', [digest(token), userId, utc(expires)]);
	return { token, expires };
}

/** The session's user, or null when the token is unknown, expired, or its user disabled. */
export async function sessionUser(db: Database, token: string | undefined): Promise<User | null> {
	if (!token || token.length > 100) return null;
	if (Date.now() - (lastSweep.get(db) ?? 0) >= SWEEP_EVERY_MS) await removeExpiredSessions(db);
	const row = await db.one<User>(
		`SELECT u.user_id, u.name, u.role FROM sessions s JOIN users u USING (user_id)
		WHERE s.token_hash = $1 AND s.expires_at > $2::TIMESTAMP AND u.disabled_at IS NULL`,
		[digest(token), utc(new Date())]
	);
	return row ?? null;
}

export async function endSession(db: Database, token: string | undefined): Promise<void> {
	if (token) await db.runBookkeeping('DELETE FROM sessions WHERE token_hash = $1', [digest(token)]);
}
