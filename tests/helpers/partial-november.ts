// A small November 2026 invoice file (lines on Nov 1, 3 and 5 only), loaded into a database: the
// month's lines end early, so the data's latest month is provisional (docs/definitions.md "Partial
// and provisional months"). Hand-worked: 1 000,00 + 2 500,50 + 1 499,50 = 5 000,00; projection
// 5 000,00 × 30 days ÷ 5 days covered = 30 000,00.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';

const LINES = [
	'Nº factura;Línea;Fecha;Código cliente;Código producto;Cantidad;Precio unitario;Importe;Moneda;Tipo documento',
	'F-NOV-1;1;01/11/2026;CL-00065;P-013;1;1000,00;1000,00;BOB;Factura',
	'F-NOV-2;1;03/11/2026;CL-00065;P-034;1;2500,50;2500,50;BOB;Factura',
	'F-NOV-3;1;05/11/2026;CL-01484;P-032;1;1499,50;1499,50;BOB;Factura'
];

/** Writes noviembre.csv into `dir` and loads it into `db` (the demo's clients and products). */
export async function loadPartialNovember(db: Database, dir: string): Promise<void> {
	const file = join(dir, 'noviembre.csv');
	writeFileSync(file, LINES.join('\n'));
	await ingestFiles(db, [{ path: file, name: 'noviembre.csv' }]);
}
