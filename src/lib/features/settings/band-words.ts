// What each band limit of a KPI means, said as the rule judges (lib/thresholds.ts `judge`):
// higher is better — approved from the limit up, observed and rejected below theirs; lower is
// better — approved up to the limit, observed and rejected above theirs. Ajustes' fields and its
// history both say a limit with these words.
import type { Lang } from '$lib/i18n/lang';

export type BandLimit = 'approve' | 'observe' | 'reject';
type Words = Record<'higher' | 'lower', Record<BandLimit, string>>;

export const bandWords: Record<Lang, Words> = {
	es: {
		higher: { approve: 'Aprobado desde', observe: 'Observado por debajo de', reject: 'Rechazado por debajo de' },
		lower: { approve: 'Aprobado hasta', observe: 'Observado por encima de', reject: 'Rechazado por encima de' }
	},
	en: {
		higher: { approve: 'Approved from', observe: 'Observed below', reject: 'Rejected below' },
		lower: { approve: 'Approved up to', observe: 'Observed above', reject: 'Rejected above' }
	}
};
