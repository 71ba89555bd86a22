// Broken, interrupted and malformed uploads against the built server, over raw sockets: a tab
// closed mid-file, a dropped connection, a body with no closing boundary, a malformed chunked
// body, a Content-Length that lies either way, a sender too slow for the server's request timeout
// (408), malformed multipart, JSON bodies of the wrong shape, files without a header row. Each to
// POST /api/uploads and to POST /api/uploads/stage; after each the server still answers, logged no
// unhandled error, and keeps nothing of the request in its staging folder.
import { existsSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { startServer, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
const dbPath = folder.path('broken.duckdb');
const staging = folder.path('staging');
/** The server's request timeout here: a body slower than this gets Node's 408. */
const REQUEST_TIMEOUT_MS = 2_000;
let server: RunningServer;
let port: number;

const B = 'CarteraTestBoundary';
const CSV = 'Nº factura;Fecha;Código cliente;Importe\r\nF-1;05/01/2025;C1;1.000,00\r\n';
const partHead = (name = 'enero.csv') => `--${B}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`;
const TAIL = `\r\n--${B}--\r\n`;
const PATHS = ['/api/uploads', '/api/uploads/stage'];

function head(path: string, headers: Record<string, string | number>): string {
	const all = { Host: '127.0.0.1', Authorization: `Bearer ${server.token}`, 'Accept-Language': 'es', Connection: 'close', ...headers };
	return `POST ${path} HTTP/1.1\r\n${Object.entries(all).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
}

/**
 * Opens a connection, lets `script` write to it, and collects what the server answers until it
 * closes the connection (or `waitMs` passes: then the test closes it).
 */
function talk(script: (write: (data: string | Buffer) => void, socket: ReturnType<typeof connect>) => Promise<void> | void, waitMs = 10_000): Promise<string> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		let answer = '';
		const done = () => {
			clearTimeout(timer);
			resolve(answer);
		};
		const timer = setTimeout(() => {
			socket.destroy();
			done();
		}, waitMs);
		socket.on('data', (d) => (answer += d.toString('utf8')));
		socket.on('error', () => undefined); // a reset by the server is an answer too
		socket.on('close', done);
		socket.on('connect', () => {
			void Promise.resolve(script((data) => socket.write(data), socket)).catch(() => undefined);
		});
	});
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The status and the JSON of the first response in `answer`. */
function parse(answer: string): { status: number | null; body: Record<string, unknown> | null } {
	const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
	const json = answer.slice(answer.indexOf('\r\n\r\n') + 4);
	let body = null;
	try {
		body = JSON.parse(json.trim().startsWith('{') ? json : (json.split('\r\n').find((l) => l.startsWith('{')) ?? 'null'));
	} catch {
		body = null;
	}
	return { status: status ? Number(status) : null, body };
}

/** Entries left in a staging sub-folder (incoming: receptions; files: staged files). */
function left(sub: 'incoming' | 'files'): string[] {
	const dir = join(staging, sub);
	return existsSync(dir) ? readdirSync(dir) : [];
}

/** The server still answers a normal request, logged no unhandled error, and kept nothing of the broken one. */
async function stillHealthy(): Promise<void> {
	const r = await server.fetch(`${server.url}/api/metrics/kpis`);
	expect(r.status).toBe(200);
	await r.arrayBuffer();
	expect(server.output()).not.toMatch(/Unhandled|Uncaught|ERR_UNHANDLED/);
	// the reception's folder goes once its last stream has settled: soon after the connection ends
	for (let i = 0; i < 50 && left('incoming').length > 0; i++) await sleep(100);
	expect(left('incoming')).toEqual([]);
	expect(left('files')).toEqual([]);
}

beforeAll(async () => {
	(await Database.open(dbPath)).close();
	// Node's request timeout is 300 s; here 2 s, so a too-slow sender meets it within the test.
	const preload = folder.write(
		'short-request-timeout.mjs',
		`import http from 'node:http';
const create = http.createServer;
http.createServer = function (...args) {
	const server = create.apply(this, args);
	server.requestTimeout = ${REQUEST_TIMEOUT_MS};
	server.headersTimeout = ${REQUEST_TIMEOUT_MS};
	server.connectionsCheckingInterval = 200;
	return server;
};
`
	);
	const before = process.env.NODE_OPTIONS;
	process.env.NODE_OPTIONS = `${before ?? ''} --import=${pathToFileURL(preload).href}`.trim();
	try {
		server = await startServer(dbPath);
	} finally {
		if (before === undefined) delete process.env.NODE_OPTIONS;
		else process.env.NODE_OPTIONS = before;
	}
	port = Number(new URL(server.url).port);
});
afterAll(async () => {
	await server?.stop();
	folder.remove();
});

describe.each(PATHS)('an interrupted upload to %s', (path) => {
	const big = Buffer.alloc(2 * 1024 * 1024, 'F-1;05/01/2025;C1;1.000,00\r\n');

	it('a tab closed while the file is sent (the connection ends mid-file)', async () => {
		await talk(async (write, socket) => {
			write(head(path, { 'Content-Type': `multipart/form-data; boundary=${B}`, 'Content-Length': 10 * big.length }));
			write(partHead());
			write(big);
			await sleep(300);
			socket.end();
		});
		await stillHealthy();
	});

	it('a dropped connection (reset mid-file)', async () => {
		await talk(async (write, socket) => {
			write(head(path, { 'Content-Type': `multipart/form-data; boundary=${B}`, 'Content-Length': 10 * big.length }));
			write(partHead());
			write(big);
			await sleep(300);
			socket.resetAndDestroy();
		});
		await stillHealthy();
	});

	it('a body with no closing boundary: 400, said in the request’s language', async () => {
		const body = partHead() + CSV; // the closing boundary never comes
		const answer = parse(await talk((write) => write(head(path, { 'Content-Type': `multipart/form-data; boundary=${B}`, 'Content-Length': Buffer.byteLength(body) }) + body)));
		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({ code: 'multipart_malformed', error: expect.stringMatching(/^No se pudo leer la carga/) });
		await stillHealthy();
	});

	it('a malformed chunked body', async () => {
		const answer = await talk((write) => {
			write(head(path, { 'Content-Type': `multipart/form-data; boundary=${B}`, 'Transfer-Encoding': 'chunked' }));
			const first = partHead() + CSV;
			write(`${Buffer.byteLength(first).toString(16)}\r\n${first}\r\n`);
			write('zz-not-a-chunk-size\r\n\r\n');
		});
		expect(answer).toMatch(/^HTTP\/1\.1 400/);
		await stillHealthy();
	});

	it('a Content-Length longer than the body, the sender then closing', async () => {
		const body = partHead() + CSV + TAIL;
		await talk(async (write, socket) => {
			write(head(path, { 'Content-Type': `multipart/form-data; boundary=${B}`, 'Content-Length': Buffer.byteLength(body) + 5000 }) + body);
			await sleep(300);
			socket.end();
		});
		await stillHealthy();
	});

	it('a Content-Length shorter than the multipart body: the body is cut short, 400', async () => {
		const body = Buffer.from(partHead() + CSV + TAIL);
		const cut = body.subarray(0, body.length - 20); // what the sender declared, and sent
		const answer = parse(await talk((write) => write(Buffer.concat([Buffer.from(head(path, { 'Content-Type': `multipart/form-data; boundary=${B}`, 'Content-Length': cut.length })), cut]))));
		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({ code: 'multipart_malformed' });
		await stillHealthy();
	});

	it('a Content-Length shorter than what is sent: the rest is a bad request of its own', async () => {
		const body = partHead() + CSV + TAIL;
		const answer = await talk((write) => write(head(path, { 'Content-Type': `multipart/form-data; boundary=${B}`, 'Content-Length': Buffer.byteLength(body) - 20 }) + body));
		expect(answer).toMatch(/^HTTP\/1\.1 400/);
		await stillHealthy();
	});

	it('a sender too slow for the request timeout gets its 408', async () => {
		const answer = await talk(async (write, socket) => {
			write(head(path, { 'Content-Type': `multipart/form-data; boundary=${B}`, 'Content-Length': 100_000 }));
			write(partHead());
			for (let i = 0; i < 40 && !socket.destroyed; i++) {
				write('a');
				await sleep(150);
			}
		}, REQUEST_TIMEOUT_MS * 4);
		expect(answer).toMatch(/^HTTP\/1\.1 408/);
		await stillHealthy();
	}, 30_000);
});

describe('malformed multipart: 400 with its code, in the request’s language', () => {
	async function send(path: string, contentType: string, body: string | Buffer, lang = 'en') {
		const r = await server.fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': contentType, 'accept-language': lang }, body: typeof body === 'string' ? body : new Uint8Array(body) });
		return { status: r.status, body: await r.json() };
	}
	const cases: [string, string, string | Buffer, string][] = [
		['no boundary', 'multipart/form-data', partHead() + CSV + TAIL, 'multipart_malformed'],
		['a wrong boundary', 'multipart/form-data; boundary=OtherBoundary', partHead() + CSV + TAIL, 'multipart_malformed'],
		['a garbage body', `multipart/form-data; boundary=${B}`, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), 'multipart_malformed'],
		['a part without headers', `multipart/form-data; boundary=${B}`, `--${B}\r\n\r\n${CSV}${TAIL}`, 'multipart_malformed'],
		['a 200 kB file name', `multipart/form-data; boundary=${B}`, partHead(`${'x'.repeat(200_000)}.csv`) + CSV + TAIL, 'multipart_malformed'],
		['not multipart at all', 'text/plain', CSV, 'not_multipart']
	];
	for (const path of PATHS)
		it.each(cases)(`${path}: %s`, async (_what, type, body, code) => {
			const en = await send(path, type, body);
			expect(en.status).toBe(400);
			expect(en.body).toMatchObject({ code, params: expect.any(Object), error: expect.any(String) });
			const es = await send(path, type, body, 'es');
			expect(es.status).toBe(400);
			expect(es.body.code).toBe(code);
			expect(es.body.error).not.toBe(en.body.error);
			await stillHealthy();
		});
});

describe('preview and commit with a body of the wrong shape: 400 with its code', () => {
	const bodies: [string, string, string][] = [
		['null', 'null', 'body_not_object'],
		['an array', '[]', 'body_not_object'],
		['a string', '"x"', 'body_not_object'],
		['a number', '5', 'body_not_object'],
		['ids not a list', '{"ids": 5}', 'no_ids'],
		['no ids', '{}', 'no_ids'],
		['options not an object, a mapping that is not one', '{"ids": ["0123456789abcdef0123456789abcdef"], "options": "x", "map": 5}', 'map_not_object'],
		['not JSON', '{"ids": [', 'bad_json'],
		['an empty body', '', 'bad_json']
	];
	for (const path of ['/api/uploads/stage/commit', '/api/uploads/stage/preview'])
		it.each(bodies)(`${path}: %s`, async (_what, body, code) => {
			for (const lang of ['en', 'es']) {
				const r = await server.fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': lang }, body });
				expect(r.status).toBe(400);
				const answer = await r.json();
				expect(answer).toMatchObject({ code, params: expect.any(Object), error: expect.any(String) });
			}
			await stillHealthy();
		});

	it('a JSON body over 1 MB is refused (413) without being held', async () => {
		const r = await server.fetch(`${server.url}/api/uploads/stage/commit`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ids: Array.from({ length: 60_000 }, () => '0123456789abcdef0123456789abcdef') })
		});
		expect(r.status).toBe(413);
		expect(await r.json()).toMatchObject({ code: 'json_too_large' });
		await stillHealthy();
	});
});

describe('a file without a header row (the hash scan of a removed file)', () => {
	async function upload(body: string, fields: Record<string, string> = {}) {
		const form = new FormData();
		for (const [k, v] of Object.entries(fields)) form.append(k, v);
		form.append('file', new Blob([body]), 'sin-encabezado.csv');
		const r = await server.fetch(`${server.url}/api/uploads`, { method: 'POST', body: form, headers: { 'accept-language': 'es' } });
		return { status: r.status, body: await r.json() };
	}

	it('only separators: 400 "no header row", the server alive', async () => {
		for (let i = 0; i < 5; i++) {
			const r = await upload(';;;\r\n');
			expect(r.status).toBe(400);
			expect(r.body).toMatchObject({ code: 'no_header', error: 'sin-encabezado.csv: no se encontró la fila de encabezados.' });
		}
		await sleep(500); // long enough for a background scan of the removed file to fail
		await stillHealthy();
	});

	it('a valid file with header_line past its end: 400, the server alive', async () => {
		for (let i = 0; i < 5; i++) {
			const r = await upload(CSV.repeat(3), { header_line: '50' });
			expect(r.status).toBe(400);
			expect(r.body.code).toBe('no_header');
		}
		await sleep(500);
		await stillHealthy();
	});

	it('staged, its preview says why and its commit fails with the code, the server alive', async () => {
		const form = new FormData();
		form.append('file', new Blob([';;;\r\n']), 'sin-encabezado.csv');
		const staged = await (await server.fetch(`${server.url}/api/uploads/stage`, { method: 'POST', body: form })).json();
		const id = staged.files[0].id;
		const preview = await (
			await server.fetch(`${server.url}/api/uploads/stage/preview`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: [id], parts: ['records'] }) })
		).json();
		expect(preview.files[0].code).toBe('no_header');
		const report = await server.fetch(`${server.url}/api/uploads/stage/preview`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: [id], parts: ['report'] }) });
		expect(report.status).toBe(400);
		expect((await report.json()).code).toBe('no_header');
		const r = await server.fetch(`${server.url}/api/metrics/kpis`);
		expect(r.status).toBe(200);
		expect(server.output()).not.toMatch(/Unhandled|Uncaught/);
	});
});
