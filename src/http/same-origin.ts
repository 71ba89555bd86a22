// Cross-site request check for state-changing requests. Browsers send Origin on every cross-site
// POST, so one whose host differs from the Host we answer on is refused; scripts and the CLI (no
// Origin header, e.g. `npm run ingest -- --server`) are let through. Replaces SvelteKit's own
// check, which refuses form posts without an Origin header and so every script. Hosts, not
// origins, are compared: behind no proxy adapter-node cannot know whether the browser used http.
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function crossSiteRefused(request: Request, ownHost: string): boolean {
	if (SAFE.has(request.method)) return false;
	const origin = request.headers.get('origin');
	if (origin === null) return false;
	try {
		return new URL(origin).host !== ownHost;
	} catch {
		return true; // "null" (sandboxed frames, file://) or garbage
	}
}
