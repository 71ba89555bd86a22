// The funnel of each entry kind and the go / no-go decisions (docs/definitions.md "Funnel by entry
// kind", "Go / no-go"; docs/contract.md funnel), computed by queries/funnel.sql and
// queries/decision_reasons.sql; this layer only binds parameters and shapes the rows.
import type { Database } from '../db/database';
import { runQuery } from '../queries';
import { lineParams } from './bind';
import type { MetricParams } from './params';
import type { Settings } from './settings';

export const ENTRY_KINDS = ['lead', 'opportunity', 'tender', 'quote_request'] as const;

export interface FunnelRow {
	/** lead | opportunity | tender | quote_request, or a kind as the export wrote it; null: all kinds. */
	kind: string | null;
	created: number;
	go: number;
	no_go: number;
	pending: number;
	won: number;
	lost: number;
	open: number;
	created_amount: number;
	won_amount: number;
	conversion: number | null;
	win_rate: number | null;
	no_go_rate: number | null;
}

export interface ReasonRow {
	reason: string | null;
	count: number;
	amount: number;
}

export interface FunnelDocument {
	from: string;
	to: string;
	/** The four entry kinds (always, zeros when none), then any other kind the export wrote. */
	kinds: FunnelRow[];
	/** All kinds together. */
	all: FunnelRow;
	no_go_reasons: ReasonRow[];
}

export async function funnel(db: Database, p: MetricParams, s: Settings): Promise<FunnelDocument> {
	const params = lineParams(p, s);
	const rows = await runQuery<FunnelRow>(db, 'funnel', params);
	const reasons = await runQuery<ReasonRow>(db, 'decision_reasons', params);
	return { from: p.from, to: p.to, kinds: rows.filter((r) => r.kind !== null), all: rows.find((r) => r.kind === null)!, no_go_reasons: reasons };
}
