// npm run user -- add NAME --role viewer|analyst|admin   create an account
//                 passwd NAME                            set a new password (signs its sessions out)
//                 role NAME --role viewer|analyst|admin  give an account another role
//                 disable NAME | enable NAME             stop an account signing in (its sessions end), or let it again
//                 list                                   the accounts, their roles and state
// [--db PATH]. The password is asked twice on a terminal (not shown), or read as the first line
// of standard input when it is piped (scripts: `printf '%s\n' "$PW" | npm run user -- add ana --role analyst`).
// Refusals (a short, blank or common password, the last admin…) are said in Spanish with
// CARTERA_LANG=es or a Spanish locale, as npm run ingest does.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { accountMessage } from '../lib/account-messages';
import { AccountError, createUser, disableUser, enableUser, listUsers, setPassword, setRole } from '../lib/server/auth/users';
import { isRole } from '../lib/server/auth/roles';
import { getDatabase } from '../lib/server/db/database';
import { defaultDatabasePath } from '../lib/server/db/db-path';
import { cliLang } from './ingest-options';
import { runCli, UsageError } from './run';

const USAGE = `Usage: npm run user -- add NAME --role viewer|analyst|admin | passwd NAME | role NAME --role viewer|analyst|admin | disable NAME | enable NAME | list  [--db PATH]`;

/** One line from a terminal without echo, or from piped standard input. */
async function readSecret(prompt: string): Promise<string> {
	const input = process.stdin;
	if (!input.isTTY) {
		const lines = createInterface({ input });
		for await (const line of lines) {
			lines.close();
			return line;
		}
		return '';
	}
	process.stdout.write(prompt);
	input.setRawMode(true);
	input.resume();
	return new Promise((resolve) => {
		let text = '';
		const onData = (chunk: Buffer) => {
			for (const ch of chunk.toString('utf8')) {
				if (ch === '\r' || ch === '\n') {
					input.setRawMode(false);
					input.pause();
					input.off('data', onData);
					process.stdout.write('\n');
					return resolve(text);
				}
				if (ch === '\u0003') process.exit(130);
				text = ch === '\u007f' ? text.slice(0, -1) : text + ch;
			}
		};
		input.on('data', onData);
	});
}

async function newPassword(): Promise<string> {
	const first = await readSecret('Password: ');
	if (process.stdin.isTTY && (await readSecret('Repeat it: ')) !== first) throw new UsageError('The two passwords differ; nothing was changed.');
	return first;
}

await runCli(async () => {
	const { values, positionals } = parseArgs({
		options: { role: { type: 'string' }, db: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
		allowPositionals: true
	});
	if (values.help) return void console.log(USAGE);
	const [command, name, ...extra] = positionals;
	if (extra.length || !command) throw new UsageError(USAGE);
	const db = await getDatabase(values.db ?? defaultDatabasePath());
	try {
		if (command === 'list') {
			for (const u of await listUsers(db)) console.log(`${u.name}\t${u.role}\t${u.created_at}${u.disabled_at ? `\tdisabled ${u.disabled_at}` : ''}`);
			return;
		}
		if (!name) throw new UsageError(USAGE);
		if (command === 'add') {
			if (!isRole(values.role)) throw new UsageError(`--role must be viewer, analyst or admin.\n${USAGE}`);
			const user = await createUser(db, name, await newPassword(), values.role);
			console.log(`User ${user.name} created with the role ${user.role}.`);
		} else if (command === 'passwd') {
			await setPassword(db, name, await newPassword());
			console.log(`Password of ${name.trim()} changed; its sessions were signed out.`);
		} else if (command === 'role') {
			if (!isRole(values.role)) throw new UsageError(`--role must be viewer, analyst or admin.\n${USAGE}`);
			const user = await setRole(db, name, values.role);
			console.log(`${user.name} now has the role ${user.role}.`);
		} else if (command === 'disable') {
			await disableUser(db, name);
			console.log(`${name.trim()} can no longer sign in; its sessions were signed out.`);
		} else if (command === 'enable') {
			await enableUser(db, name);
			console.log(`${name.trim()} can sign in again.`);
		} else throw new UsageError(USAGE);
	} catch (error) {
		if (error instanceof AccountError) {
			const lang = cliLang();
			throw new UsageError(`${accountMessage(lang, error)} ${lang === 'es' ? 'No se cambió nada.' : 'Nothing was changed.'}`);
		}
		throw error;
	} finally {
		db.close();
	}
});
