// The upload API speaks the request's language (lang cookie, then Accept-Language; English when
// the request states none, as scripts always got) and always gives the same code: refusals of whole files, the
// reasons of rejected cells in the dry-run report, a failed job, and an undo a later batch blocks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { startServer, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let server: RunningServer;
const dbPath = folder.path('messages.duckdb');

type Lang = 'es' | 'en';
const HEADER = 'Nº factura;Fecha;Código cliente;Importe';
const unclosed = `${HEADER}\nF-1;01/01/2025;C1;10,00\nF-2;01/01/2025;"C1;10,00\nF-3;02/01/2025;C2;5,00\n`;
const badNumber = `${HEADER}\r\nF-1;05/01/2025;C1;1.000,00\r\nF-2;06/01/2025;C2;x\r\n`;

const language = (lang: Lang) => ({ 'accept-language': lang === 'es' ? 'es-BO,es;q=0.9,en;q=0.5' : 'en-US,en;q=0.9' });

async function send(path: string, init: RequestInit & { headers?: Record<string, string> }) {
	const r = await server.fetch(`${server.url}${path}`, init);
	return { status: r.status, body: await r.json() };
}
function form(files: { name: string; body: string }[]): FormData {
	const f = new FormData();
	for (const file of files) f.append('file', new Blob([file.body]), file.name);
	return f;
}
const upload = (lang: Lang, files: { name: string; body: string }[]) =>
	send('/api/uploads', { method: 'POST', body: form(files), headers: language(lang) });
const stage = (lang: Lang, files: { name: string; body: string }[]) =>
	send('/api/uploads/stage', { method: 'POST', body: form(files), headers: language(lang) });
const post = (lang: Lang, path: string, body: unknown) =>
	send(path, { method: 'POST', body: JSON.stringify(body), headers: { ...language(lang), 'content-type': 'application/json' } });

beforeAll(async () => {
	(await Database.open(dbPath)).close();
	server = await startServer(dbPath);
});
afterAll(async () => {
	await server?.stop();
	folder.remove();
});

describe('the upload API in Spanish and English', () => {
	it('refuses an empty file in the request language, with the same code', async () => {
		const es = await stage('es', [{ name: 'vacio.csv', body: '' }]);
		const en = await stage('en', [{ name: 'vacio.csv', body: '' }]);
		expect(es).toEqual({ status: 400, body: { error: 'vacio.csv: el archivo está vacío.', code: 'file_empty', params: { file: 'vacio.csv' } } });
		expect(en).toEqual({ status: 400, body: { error: 'vacio.csv: the file is empty.', code: 'file_empty', params: { file: 'vacio.csv' } } });
	});

	it('names the line of an unclosed quote in the request language', async () => {
		const es = await upload('es', [{ name: 'comillas.csv', body: unclosed }]);
		const en = await upload('en', [{ name: 'comillas.csv', body: unclosed }]);
		const params = { file: 'comillas.csv', line: 3 };
		expect(es).toEqual({
			status: 400,
			body: {
				error:
					'comillas.csv: línea 3: aquí empieza un valor entre comillas que nunca se cierra (comillas desbalanceadas); corrige las comillas de esta línea.',
				code: 'unclosed_quote',
				params
			}
		});
		expect(en).toEqual({
			status: 400,
			body: {
				error: 'comillas.csv: line 3: a quoted value opens here and is never closed (unbalanced quotes); fix the quotes of this line.',
				code: 'unclosed_quote',
				params
			}
		});
	});

	it('gives the reason of a bad number cell, naming the expected format, in the language of the dry run', async () => {
		const { body } = await stage('es', [{ name: 'enero.csv', body: badNumber }]);
		const id = body.files[0].id;
		const es = await post('es', '/api/uploads/stage/preview', { ids: [id], parts: ['report'] });
		const en = await post('en', '/api/uploads/stage/preview', { ids: [id], parts: ['report'] });
		expect(es.body.report.files[0].rejections).toEqual([
			{ line: 3, column: 'Importe', value: 'x', reason: 'se esperaba un número como 1.234,56', code: 'bad_number' }
		]);
		expect(es.body.report.files[0].warnings).toEqual([
			'1 línea se refiere a 1 código de cliente que no está en la tabla de clientes (C1); cuenta en los ingresos como clientes sin atributos.'
		]);
		expect(en.body.report.files[0].rejections).toEqual([
			{ line: 3, column: 'Importe', value: 'x', reason: 'expected a number like 1.234,56', code: 'bad_number' }
		]);
		// POST /api/uploads (the CLI's --server) reports in the request's language too
		const direct = await upload('es', [{ name: 'enero.csv', body: badNumber }]);
		expect(direct.body.files[0].rejections[0]).toMatchObject({ reason: 'se esperaba un número como 1.234,56', code: 'bad_number' });
	});

	it('says why a job failed in the language of whoever asks about it', async () => {
		const { body } = await stage('es', [{ name: 'otra.csv', body: 'Color;Peso\nrojo;3\n' }]);
		const { body: started } = await post('es', '/api/uploads/stage/commit', { ids: [body.files[0].id] });
		const view = async (lang: Lang) => (await send(`/api/uploads/jobs/${started.job}`, { headers: language(lang) })).body;
		while ((await view('es')).state === 'running') await new Promise((r) => setTimeout(r, 100));
		expect(await view('es')).toMatchObject({ state: 'failed', code: 'unknown_kind', error: expect.stringMatching(/^otra\.csv: no se puede saber qué contiene/) });
		expect(await view('en')).toMatchObject({ state: 'failed', code: 'unknown_kind', error: expect.stringMatching(/^otra\.csv: cannot tell what this export holds/) });
		const unknown = await send(`/api/uploads/jobs/${'0'.repeat(32)}`, { headers: language('es') });
		expect(unknown).toEqual({
			status: 404,
			body: { error: 'No existe esa carga (las cargas se guardan una hora después de terminar).', code: 'job_unknown', params: {} }
		});
	});

	it('refuses an undo a later batch blocks in the request language, with the same code', async () => {
		const a = (await upload('en', [{ name: 'marzo.csv', body: `${HEADER}\r\nM-1;05/03/2025;C1;100,00\r\nM-2;06/03/2025;C2;200,00\r\n` }])).body.files[0];
		const b = (await upload('en', [{ name: 'marzo-bis.csv', body: `${HEADER}\r\nM-1;05/03/2025;C1;100,00\r\nM-2;06/03/2025;C2;250,00\r\n` }])).body.files[0];
		const undo = (lang: Lang) => post(lang, `/api/uploads/batches/${a.batch_id}/undo`, {});
		const params = { batch: a.batch_id, batch_file: 'marzo.csv', blocker: b.batch_id, blocker_file: 'marzo-bis.csv', rows: 1 };
		expect(await undo('es')).toEqual({
			status: 409,
			body: {
				error: `El lote ${b.batch_id} (marzo-bis.csv) cambió 1 fila que había cargado el lote ${a.batch_id} (marzo.csv): deshaz antes el lote ${b.batch_id}.`,
				code: 'batch_blocked',
				params
			}
		});
		expect(await undo('en')).toEqual({
			status: 409,
			body: {
				error: `Batch ${b.batch_id} (marzo-bis.csv) changed 1 row that batch ${a.batch_id} (marzo.csv) loaded: undo batch ${b.batch_id} first.`,
				code: 'batch_blocked',
				params
			}
		});
	});

	it('takes the lang cookie over Accept-Language, and English without either', async () => {
		const cookie = await send('/api/uploads/stage', {
			method: 'POST',
			body: form([{ name: 'vacio.csv', body: '' }]),
			headers: { ...language('es'), cookie: 'lang=en' }
		});
		expect(cookie.body.error).toBe('vacio.csv: the file is empty.');
		const none = await send('/api/uploads/stage', { method: 'POST', body: form([{ name: 'vacio.csv', body: '' }]) });
		expect(none.body).toEqual({ error: 'vacio.csv: the file is empty.', code: 'file_empty', params: { file: 'vacio.csv' } });
		// a request body that is not JSON
		const notJson = await send('/api/uploads/stage/preview', {
			method: 'POST',
			body: '{',
			headers: { ...language('es'), 'content-type': 'application/json' }
		});
		expect(notJson.status).toBe(400);
		expect(notJson.body).toMatchObject({ code: 'bad_json', error: expect.stringMatching(/^El cuerpo de la solicitud no es un JSON válido: /) });
	});
});
