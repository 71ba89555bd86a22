// Ajustes: thresholds and definitions (issue 7). Loading shows them with each KPI's months for the
// preview; the actions check and store a change (settings-store.ts), or answer 400 naming the field.
import { fail } from '@sveltejs/kit';
import { FILTER_DIMENSIONS } from '$lib/features/shared/url-state';
import { dashboardContext } from '$lib/server/pages/context';
import { settingsPage } from '$lib/features/settings/loader.server';
import { getDatabase } from '$lib/server/db/database';
import { readOnlyExport } from '$lib/server/db/parquet-source';
import { checkSetting, saveSetting, SettingError } from '$lib/server/metrics/settings-store';
import { KPI_DEFAULTS, loadSettings, type KpiId } from '$lib/server/metrics/settings';
import { typedAsPercent } from '$lib/kpi-units';
import type { Actions, PageServerLoad } from './$types';
import { subscriptionsPanel } from '$lib/features/settings/subscriptions.server';
import { addSubscription, deleteSubscription, SubscriptionError } from '$lib/server/alerts/store';


export const load: PageServerLoad = async ({ locals }) => {
	const db = await getDatabase();
	const c = await dashboardContext(db, new URL('http://localhost/'));
	const global = await loadSettings(db);
	return {
		period: { from: c.params.from, to: c.params.to },
		settings: global,
		page: c.data ? await settingsPage(db, c.params, c.settings) : { kpis: [], rules: [], history: [], goals: [] },
		options: c.options,
		dimensions: FILTER_DIMENSIONS,
		// Nobody changes anything on a read-only export (the layout's note says why).
		canEdit: !readOnlyExport() && (locals.user ? locals.user.role === 'admin' : true),
		// Alert subscriptions and their delivery log: admins only (webhook URLs are theirs to see).
		alerts: !locals.user || locals.user.role === 'admin' ? await subscriptionsPanel(db) : null
	};
};

const text = (form: FormData, key: string) => String(form.get(key) ?? '').trim();
const number = (form: FormData, key: string, scale = 1) => {
	const raw = text(form, key).replace(',', '.');
	return raw === '' ? Number.NaN : Number(raw) / scale;
};

/** "Negociación = 75" lines → {Negociación: 0.75}; a line without "=" or a number is refused. */
function stageLines(raw: string): Record<string, number> | SettingError {
	const out: Record<string, number> = {};
	for (const line of raw.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
		const at = line.lastIndexOf('=');
		const value = at > 0 ? Number(line.slice(at + 1).replace('%', '').replace(',', '.').trim()) : Number.NaN;
		if (at <= 0 || !Number.isFinite(value)) return new SettingError('stage_probabilities', `Write one stage per line as "stage = percent": "${line.slice(0, 40)}".`);
		out[line.slice(0, at).trim()] = value / 100;
	}
	return out;
}

export const actions: Actions = {
	thresholds: async ({ request, locals }) => {
		const form = await request.formData();
		const key = text(form, 'key');
		// Shares and growth are typed as percentages; HHI points, money and counts as they are.
		const scale = typedAsPercent(key) ? 100 : 1;
		const value =
			key === 'growth'
				? { approve_at: number(form, 'approve', scale), observe_below: number(form, 'observe', scale), reject_below: number(form, 'reject', scale) }
				: {
						direction: KPI_DEFAULTS[key as KpiId]?.direction,
						approve: number(form, 'approve', scale),
						observe: number(form, 'observe', scale),
						reject: number(form, 'reject', scale)
					};
		const dimension = text(form, 'scope_dim');
		try {
			await saveSetting(await getDatabase(), {
				key: key === 'growth' ? 'growth' : `thresholds.${key}`,
				value,
				scope: dimension ? { dimension, value: text(form, 'scope_value') } : null,
				effective_from: text(form, 'effective_from') || null,
				by: locals.user?.name ?? null,
				comment: text(form, 'comment') || null
			});
		} catch (error) {
			if (error instanceof SettingError) {
				const field = { approve_at: 'approve', observe_below: 'observe', reject_below: 'reject' }[error.field] ?? error.field;
				return fail(400, { form: key, field, message: error.message, code: error.code, limits: error.limits });
			}
			throw error;
		}
		return { form: key, saved: true };
	},

	// A goal for a month and scope (issue 16): a settings row 'goal', so its history is the settings'.
	goal: async ({ request, locals }) => {
		const form = await request.formData();
		const dimension = text(form, 'scope_dim');
		const count = (key: string) => (text(form, key) === '' ? null : number(form, key));
		// "12.000,50", "12,000.50", "12000,5": the last separator is the decimal one when followed by 1–2 digits.
		const raw = text(form, 'revenue_target').replace(/\s/g, '');
		const decimal = /[.,]\d{1,2}$/.test(raw) ? raw.slice(-3).replace(/^\d/, '').charAt(0) : '';
		const revenue = raw === '' ? Number.NaN : Number((decimal ? raw.replaceAll(decimal === ',' ? '.' : ',', '').replace(',', '.') : raw.replace(/[.,]/g, '')));
		try {
			await saveSetting(await getDatabase(), {
				key: 'goal',
				value: {
					revenue_target: revenue,
					new_clients_target: count('new_clients_target'),
					activated_target: count('activated_target'),
					quotes_target: count('quotes_target')
				},
				scope: dimension && dimension !== 'total' ? { dimension, value: text(form, 'scope_value') } : null,
				effective_from: text(form, 'month') || null,
				by: locals.user?.name ?? null,
				comment: text(form, 'comment') || null
			});
		} catch (error) {
			if (error instanceof SettingError) return fail(400, { form: 'goal', field: error.field, message: error.message });
			throw error;
		}
		return { form: 'goal', saved: true };
	},

	// Alert subscriptions (issue 16; admins: roles.ts refuses anyone else's POST to Ajustes).
	subscribe: async ({ request, locals }) => {
		const form = await request.formData();
		try {
			const { secret } = await addSubscription(await getDatabase(), { webhook_url: text(form, 'webhook_url'), emails: text(form, 'emails'), by: locals.user?.name ?? null });
			return { form: 'subscribe', created: true, secret };
		} catch (error) {
			if (error instanceof SubscriptionError) return fail(400, { form: 'subscribe', field: error.field, code: error.code });
			throw error;
		}
	},

	unsubscribe: async ({ request }) => {
		const id = Number((await request.formData()).get('id'));
		if (!Number.isSafeInteger(id) || id < 1) return fail(400, { form: 'unsubscribe' });
		await deleteSubscription(await getDatabase(), id);
		return { form: 'unsubscribe', removed: id };
	},

	definitions: async ({ request, locals }) => {
		const form = await request.formData();
		const db = await getDatabase();
		const current = await loadSettings(db);
		const entered: Record<string, unknown> = {
			window_days: number(form, 'window_days'),
			min_invoices: number(form, 'min_invoices'),
			min_amount: number(form, 'min_amount'),
			activation_event: text(form, 'activation_event'),
			abc_a: number(form, 'abc_a', 100),
			abc_b: number(form, 'abc_b', 100),
			currency: text(form, 'currency'),
			default_lang: text(form, 'default_lang'),
			stale_days: number(form, 'stale_days')
		};
		// Stage probabilities: one "stage = percent" per line (Ajustes shows them so).
		const stages = form.has('stage_probabilities') ? stageLines(text(form, 'stage_probabilities')) : current.stage_probabilities;
		if (stages instanceof SettingError) return fail(400, { form: 'definitions', field: stages.field, message: stages.message });
		entered.stage_probabilities = stages;
		const same = (a: unknown, b: unknown) => (typeof a === 'object' ? JSON.stringify(a) === JSON.stringify(b) : a === b);
		const changed = Object.entries(entered).filter(([key, value]) => !same(value, (current as unknown as Record<string, unknown>)[key]));
		try {
			for (const [key, value] of changed) checkSetting(key, value);
			// When the A cut-off moves past the current B, B moves first (a < b holds at each step).
			changed.sort(([a], [b]) => (a === 'abc_b' && (entered.abc_a as number) >= current.abc_b ? -1 : b === 'abc_b' && (entered.abc_a as number) >= current.abc_b ? 1 : 0));
			await db.transaction(async () => {
				for (const [key, value] of changed) await saveSetting(db, { key, value, by: locals.user?.name ?? null, comment: text(form, 'comment') || null });
			});
		} catch (error) {
			if (error instanceof SettingError) return fail(400, { form: 'definitions', field: error.field, message: error.message });
			throw error;
		}
		return { form: 'definitions', saved: true };
	}
};
