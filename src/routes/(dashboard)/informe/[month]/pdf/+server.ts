// The report of a month as a PDF: this server's own report page printed by headless Chromium, as
// the one asking sees it (their cookie or token goes along). Where the machine has no Chromium the
// page offers no PDF button, and this answers 404.
import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { reportMonth } from '$lib/features/report/loader.server';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { ParamError } from '$lib/server/metrics/params';
import { canPrintPdf, printPdf } from '$lib/server/pdf/chromium';
import type { RequestHandler } from './$types';

/**
 * This server as the machine itself reaches it: plain http on its port (a proxy in front may serve
 * https under another name that Chromium on this machine cannot reach).
 */
function localOrigin(): string {
	const host = !env.HOST || env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST === '::' ? '[::1]' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
	return `http://${host}:${env.PORT || '3000'}`;
}

export const GET: RequestHandler = async ({ params, request, cookies, locals }) => {
	let month: string;
	try {
		month = reportMonth(params.month);
	} catch (e) {
		if (e instanceof ParamError) error(400, `${e.param}: ${e.message}`);
		throw e;
	}
	if (!(await canPrintPdf())) error(404, 'No Chromium on this server: print the report from the browser.');
	// Only who asks goes along (their session or API token), none of their other cookies.
	const caller = { session: cookies.get(SESSION_COOKIE), authorization: request.headers.get('authorization') ?? undefined };
	const pdf = await printPdf(`${localOrigin()}/informe/${month}?lang=${locals.lang}`, caller, locals.lang);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="informe-${month}.pdf"`,
			'cache-control': 'no-store'
		}
	});
};
