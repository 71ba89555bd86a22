// Informe del mes: the report of the URL's month; its figures come from reportData.
import { error } from '@sveltejs/kit';
import { reportData, reportMonth } from '$lib/features/report/loader.server';
import { getDatabase } from '$lib/server/db/database';
import { ParamError } from '$lib/server/metrics/params';
import { canPrintPdf } from '$lib/server/pdf/chromium';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	try {
		const month = reportMonth(params.month);
		return { report: await reportData(await getDatabase(), month), pdf: await canPrintPdf(), today: new Date().toISOString().slice(0, 10) };
	} catch (e) {
		if (e instanceof ParamError) error(400, `${e.param}: ${e.message}`);
		throw e;
	}
};
