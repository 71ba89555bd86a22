// Subscriptions as stored: http(s) webhooks only, checked addresses, a secret per webhook (returned
// once, never listed), and removal that keeps the row for the delivery log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSubscription, deleteSubscription, listSubscriptions, SubscriptionError } from '../../src/lib/server/alerts/store';
import type { Database } from '../../src/lib/server/db/database';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;
beforeAll(async () => {
	db = await openTempDatabase(folder);
});
afterAll(() => {
	db.close();
	folder.remove();
});

const refusal = async (input: Parameters<typeof addSubscription>[1]) => {
	try {
		await addSubscription(db, input);
	} catch (error) {
		if (error instanceof SubscriptionError) return [error.field, error.code];
		throw error;
	}
	return null;
};

describe('subscriptions', () => {
	it('refuses what is not an http(s) URL, a bad address, or nothing at all', async () => {
		expect(await refusal({ webhook_url: 'file:///etc/passwd' })).toEqual(['webhook_url', 'url_scheme']);
		expect(await refusal({ webhook_url: 'ftp://example.test/x' })).toEqual(['webhook_url', 'url_scheme']);
		expect(await refusal({ webhook_url: 'not a url' })).toEqual(['webhook_url', 'url_invalid']);
		expect(await refusal({ emails: 'gerencia@example.test, nadie' })).toEqual(['emails', 'email_invalid']);
		expect(await refusal({ webhook_url: ' ', emails: '' })).toEqual(['webhook_url', 'empty']);
		expect(await listSubscriptions(db)).toEqual([]);
	});

	it('a webhook gets its own secret, given once and never listed; e-mail only gets none', async () => {
		const a = await addSubscription(db, { webhook_url: 'https://hooks.example.test/cartera', by: 'gerencia' });
		const b = await addSubscription(db, { webhook_url: 'http://10.0.0.5:8080/in', emails: 'a@example.test; b@example.test' });
		const c = await addSubscription(db, { emails: 'c@example.test' });
		expect(a.secret).toMatch(/^[0-9a-f]{64}$/);
		expect(b.secret).toMatch(/^[0-9a-f]{64}$/);
		expect(a.secret).not.toBe(b.secret);
		expect(c.secret).toBeNull();
		const listed = await listSubscriptions(db);
		expect(listed.map((s) => [s.webhook_url, s.emails, s.created_by])).toEqual([
			['https://hooks.example.test/cartera', [], 'gerencia'],
			['http://10.0.0.5:8080/in', ['a@example.test', 'b@example.test'], null],
			[null, ['c@example.test'], null]
		]);
		expect(JSON.stringify(listed)).not.toContain(a.secret!);
	});

	it('a removed subscription is no longer listed (its deliveries keep its number)', async () => {
		const [first] = await listSubscriptions(db);
		await deleteSubscription(db, first!.subscription_id);
		expect((await listSubscriptions(db)).map((s) => s.subscription_id)).not.toContain(first!.subscription_id);
		expect((await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM alert_subscriptions'))!.n).toBe(3);
	});
});
