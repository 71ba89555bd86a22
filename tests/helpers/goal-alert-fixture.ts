// A small database whose goals are judged, and a credit note that takes one account manager's
// month below a band: exactly one alert (goal-alerts.test.ts works the figures out by hand).
// Data ends 31/03/2026, so the default period ends in March (complete): every goal in it is judged.
import type { Database } from '../../src/lib/server/db/database';
import { loadCsv } from './metric-fixture';
import type { TempFolder } from './temp-db';

export const GOAL_FIXTURE: Record<string, string[]> = {
	'clientes.csv': [
		'Código cliente;Razón social;Ejecutivo de cuenta;Región;Fecha de alta',
		'C1;Uno;Ana Pérez;Norte;01/06/2025',
		'C3;Tres;Luis Gómez;Sur;01/01/2025'
	],
	'productos.csv': ['Código producto;Nombre;Línea de producto', 'P1;Martillo;Herramientas'],
	'facturas.csv': [
		'Nº factura;Fecha;Código cliente;Código producto;Importe neto',
		'F1;15/02/2026;C1;P1;7.500,25', // Ana Feb 7 500,25
		'F2;25/02/2026;C3;P1;1.000,00', // Luis Feb 1 000
		'F3;10/03/2026;C1;P1;6.000,00', // Ana Mar 6 000
		'F4;31/03/2026;C3;P1;9.000,10' //  Luis Mar 9 000,10
	],
	'metas.csv': [
		'Mes;Ejecutivo;Meta',
		'2026-02;Ana Pérez;7.000,00', // 7 500,25 / 7 000 = 1.0714… approved
		'2026-03;Ana Pérez;8.000,00', // 6 000 / 8 000 = 0.75 observed
		'2026-02;Luis Gómez;2.000,00', // 1 000 / 2 000 = 0.5 rejected
		'2026-03;Luis Gómez;10.000,00' // 9 000,10 / 10 000 = 0.90001 acceptable
	],
	'metas_total.csv': ['Mes;Meta', '2026-03;14.000,00'] // 15 000,10 / 14 000 = 1.0714… approved
};

/** 9 000,10 − 100,00 = 8 900,10 / 10 000 = 0.89001 < 0.90: Luis's March goes from acceptable to observed. */
export const CREDIT_NOTE = ['Nº factura;Fecha;Código cliente;Código producto;Importe neto', 'NC-1;31/03/2026;C3;P1;-100,00'];

export async function loadGoalFixture(db: Database, folder: TempFolder): Promise<void> {
	await loadCsv(db, folder, GOAL_FIXTURE);
}
