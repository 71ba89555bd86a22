// Ajustes' alert subscriptions (admins only): the live subscriptions and the delivery log; the
// form actions that add and remove them are the route's (src/routes/ajustes/+page.server.ts).
import type { Database } from '../../server/db/database';
import { listDeliveries, listSubscriptions } from '../../server/alerts/store';

export async function subscriptionsPanel(db: Database) {
	return { subscriptions: await listSubscriptions(db), deliveries: await listDeliveries(db, 200) };
}

export type SubscriptionsPanelData = Awaited<ReturnType<typeof subscriptionsPanel>>;
