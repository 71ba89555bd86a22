// /alertas: every role reads the alerts; only admins add or remove subscriptions (roles.ts).
import { fail } from '@sveltejs/kit';
import { alertsPage } from '$lib/features/alerts/loader.server';
import { addSubscription, deleteSubscription, SubscriptionError } from '$lib/server/alerts/store';
import { getDatabase } from '$lib/server/db/database';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => alertsPage(await getDatabase(), locals.user ? locals.user.role === 'admin' : true);

export const actions: Actions = {
	subscribe: async ({ request, locals }) => {
		const form = await request.formData();
		try {
			const { secret } = await addSubscription(await getDatabase(), {
				webhook_url: String(form.get('webhook_url') ?? ''),
				emails: String(form.get('emails') ?? ''),
				by: locals.user?.name ?? null
			});
			return { form: 'subscribe', created: true, secret };
		} catch (error) {
			if (error instanceof SubscriptionError) return fail(400, { form: 'subscribe', field: error.field, code: error.code });
			throw error;
		}
	},
	unsubscribe: async ({ request }) => {
		const id = Number((await request.formData()).get('id'));
		if (!Number.isSafeInteger(id) || id < 1) return fail(400, { form: 'unsubscribe' });
		await deleteSubscription(await getDatabase(), id);
		return { form: 'unsubscribe', removed: id };
	}
};
