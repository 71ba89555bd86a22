// /alertas: the alerts, newest first, for everyone (admins manage subscriptions in Ajustes).
import type { Database } from '../../server/db/database';
import { listAlerts } from '../../server/alerts/store';

export async function alertsPage(db: Database, admin: boolean) {
	return { alerts: await listAlerts(db, { limit: 500 }), admin };
}

export type AlertsPageData = Awaited<ReturnType<typeof alertsPage>>;
