// /alertas: the alerts, newest first, for everyone; the subscriptions and the delivery log for admins.
import type { Database } from '../../server/db/database';
import { listAlerts, listDeliveries, listSubscriptions } from '../../server/alerts/store';
import { loadSettings } from '../../server/metrics/settings';

export async function alertsPage(db: Database, admin: boolean) {
	return {
		alerts: await listAlerts(db, { limit: 500 }),
		currency: (await loadSettings(db)).currency,
		subscriptions: admin ? await listSubscriptions(db) : [],
		deliveries: admin ? await listDeliveries(db, 200) : [],
		admin
	};
}

export type AlertsPageData = Awaited<ReturnType<typeof alertsPage>>;
