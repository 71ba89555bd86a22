// A page's dashboard context, with a URL the metrics layer refuses (a bad month, an unknown
// filter…) answered as a 400 page that names the parameter.
import { error } from '@sveltejs/kit';
import { contextInput, dashboardContext, type DashboardContext } from '$lib/server/pages/context';
import { getDatabase } from '$lib/server/db/database';
import { ParamError } from '$lib/server/metrics/params';

// The (dashboard) layout and its page both need the context, and SvelteKit runs their loads
// together: it is built once per request, keyed by the request's `locals` (one object per request,
// shared by its loads), and goes with the request.
const perRequest = new WeakMap<object, Promise<DashboardContext>>();

export async function pageContext(url: URL, locals: object): Promise<DashboardContext> {
	// Each load reads the URL's period and filters itself, so SvelteKit reruns it when they change
	// even when the context was built by the other load.
	contextInput(url);
	let context = perRequest.get(locals);
	if (!context) {
		context = getDatabase().then((db) => dashboardContext(db, url));
		perRequest.set(locals, context);
	}
	try {
		return await context;
	} catch (e) {
		if (e instanceof ParamError) error(400, { message: `${e.param}: ${e.message}`, param: e.param });
		throw e;
	}
}
