// Resumen: the KPIs of the URL's period and filters against the comparison period, with their
// monthly series, from the metrics layer (src/lib/features/overview/); and the actions that mark
// the data's provisional month closed or reopen it (analysts: auth/roles.ts).
import { fail } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db/database';
import { readOnlyExport } from '$lib/server/db/parquet-source';
import { overviewComparison, overviewPage } from '$lib/features/overview/loader.server';
import { allows, requiredAccess } from '$lib/server/auth/roles';
import { closeMonth, monthClosing, MonthClosingError, reopenMonth } from '$lib/server/metrics/month-closing';
import { pageContext } from '$http/dashboard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals, route }) => {
	const c = await pageContext(url, locals);
	const db = await getDatabase();
	// Who may close the month: the role the route's writes need (no accounts: everyone); nobody on a read-only export.
	const needed = requiredAccess(route.id, 'POST');
	const canCloseMonth = !readOnlyExport() && (!locals.user || (needed !== null && needed !== 'public' && allows(locals.user.role, needed)));
	if (!c.data) return { overview: null, comparison: Promise.resolve(null), windowDays: c.settings.window_days, monthClosing: null, canCloseMonth };
	const overview = await overviewPage(db, c);
	// Streamed: the period's figures show at once, the changes against the comparison follow.
	return { overview, comparison: overviewComparison(db, c), windowDays: c.settings.window_days, monthClosing: await monthClosing(db), canCloseMonth };
};

const month = (form: FormData) => String(form.get('month') ?? '').trim();

export const actions: Actions = {
	closeMonth: async ({ request, locals }) => {
		try {
			await closeMonth(await getDatabase(), month(await request.formData()), locals.user?.name ?? null);
		} catch (error) {
			if (error instanceof MonthClosingError) return fail(400, { monthClosing: 'refused' as const });
			throw error;
		}
		return { monthClosing: 'closed' as const };
	},
	reopenMonth: async ({ request }) => {
		try {
			await reopenMonth(await getDatabase(), month(await request.formData()));
		} catch (error) {
			if (error instanceof MonthClosingError) return fail(400, { monthClosing: 'refused' as const });
			throw error;
		}
		return { monthClosing: 'reopened' as const };
	}
};
