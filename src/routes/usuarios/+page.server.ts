// Usuarios (admins only, see roles.ts): accounts and API tokens. Refusals carry the AccountError's
// code, which the page says in its language (src/lib/account-messages.ts).
import { fail } from '@sveltejs/kit';
import { createToken, creatorFor, listTokens, revokeToken } from '$lib/server/auth/tokens';
import { AccountError, createUser, disableUser, enableUser, listUsers, setPassword, setRole } from '$lib/server/auth/users';
import { getDatabase } from '$lib/server/db/database';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const db = await getDatabase();
	return { users: await listUsers(db), tokens: await listTokens(db), me: locals.user?.name ?? null };
};

/** Runs an account change; an AccountError becomes a 400 naming the form, field and code. */
async function attempt<T extends object>(form: string, change: () => Promise<T>) {
	try {
		return { form, ...(await change()) };
	} catch (error) {
		if (error instanceof AccountError)
			return fail(400, { form, field: error.field, code: error.code, subject: error.subject, message: error.message });
		throw error;
	}
}

const text = (data: FormData, key: string) => String(data.get(key) ?? '');

export const actions: Actions = {
	user: async ({ request }) => {
		const data = await request.formData();
		return attempt('user', async () => ({ added: (await createUser(await getDatabase(), text(data, 'name'), text(data, 'password'), text(data, 'role'))).name }));
	},
	role: async ({ request }) => {
		const data = await request.formData();
		return attempt('account', async () => {
			const user = await setRole(await getDatabase(), text(data, 'name'), text(data, 'role'));
			return { done: 'role', subject: user.name, role: user.role };
		});
	},
	password: async ({ request }) => {
		const data = await request.formData();
		return attempt('account', async () => {
			await setPassword(await getDatabase(), text(data, 'name'), text(data, 'password'));
			return { done: 'password', subject: text(data, 'name').trim() };
		});
	},
	disable: async ({ request, locals }) => {
		const data = await request.formData();
		return attempt('account', async () => {
			await disableUser(await getDatabase(), text(data, 'name'), locals.user?.name);
			return { done: 'disable', subject: text(data, 'name').trim() };
		});
	},
	enable: async ({ request }) => {
		const data = await request.formData();
		return attempt('account', async () => {
			await enableUser(await getDatabase(), text(data, 'name'));
			return { done: 'enable', subject: text(data, 'name').trim() };
		});
	},
	token: async ({ request, locals }) => {
		const data = await request.formData();
		return attempt('token', async () => {
			const db = await getDatabase();
			// A token made by a script's token lives only as long as that token (tokens.ts).
			const by = await creatorFor(db, locals.user, request.headers.get('authorization'));
			return { token: (await createToken(db, text(data, 'label'), text(data, 'role'), by)).token };
		});
	},
	revoke: async ({ request }) => {
		const data = await request.formData();
		await revokeToken(await getDatabase(), Number(data.get('token_id')));
		return { form: 'revoke' };
	}
};
