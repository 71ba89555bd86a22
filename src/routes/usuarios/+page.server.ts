// Usuarios (admins only, see roles.ts): accounts and API tokens.
import { fail } from '@sveltejs/kit';
import { isRole } from '$lib/server/auth/roles';
import { createToken, listTokens, revokeToken } from '$lib/server/auth/tokens';
import { AccountError, createUser, listUsers } from '$lib/server/auth/users';
import { getDatabase } from '$lib/server/db/database';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const db = await getDatabase();
	return { users: await listUsers(db), tokens: await listTokens(db) };
};

export const actions: Actions = {
	user: async ({ request }) => {
		const form = await request.formData();
		const name = String(form.get('name') ?? '');
		const role = String(form.get('role') ?? '');
		if (!isRole(role)) return fail(400, { form: 'user', field: 'role', message: 'viewer, analyst, admin' });
		try {
			const user = await createUser(await getDatabase(), name, String(form.get('password') ?? ''), role);
			return { form: 'user', added: user.name };
		} catch (error) {
			if (error instanceof AccountError) return fail(400, { form: 'user', field: error.field, message: error.message });
			throw error;
		}
	},
	token: async ({ request, locals }) => {
		const form = await request.formData();
		const role = String(form.get('role') ?? '');
		if (!isRole(role)) return fail(400, { form: 'token', field: 'role', message: 'viewer, analyst, admin' });
		try {
			const { token } = await createToken(await getDatabase(), String(form.get('label') ?? ''), role, locals.user?.name ?? null);
			return { form: 'token', token };
		} catch (error) {
			if (error instanceof AccountError) return fail(400, { form: 'token', field: error.field, message: error.message });
			throw error;
		}
	},
	revoke: async ({ request }) => {
		const form = await request.formData();
		await revokeToken(await getDatabase(), Number(form.get('token_id')));
		return { form: 'revoke' };
	}
};
