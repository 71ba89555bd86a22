// The shapes recognition passes around: a mapping of columns to headers, how each was matched,
// what the file's values say (coded facts), and how sure the chosen kind is.
import type { Kind, KindSpec } from '../kinds';

/** Canonical column → index of the source header that fills it. */
export type ColumnMapping = Record<string, number>;

/** How a column found its header: a synonym of the kind, a generic header in its context, a last resort (a tax id), the key/name rule, or its values (a status column). */
export type MatchedBy = 'synonym' | 'generic' | 'last-resort' | 'key-name' | 'values' | 'group';

/** The first records of a file, and which of their values are known client and product codes. */
export interface ValueEvidence {
	rows: string[][];
	knownClients?: Set<string>;
	knownProducts?: Set<string>;
}

/** One thing the file says, coded (the words are on the i18n side: ingest-messages.ts). */
export type Fact =
	| { code: 'headers'; matched: number; total: number }
	| { code: 'dates'; column: string }
	| { code: 'months'; column: string }
	| { code: 'amounts'; column: string }
	| { code: 'documents'; n: number; rows: number }
	| { code: 'parties'; n: number }
	| { code: 'unique_keys'; column: string; n: number }
	| { code: 'repeated_keys'; column: string; distinct: number; rows: number }
	| { code: 'not_dates'; column: string }
	| { code: 'not_amounts'; column: string }
	| { code: 'stages'; column: string }
	| { code: 'statuses'; column: string }
	| { code: 'known_codes'; column: string; n: number };

export interface Recognition {
	/** 0–1: how far the chosen kind stands above the next one (1 when no other kind fits). */
	confidence: number;
	/** What in the file says so. */
	evidence: Fact[];
	/** The other kinds the file could have been, with their confidence. */
	others: { kind: Kind; confidence: number }[];
}

export interface KindMatch {
	spec: KindSpec;
	mapping: ColumnMapping;
	/** Required canonical columns with no header (empty when the file is of this kind). */
	missing: string[];
	/** How each mapped column was matched. */
	matchedBy: Record<string, MatchedBy>;
	/** Kind detection only: how sure, and what in the file says so. */
	recognition?: Recognition;
	/**
	 * A report grouped by client (QuickBooks' "Sales by Customer Detail"): the column that names the
	 * client only on each group's heading row, to be filled down over the group's lines.
	 */
	groupColumn?: number;
}
