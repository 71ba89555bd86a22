// npx tsx bench/alerts.ts — what alerts add to a load on the demo: a one-line credit note loaded
// (and undone) with the alert sources on and with them emptied, and the statuses read alone. The
// statuses after a batch are read after its answer, and the next batch takes them as its before.
// Printed, never asserted. Needs a demo database: CARTERA_DB=/tmp/x.duckdb npm run demo first;
// it works on a copy.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alertsSettled } from '../src/lib/server/alerts/record';
import { ALERT_SOURCES, readStates } from '../src/lib/server/alerts/states';
import { undoBatch } from '../src/lib/server/batches';
import { Database } from '../src/lib/server/db/database';
import { defaultDatabasePath } from '../src/lib/server/db/db-path';
import { ingestFiles } from '../src/lib/server/ingest/ingest';

const dir = mkdtempSync(join(tmpdir(), 'cartera-bench-alerts-'));
const path = join(dir, 'demo.duckdb');
copyFileSync(process.env.CARTERA_DB ?? defaultDatabasePath(), path);
const file = join(dir, 'nc.csv');
writeFileSync(file, 'Nº factura;Línea;Fecha;Código cliente;Código producto;Cantidad;Precio unitario;Importe;Moneda;Tipo documento\n' +
	'NC-BENCH;1;15/10/2026;CL-00065;P-013;-1;1.000.000,00;-1.000.000,00;BOB;Nota de crédito\n');
const db = await Database.open(path);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async (fn: () => Promise<unknown>) => {
	const t = performance.now();
	await fn();
	return performance.now() - t;
};
const sources = [...ALERT_SOURCES];
const states: number[] = [];
for (let i = 0; i < 3; i++) states.push(await time(() => readStates(db)));
const runs = { on: [] as number[], off: [] as number[], undoOn: [] as number[], undoOff: [] as number[] };
let first = 0;
for (const mode of ['on', 'off'] as const) {
	ALERT_SOURCES.splice(0, ALERT_SOURCES.length, ...(mode === 'on' ? sources : []));
	// Loads in a row, as they come: each takes the statuses the one before it left.
	for (let i = 0; i < 6; i++) {
		let batch = 0;
		const ms = await time(async () => (batch = (await ingestFiles(db, [{ path: file, name: 'nc.csv' }])).files[0]!.batch_id));
		if (mode === 'on' && i === 0) first = ms;
		else runs[mode].push(ms);
		await alertsSettled(); // its alerts are recorded after its answer: not counted in the load
		runs[mode === 'on' ? 'undoOn' : 'undoOff'].push(await time(() => undoBatch(db, batch, 'bench')));
		await alertsSettled();
	}
}
console.log(`statuses read alone (portfolio + scoped segments): median ${Math.round(median(states))} ms`);
console.log(`first load after a start or a settings change (statuses read before it): ${Math.round(first)} ms`);
console.log(`load: with alerts ${Math.round(median(runs.on))} ms, without ${Math.round(median(runs.off))} ms (median of 5)`);
console.log(`undo: with alerts ${Math.round(median(runs.undoOn))} ms, without ${Math.round(median(runs.undoOff))} ms (median of 6)`);
db.close();
rmSync(dir, { recursive: true, force: true });
