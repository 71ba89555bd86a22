// Accounts (issue 7): scrypt hashes, users with roles, sessions that expire and end, API tokens
// that can be revoked and `npm run user` (throttling: throttle.test.ts; the role each route needs: roles.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/lib/server/auth/passwords';
import { createSession, endSession, sessionUser } from '../../src/lib/server/auth/sessions';
import { createToken, listTokens, revokeToken, tokenUser } from '../../src/lib/server/auth/tokens';
import { AccountError, checkPassword, createUser, deleteUser, disableUser, enableUser, hasUsers, listUsers, setPassword, setRole } from '../../src/lib/server/auth/users';
import { accountMessage } from '../../src/lib/account-messages';
import { Database } from '../../src/lib/server/db/database';
import { runCli } from '../helpers/run-cli';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;
beforeAll(async () => {
	db = await openTempDatabase(folder);
});
afterAll(() => {
	db.close();
	folder.remove();
});

describe('passwords', () => {
	it('are stored as salted scrypt hashes and checked against them', async () => {
		const hash = await hashPassword('correct horse battery');
		expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
		expect(hash).not.toContain('horse');
		expect(await hashPassword('correct horse battery')).not.toBe(hash); // salted
		expect(await verifyPassword('correct horse battery', hash)).toBe(true);
		expect(await verifyPassword('Correct horse battery', hash)).toBe(false);
	});
});

describe('users, sessions and tokens', () => {
	it('creates accounts with a role, refusing short passwords, bad names and duplicates', async () => {
		expect(await hasUsers(db)).toBe(false);
		await createUser(db, 'Gerencia', 'una clave larga', 'admin');
		await createUser(db, 'ana.analista', 'otra clave larga', 'analyst');
		expect(await hasUsers(db)).toBe(true);
		await expect(createUser(db, 'gerencia', 'una clave larga', 'viewer')).rejects.toMatchObject({ field: 'name' });
		await expect(createUser(db, 'corto', 'corta', 'viewer')).rejects.toMatchObject({ field: 'password' });
		await expect(createUser(db, 'x', 'una clave larga', 'viewer')).rejects.toBeInstanceOf(AccountError);
		expect((await listUsers(db)).map((u) => [u.name, u.role])).toEqual([
			['ana.analista', 'analyst'],
			['Gerencia', 'admin']
		]);
	});

	it('checks a password without caring about the name’s case', async () => {
		expect(await checkPassword(db, 'GERENCIA', 'una clave larga')).toMatchObject({ name: 'Gerencia', role: 'admin' });
		expect(await checkPassword(db, 'gerencia', 'otra clave')).toBeNull();
		expect(await checkPassword(db, 'nadie', 'una clave larga')).toBeNull();
	});

	it('a session finds its user until it ends, expires, or the password changes', async () => {
		const user = (await checkPassword(db, 'ana.analista', 'otra clave larga'))!;
		const { token } = await createSession(db, user.user_id);
		expect(await sessionUser(db, token)).toMatchObject({ name: 'ana.analista', role: 'analyst' });
		expect(await sessionUser(db, `${token}x`)).toBeNull();
		await endSession(db, token);
		expect(await sessionUser(db, token)).toBeNull();

		const second = await createSession(db, user.user_id);
		await setPassword(db, 'ana.analista', 'clave nueva larga');
		expect(await sessionUser(db, second.token)).toBeNull();

		const third = await createSession(db, user.user_id);
		await db.run(`UPDATE sessions SET expires_at = TIMESTAMP '2000-01-01 00:00:00'`);
		expect(await sessionUser(db, third.token)).toBeNull();
	});

	it('changes roles and disables accounts, always keeping one active admin', async () => {
		await createUser(db, 'beto', 'clave de beto 1', 'viewer');
		const { user_id } = (await checkPassword(db, 'beto', 'clave de beto 1'))!;
		const { token } = await createSession(db, user_id);
		expect(await setRole(db, 'BETO', 'analyst')).toMatchObject({ name: 'beto', role: 'analyst' });
		expect(await sessionUser(db, token)).toMatchObject({ role: 'analyst' }); // the session follows the new role

		// Gerencia is the only admin: it keeps the role and cannot be disabled, and nobody disables themselves.
		await expect(setRole(db, 'Gerencia', 'viewer')).rejects.toMatchObject({ code: 'last_admin', subject: 'Gerencia', field: 'role' });
		await expect(disableUser(db, 'Gerencia')).rejects.toMatchObject({ code: 'last_admin' });
		await expect(disableUser(db, 'beto', 'Beto')).rejects.toMatchObject({ code: 'own_account' });
		await expect(setRole(db, 'beto', 'jefe')).rejects.toMatchObject({ code: 'role' });
		await expect(disableUser(db, 'nadie')).rejects.toMatchObject({ code: 'no_user', subject: 'nadie' });

		// Disabled: no sign-in, sessions ended, listed with the time; its name stays taken.
		await disableUser(db, 'beto', 'Gerencia');
		expect(await sessionUser(db, token)).toBeNull();
		expect(await checkPassword(db, 'beto', 'clave de beto 1')).toBeNull();
		expect((await listUsers(db)).find((u) => u.name === 'beto')).toMatchObject({ role: 'analyst', disabled_at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/) });
		await expect(createUser(db, 'Beto', 'clave de beto 2', 'viewer')).rejects.toMatchObject({ code: 'name_taken' });
		await disableUser(db, 'beto'); // already disabled: nothing to do

		// Enabled again with the same role and password; with a second admin, the first may step down.
		await enableUser(db, 'beto');
		expect(await checkPassword(db, 'beto', 'clave de beto 1')).toMatchObject({ role: 'analyst' });
		await setRole(db, 'beto', 'admin');
		await setRole(db, 'Gerencia', 'viewer');
		await setRole(db, 'Gerencia', 'admin');
		await setRole(db, 'beto', 'viewer');
		expect((await listUsers(db)).map((u) => [u.name, u.role, u.disabled_at])).toEqual([
			['ana.analista', 'analyst', null],
			['beto', 'viewer', null],
			['Gerencia', 'admin', null]
		]);
	});

	it('says each refusal in Spanish and English', () => {
		expect(accountMessage('es', { code: 'last_admin', subject: 'Gerencia' })).toBe(
			'Gerencia es la única cuenta de administración activa: primero da ese rol a otra cuenta.'
		);
		expect(accountMessage('en', { code: 'password_short' })).toBe('The password must have at least 10 characters.');
		expect(accountMessage('es', { code: 'unknown', message: 'as the server said' })).toBe('as the server said');
	});

	it('an API token carries its role until revoked; only its digest is stored', async () => {
		const { token, token_id } = await createToken(db, 'informe nocturno', 'viewer', 'Gerencia');
		expect(token).toMatch(/^crt_/);
		expect(JSON.stringify(await db.all('SELECT * FROM api_tokens'))).not.toContain(token.slice(4));
		expect(await tokenUser(db, token)).toEqual({ name: 'token:informe nocturno', role: 'viewer' });
		expect((await listTokens(db))[0]!.last_used_at).not.toBeNull();
		expect(await revokeToken(db, token_id)).toBe(true);
		expect(await tokenUser(db, token)).toBeNull();
		expect(await revokeToken(db, token_id)).toBe(false);
	});

	it('deletes an account made for one run, with its sessions, but never the only active admin', async () => {
		const run = await createUser(db, 'informe-pdf-run', 'una clave de un uso', 'viewer');
		const { token } = await createSession(db, run.user_id);
		expect(await sessionUser(db, token)).toMatchObject({ name: 'informe-pdf-run' });
		await deleteUser(db, 'Informe-PDF-run');
		expect(await sessionUser(db, token)).toBeNull();
		expect(await db.all('SELECT 1 FROM sessions WHERE user_id = $1', [run.user_id])).toEqual([]);
		expect((await listUsers(db)).map((u) => u.name)).not.toContain('informe-pdf-run');
		await expect(deleteUser(db, 'informe-pdf-run')).rejects.toMatchObject({ code: 'no_user' });
		await expect(deleteUser(db, 'Gerencia')).rejects.toMatchObject({ code: 'last_admin' });
		expect((await listUsers(db)).map((u) => u.name)).toContain('Gerencia');
	});
});

// Sign-in throttling: throttle.test.ts.

describe('npm run user', () => {
	it('adds a user with the password piped in, changes it, lists, and refuses bad input changing nothing', async () => {
		const path = folder.path('cli.duckdb');
		const add = await runCli('user', ['add', 'luis', '--role', 'viewer', '--db', path], {}, 'clave de luis 1\n');
		expect(add.stderr).toBe('');
		expect(add.stdout).toContain('User luis created with the role viewer.');
		const short = await runCli('user', ['add', 'eva', '--role', 'viewer', '--db', path], {}, 'corta\n');
		expect(short.code).toBe(1);
		expect(short.stderr).toContain('at least 10 characters');
		const role = await runCli('user', ['add', 'eva', '--role', 'jefa', '--db', path], {}, 'clave de eva 12\n');
		expect(role.stderr).toContain('--role must be viewer, analyst or admin');
		const passwd = await runCli('user', ['passwd', 'luis', '--db', path], {}, 'otra clave de luis\n');
		expect(passwd.stdout).toContain('Password of luis changed');
		const list = await runCli('user', ['list', '--db', path]);
		expect(list.stdout.trim().split('\n').map((l) => l.split('\t').slice(0, 2))).toEqual([['luis', 'viewer']]);
		// luis becomes admin; as the only one, he cannot be disabled until there is another.
		expect((await runCli('user', ['role', 'luis', '--role', 'admin', '--db', path])).stdout).toContain('luis now has the role admin.');
		const lastAdmin = await runCli('user', ['disable', 'luis', '--db', path]);
		expect(lastAdmin.code).toBe(1);
		expect(lastAdmin.stderr).toContain('luis is the only active admin: make another account admin first. Nothing was changed.');
		await runCli('user', ['add', 'eva', '--role', 'admin', '--db', path], {}, 'clave de eva 12\n');
		expect((await runCli('user', ['disable', 'luis', '--db', path])).stdout).toContain('luis can no longer sign in');
		const after = (await runCli('user', ['list', '--db', path])).stdout.trim().split('\n').map((l) => l.split('\t'));
		expect(after.map((r) => [r[0], r[1], r[3]?.replace(/\d/g, '9')])).toEqual([['eva', 'admin', undefined], ['luis', 'admin', 'disabled 9999-99-99 99:99']]);
		expect((await runCli('user', ['enable', 'luis', '--db', path])).stdout).toContain('luis can sign in again.');
		const check = await Database.open(path);
		try {
			expect(await checkPassword(check, 'luis', 'otra clave de luis')).not.toBeNull();
		} finally {
			check.close();
		}
	});
});
