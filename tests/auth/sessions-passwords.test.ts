// Expired sessions are deleted, and new passwords may not be blank or among the most common ones
// (issue 13 item 16), refused in Spanish and English on the pages and in `npm run user`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountMessage } from '../../src/lib/account-messages';
import { COMMON_PASSWORDS } from '../../src/lib/server/auth/common-passwords';
import { passwordProblem } from '../../src/lib/server/auth/passwords';
import { createSession, digest, removeExpiredSessions, sessionUser } from '../../src/lib/server/auth/sessions';
import { checkPassword, createUser, listUsers, setPassword } from '../../src/lib/server/auth/users';
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

const sessionCount = async () => (await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM sessions'))!.n;

describe('expired sessions', () => {
	it('are deleted at the next sign-in, and by the sweep; live ones stay', async () => {
		const user = await createUser(db, 'sesiones', 'una clave bastante larga', 'viewer');
		const old = await Promise.all([createSession(db, user.user_id), createSession(db, user.user_id)]);
		await db.run(`UPDATE sessions SET expires_at = TIMESTAMP '2000-01-01 00:00:00'`);
		expect(await sessionCount()).toBe(2);
		const live = await createSession(db, user.user_id); // a sign-in
		expect(await sessionCount()).toBe(1);
		expect(await sessionUser(db, live.token)).toMatchObject({ name: 'sesiones' });
		expect(await sessionUser(db, old[0].token)).toBeNull();

		const later = await createSession(db, user.user_id);
		await db.run(`UPDATE sessions SET expires_at = TIMESTAMP '2000-01-01 00:00:00' WHERE token_hash = $1`, [digest(live.token)]);
		expect(await removeExpiredSessions(db)).toBe(1);
		expect(await removeExpiredSessions(db)).toBe(0);
		expect(await sessionCount()).toBe(1);
		expect(await sessionUser(db, later.token)).toMatchObject({ name: 'sesiones' });
	});
});

describe('new passwords', () => {
	it('refuses blank and common ones (without case), accepts others', () => {
		expect(passwordProblem('          ')?.code).toBe('password_blank');
		expect(passwordProblem('\t \t \t \t \t ')?.code).toBe('password_blank');
		for (const weak of ['contraseña123', 'Contraseña123', '1234567890', 'password123', 'PASSWORD123', 'QwertyUiop', 'administrador', ' password123 '])
			expect(passwordProblem(weak)?.code, weak).toBe('password_common');
		expect(passwordProblem('corta')?.code).toBe('password_short');
		expect(passwordProblem('x'.repeat(201))?.code).toBe('password_long');
		expect(passwordProblem('una clave bastante larga')).toBeNull();
		expect(passwordProblem('  espacios alrededor  ')).toBeNull();
	});

	it('keeps a list of about 200, lower case, each long enough to pass the length rule', () => {
		expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(200);
		for (const p of COMMON_PASSWORDS) {
			expect(p, p).toBe(p.toLowerCase());
			expect(passwordProblem(p)?.code, p).toBe('password_common');
		}
	});

	it('are refused when an account is created or its password changed, changing nothing', async () => {
		await expect(createUser(db, 'debil', 'Contraseña123', 'viewer')).rejects.toMatchObject({ field: 'password', code: 'password_common' });
		await expect(createUser(db, 'debil', '            ', 'viewer')).rejects.toMatchObject({ field: 'password', code: 'password_blank' });
		expect((await listUsers(db)).map((u) => u.name)).not.toContain('debil');
		await createUser(db, 'fuerte', 'una clave bastante larga', 'viewer');
		await expect(setPassword(db, 'fuerte', 'qwertyuiop')).rejects.toMatchObject({ code: 'password_common' });
		expect(await checkPassword(db, 'fuerte', 'una clave bastante larga')).not.toBeNull();
	});

	it('says why in Spanish and English', () => {
		expect(accountMessage('es', { code: 'password_common' })).toBe('Esa contraseña es de las más usadas: elige otra.');
		expect(accountMessage('en', { code: 'password_common' })).toBe('That password is one of the most common ones: choose another.');
		expect(accountMessage('es', { code: 'password_blank' })).toBe('La contraseña no puede ser solo espacios.');
		expect(accountMessage('en', { code: 'password_blank' })).toBe('The password cannot be only spaces.');
	});

	it('npm run user refuses them in English, or in Spanish with CARTERA_LANG=es, creating nobody', async () => {
		const path = folder.path('cli.duckdb');
		const en = await runCli('user', ['add', 'eva', '--role', 'viewer', '--db', path], { CARTERA_LANG: 'en' }, 'password123\n');
		expect(en.code).toBe(1);
		expect(en.stderr.trim()).toBe('That password is one of the most common ones: choose another. Nothing was changed.');
		const es = await runCli('user', ['add', 'eva', '--role', 'viewer', '--db', path], { CARTERA_LANG: 'es' }, '          \n');
		expect(es.code).toBe(1);
		expect(es.stderr.trim()).toBe('La contraseña no puede ser solo espacios. No se cambió nada.');
		const list = await runCli('user', ['list', '--db', path]);
		expect(list.stdout.trim()).toBe('');
		// Still working: a good password is taken.
		expect((await runCli('user', ['add', 'eva', '--role', 'viewer', '--db', path], { CARTERA_LANG: 'en' }, 'una clave bastante larga\n')).stdout).toContain('User eva created');
	}, 60_000);
});
