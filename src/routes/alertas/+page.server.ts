// /alertas: every role reads the alerts; admins get a link to the subscriptions in Ajustes.
import { alertsPage } from '$lib/features/alerts/loader.server';
import { getDatabase } from '$lib/server/db/database';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => alertsPage(await getDatabase(), locals.user ? locals.user.role === 'admin' : true);
