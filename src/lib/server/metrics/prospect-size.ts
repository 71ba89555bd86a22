// Prospect size as the register defines it (docs/definitions.md "Prospect size", docs/contract.md
// prospect_size): a prospect's expected yearly purchase, declared or from its opportunities, and
// which of the two the figure used. Computed by queries/prospect_size.sql.
import type { Database } from '../db/database';
import { runQuery } from '../queries';
import { lineParams } from './bind';
import type { MetricParams } from './params';
import type { Settings } from './settings';

export interface ProspectSizeDocument {
	from: string;
	to: string;
	as_of: string;
	/** Mean expected yearly purchase over the sized prospects (money, cents); null when none. */
	value: number | null;
	/** Where the sizes came from: every one declared, every one from opportunities, or both. */
	basis: 'declared' | 'opportunities' | 'mixed' | null;
	/** Clients named by records created in the period. */
	prospects: number;
	declared: number;
	from_opportunities: number;
	/** Prospects with neither a declared potential nor an opportunity amount in the year. */
	unsized: number;
}

type Row = Omit<ProspectSizeDocument, 'from' | 'to' | 'as_of'>;

export async function prospectSize(db: Database, p: MetricParams, s: Settings): Promise<ProspectSizeDocument> {
	const [row] = await runQuery<Row>(db, 'prospect_size', lineParams(p, s));
	return { from: p.from, to: p.to, as_of: p.as_of, ...row! };
}
