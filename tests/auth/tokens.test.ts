// API tokens do not outlive their creator (issue 13 item 6): a token is refused once its creator
// is disabled or no longer holds the token's role; disabling an account revokes its tokens; a
// token made by a token lives as long as that one; a token with no creator (made outside the
// app, by whoever owns the server) stays valid until revoked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, creatorFor, listTokens, revokeToken, tokenUser } from '../../src/lib/server/auth/tokens';
import { createUser, disableUser, enableUser, setRole } from '../../src/lib/server/auth/users';
import { Database } from '../../src/lib/server/db/database';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;
beforeAll(async () => {
	db = await openTempDatabase(folder);
	await createUser(db, 'ana', 'clave de ana larga', 'admin');
	await createUser(db, 'beto', 'clave de beto larga', 'admin');
	await createUser(db, 'carla', 'clave de carla larga', 'admin');
});
afterAll(() => {
	db.close();
	folder.remove();
});

const stateOf = async (label: string) => (await listTokens(db)).find((t) => t.label === label)?.state;

describe('API tokens and their creator', () => {
	it('disabling the creator revokes its tokens, for good', async () => {
		const { token } = await createToken(db, 'de ana', 'admin', 'ana');
		expect(await tokenUser(db, token)).toEqual({ name: 'token:de ana', role: 'admin' });
		await disableUser(db, 'ana', 'beto');
		expect(await tokenUser(db, token)).toBeNull();
		expect(await stateOf('de ana')).toBe('revoked');
		await enableUser(db, 'ana');
		expect(await tokenUser(db, token)).toBeNull(); // enabling the account does not bring them back
	});

	it('every use checks the creator is active and still holds the token’s role', async () => {
		const admin = await createToken(db, 'admin de carla', 'admin', 'carla');
		const viewer = await createToken(db, 'lectura de carla', 'viewer', 'Carla'); // names without case
		await setRole(db, 'carla', 'analyst');
		expect(await tokenUser(db, admin.token)).toBeNull();
		expect(await stateOf('admin de carla')).toBe('creator_role');
		expect(await tokenUser(db, viewer.token)).toMatchObject({ role: 'viewer' });
		await setRole(db, 'carla', 'admin');
		expect(await tokenUser(db, admin.token)).toMatchObject({ role: 'admin' }); // not revoked: valid again

		// Disabled some other way than disableUser (e.g. a database from before tokens were revoked).
		await db.run(`UPDATE users SET disabled_at = current_timestamp WHERE name = 'carla'`);
		expect(await tokenUser(db, viewer.token)).toBeNull();
		expect(await stateOf('lectura de carla')).toBe('creator_disabled');
		await db.run(`UPDATE users SET disabled_at = NULL WHERE name = 'carla'`);

		const ghost = await createToken(db, 'de nadie conocido', 'viewer', 'fantasma');
		expect(await tokenUser(db, ghost.token)).toBeNull(); // a creator nobody knows vouches for nothing
	});

	it('a token made by a token lives only as long as that token', async () => {
		const parent = await createToken(db, 'script padre', 'admin', 'beto');
		const by = await creatorFor(db, { name: 'token:script padre' }, `Bearer ${parent.token}`);
		expect(by).toBe(`token:${parent.token_id}`);
		expect(await creatorFor(db, { name: 'beto' }, null)).toBe('beto'); // a signed-in admin
		const child = await createToken(db, 'script hijo', 'viewer', by);
		expect(await tokenUser(db, child.token)).toMatchObject({ role: 'viewer' });
		expect((await listTokens(db)).find((t) => t.label === 'script hijo')).toMatchObject({ created_by_token: 'script padre', state: 'active' });
		await revokeToken(db, parent.token_id);
		expect(await tokenUser(db, child.token)).toBeNull();
		expect(await stateOf('script hijo')).toBe('creator_revoked');
	});

	it('a token made outside the app (no creator) stays valid until revoked', async () => {
		const cli = await createToken(db, 'servidor', 'admin', null);
		expect(await tokenUser(db, cli.token)).toMatchObject({ role: 'admin' });
		expect((await listTokens(db)).find((t) => t.label === 'servidor')).toMatchObject({ created_by: null, state: 'active' });
		await revokeToken(db, cli.token_id);
		expect(await tokenUser(db, cli.token)).toBeNull();
	});
});
