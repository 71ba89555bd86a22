// Whether the browser reached us over https, which decides the session cookie's Secure flag.
// adapter-node does not terminate TLS and, without ORIGIN, reports every request as https, so
// `event.url.protocol` cannot be trusted: a Secure cookie sent to http://servidor:3000 is dropped
// by the browser and sign-in loops. The real answer, in adapter-node's own order:
//   ORIGIN set          → its protocol (the public address the operator declared);
//   PROTOCOL_HEADER set → that header as the TLS reverse proxy sent it (x-forwarded-proto: https);
//   neither             → the socket, which adapter-node only ever serves as plain http.

export interface ProtocolSettings {
	ORIGIN?: string;
	PROTOCOL_HEADER?: string;
}

/** True when the request came over https (so cookies may, and should, be Secure). */
export function requestIsHttps(env: ProtocolSettings, headers: Headers): boolean {
	const origin = env.ORIGIN?.trim();
	if (origin) return origin.toLowerCase().startsWith('https:');
	const header = env.PROTOCOL_HEADER?.trim().toLowerCase();
	if (header) {
		// A chain of proxies may list several ("https, http"): the first is the browser's.
		const value = headers.get(header)?.split(',')[0]?.trim().toLowerCase();
		// No header: the request did not come through the proxy, so it is the plain-http socket.
		return value === 'https';
	}
	return false;
}
