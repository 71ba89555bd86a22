// A setting's stored value (JSON) as Ajustes' forms take it, for its history and rules tables:
// bands in per cent with what each limit means, amounts with the currency, choices by name, never
// the raw JSON or a fraction.
import { formatMoney, formatNumber, formatPercent } from '$lib/format';
import type { Lang } from '$lib/i18n/lang';
import { formatKpi } from '$lib/kpi-units';
import type { Bands, GrowthThresholds } from '$lib/thresholds';
import { bandWords, type BandLimit } from './band-words';
import { goalMessages } from './goal-messages';
import { messages } from './messages';

const LANG_NAMES: Record<string, string> = { es: 'Español', en: 'English' };
const LIMITS: BandLimit[] = ['approve', 'observe', 'reject'];

function parse(json: string): unknown {
	try {
		return JSON.parse(json);
	} catch {
		return json;
	}
}

function bandsText(id: string, b: Bands, lang: Lang, currency: string): string {
	const t = messages[lang];
	const words = bandWords[lang][b.direction];
	return [t[b.direction], ...LIMITS.map((l) => `${words[l]} ${formatKpi(id, b[l], lang, currency)}`)].join(' · ');
}

function goalText(g: Record<string, number | null>, lang: Lang, currency: string): string {
	const words = goalMessages[lang];
	const counts = Object.keys(words.countText).flatMap((k) => (g[k] === null || g[k] === undefined ? [] : [`${formatNumber(g[k]!, lang)} ${words.countText[k]}`]));
	return words.goalText(formatMoney(g.revenue_target ?? 0, lang, currency), counts);
}

export function settingValueText(key: string, json: string, lang: Lang, currency: string): string {
	const t = messages[lang];
	const value = parse(json);
	const kpi = /^thresholds\.(.+)$/.exec(key)?.[1];
	if (kpi && value && typeof value === 'object') return bandsText(kpi, value as Bands, lang, currency);
	if (key === 'growth' && value && typeof value === 'object') {
		const g = value as GrowthThresholds;
		return bandsText('growth', { direction: 'higher', approve: g.approve_at, observe: g.observe_below, reject: g.reject_below }, lang, currency);
	}
	if (key === 'goal' && value && typeof value === 'object') return goalText(value as Record<string, number | null>, lang, currency);
	if (key === 'activation_event') return t.activation_events[value as keyof typeof t.activation_events] ?? String(value);
	if (key === 'stage_probabilities' && value && typeof value === 'object') {
		const stages = Object.entries(value as Record<string, number>);
		return stages.length ? stages.map(([stage, p]) => `${stage} = ${formatPercent(p, lang, 0)}`).join('; ') : t.stage_probabilities_none;
	}
	if ((key === 'abc_a' || key === 'abc_b') && typeof value === 'number') return formatPercent(value, lang);
	if (key === 'min_amount' && typeof value === 'number') return formatMoney(value, lang, currency);
	if (key === 'default_lang' && typeof value === 'string') return LANG_NAMES[value] ?? value;
	if (typeof value === 'number') return formatNumber(value, lang, Number.isInteger(value) ? 0 : 2);
	if (typeof value === 'string') return value;
	// Anything else (a setting this list does not know yet): its fields in words, not JSON.
	if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k.replace(/_/g, ' ')}: ${typeof v === 'number' ? formatNumber(v, lang, 2) : String(v)}`).join(' · ');
	return String(value);
}
