// Where sign-in sends the browser (issue 13): only a path of this site. Tabs and newlines (which
// browsers drop), backslashes (read as /), `//host` however it is spelt, and other schemes all
// give '/'; a newline never reaches the Location header (it was a 500).
import { describe, expect, it } from 'vitest';
import { safeNext } from '../../src/http/session-cookie';

describe('safeNext', () => {
	it.each([
		['/segmentos', '/segmentos'],
		['/segmentos?region=La%20Paz&from=2026-01', '/segmentos?region=La%20Paz&from=2026-01'],
		['/clientes/CL-1#ventas', '/clientes/CL-1#ventas'],
		['/', '/'],
		// Text a Location header cannot hold comes out percent-encoded, on this site.
		['/clientes/Año €', '/clientes/A%C3%B1o%20%E2%82%AC'],
		// A path that normalises within the site stays on it.
		['/a/../segmentos', '/segmentos']
	])('keeps %j as %j', (next, expected) => expect(safeNext(next)).toBe(expected));

	it.each([
		null,
		undefined,
		'',
		'segmentos',
		'//evil.example/phish',
		'/\t/evil.example/phish',
		'/%09/evil.example/phish'.replace('%09', '\t'),
		'/\n/evil.example',
		'/\r\n/evil.example',
		'/segmentos\nSet-Cookie: x=1',
		'/\\evil.example',
		'/\\/evil.example',
		'\\\\evil.example',
		'/ \u0000/evil.example',
		'/\u007f/evil.example',
		'/\u0085/evil.example',
		'/a/..//evil.example/phish',
		'/./\t/evil.example',
		'https://evil.example/',
		'javascript:alert(1)',
		' /segmentos',
		'/' + 'x'.repeat(3000)
	])('refuses %j', (next) => expect(safeNext(next)).toBe('/'));
});
