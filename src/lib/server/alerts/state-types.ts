// What an alert source reads: one watched status with its scope, month and value. In a file of
// its own so the sources (states.ts, goal-states.ts) share it without importing each other.
import type { Database } from '../db/database';
import type { Status } from '../metrics/settings';

export interface AlertScope {
	dim: string;
	value: string;
}

/** One watched status: which source and figure, for which scope and month, and its value. */
export interface AlertState {
	source: string;
	kpi: string;
	/** null: the whole portfolio. */
	scope: AlertScope | null;
	/** YYYY-MM: growth's judged month, else the period's last month. */
	month: string | null;
	status: Status | null;
	value: number | null;
	/** The month is part of what is watched (a goal is one month's): a status is compared with the same month's only. */
	perMonth?: boolean;
}

export type AlertSource = (db: Database) => Promise<AlertState[]>;
