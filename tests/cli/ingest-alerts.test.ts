// `npm run ingest` into a database file records the load's alerts before it exits (it closes the
// database only once they are recorded): a credit note that turns the demo's October growth to
// rejected leaves that alert in the file.
import { afterAll, describe, expect, it } from 'vitest';
import { listAlerts } from '../../src/lib/server/alerts/store';
import { Database } from '../../src/lib/server/db/database';
import { copyDemoDatabase } from '../helpers/demo-database';
import { runCli } from '../helpers/run-cli';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
afterAll(() => folder.remove());

describe('npm run ingest and alerts', () => {
	it('a file that turns growth to rejected records its alert', async () => {
		const path = folder.path('demo.duckdb');
		await copyDemoDatabase(path);
		const file = folder.write('nc.csv', [
			'Nº factura;Línea;Fecha;Código cliente;Código producto;Cantidad;Precio unitario;Importe;Moneda;Tipo documento',
			'NC-CLI-1;1;15/10/2026;CL-00065;P-013;-1;1.000.000,00;-1.000.000,00;BOB;Nota de crédito'
		].join('\n'));
		const r = await runCli('ingest', [file, '--db', path, '--json']);
		expect(r.code).toBe(0);
		const batch = JSON.parse(r.stdout).files[0].batch_id;
		const db = await Database.open(path);
		const growth = (await listAlerts(db)).filter((a) => a.kpi === 'growth');
		expect(growth).toMatchObject([{ batch_id: batch, cause: 'load', source: 'kpi', month: '2026-10', scope_dim: null, old_status: 'observed', new_status: 'rejected' }]);
		await db.close();
	}, 120_000);
});
