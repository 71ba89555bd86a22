// Informe del mes: the report of the URL's month (reportPage: published or as the data is now), and
// its writes, "Publicar" and a section's comment (analysts and admins: auth/roles.ts).
import { error, fail } from '@sveltejs/kit';
import { commentOn, publishMonth, reportMonth, reportPage } from '$lib/features/report/loader.server';
import { CommentError } from '$lib/server/reports/comments';
import { allows, requiredAccess } from '$lib/server/auth/roles';
import { getDatabase } from '$lib/server/db/database';
import { readOnlyExport } from '$lib/server/db/parquet-source';
import { ParamError } from '$lib/server/metrics/params';
import { canPrintPdf } from '$lib/server/pdf/chromium';
import type { Actions, PageServerLoad } from './$types';

function monthOf(text: string): string {
	try {
		return reportMonth(text);
	} catch (e) {
		if (e instanceof ParamError) error(400, `${e.param}: ${e.message}`);
		throw e;
	}
}

export const load: PageServerLoad = async ({ params, locals, route }) => {
	const month = monthOf(params.month);
	// Who may publish: the role the route's writes need (no accounts: everyone); nobody on a read-only export.
	const needed = requiredAccess(route.id, 'POST');
	const canPublish = !readOnlyExport() && (!locals.user || (needed !== null && needed !== 'public' && allows(locals.user.role, needed)));
	return { ...(await reportPage(await getDatabase(), month)), canPublish, pdf: await canPrintPdf(), today: new Date().toISOString().slice(0, 10) };
};

export const actions: Actions = {
	publish: async ({ params, locals }) => {
		const version = await publishMonth(await getDatabase(), monthOf(params.month), locals.user?.name ?? null);
		return { published: version };
	},
	comment: async ({ params, locals, request }) => {
		const form = await request.formData();
		const section = String(form.get('section') ?? '');
		const body = String(form.get('body') ?? '');
		try {
			await commentOn(await getDatabase(), monthOf(params.month), section, body, locals.user?.name ?? null);
		} catch (e) {
			if (e instanceof CommentError) return fail(400, { comment: { section, code: e.code, body } });
			throw e;
		}
		return { commented: section };
	}
};
