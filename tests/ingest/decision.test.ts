// Go / no-go (DESIGN.md §2–3, issue 15): an export's decision column (Decisión, Go/No go) and its
// reason load into opportunities.decision / decision_reason; a status that declines to bid
// (Descartada, Declinada, No go) is a no-go decision, closed as outcome no_go, never lost; a no-go
// decision turns an open or lost record into no_go. The last change and a quote's validity load too.
// Expected rows are written out by hand from tests/fixtures/decision/.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const FIXTURES = join(__dirname, '..', 'fixtures', 'decision');
const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder, 'decision.duckdb');
	const files = ['oportunidades_go_no_go.csv', 'presupuestos_validez.csv'].map((name) => ({ path: join(FIXTURES, name), name }));
	const report = await ingestFiles(db, files, {});
	expect(report.files.map((f) => [f.kind, f.loaded])).toEqual([['opportunities', 7], ['quotes', 3]]);
});
afterAll(() => {
	db.close();
	folder.remove();
});

describe('go / no-go from an export', () => {
	it('reads the decision, its reason and the last change, and closes declined records as no_go', async () => {
		const rows = await db.all<Record<string, string | null>>(
			`SELECT opportunity_id, kind, outcome, decision, decision_reason, strftime(last_change_at, '%Y-%m-%d') AS last_change_at
			 FROM opportunities ORDER BY opportunity_id`
		);
		expect(rows).toEqual([
			// Pendiente → pending; still open.
			{ opportunity_id: 'D-1', kind: 'tender', outcome: 'open', decision: 'pending', decision_reason: null, last_change_at: '2025-01-20' },
			// Estado Descartada, no decision written: the status says no-go; not lost.
			{ opportunity_id: 'D-2', kind: 'opportunity', outcome: 'no_go', decision: 'no_go', decision_reason: 'Fuera de zona', last_change_at: '2025-02-11' },
			// Sí → go.
			{ opportunity_id: 'D-3', kind: 'opportunity', outcome: 'open', decision: 'go', decision_reason: null, last_change_at: null },
			// Go, then lost: a loss.
			{ opportunity_id: 'D-4', kind: 'quote_request', outcome: 'lost', decision: 'go', decision_reason: null, last_change_at: null },
			// Perdida but the decision says No go: declining is not a loss.
			{ opportunity_id: 'D-5', kind: 'tender', outcome: 'no_go', decision: 'no_go', decision_reason: 'Sin capacidad', last_change_at: null },
			// Adelante → go; won.
			{ opportunity_id: 'D-6', kind: 'opportunity', outcome: 'won', decision: 'go', decision_reason: null, last_change_at: '2025-02-15' },
			// Declinada → no_go.
			{ opportunity_id: 'D-7', kind: 'opportunity', outcome: 'no_go', decision: 'no_go', decision_reason: 'No ofertar: plazo', last_change_at: null }
		]);
	});

	it("reads a quote's validity", async () => {
		const rows = await db.all<{ quote_id: string; valid_until: string | null }>(
			`SELECT quote_id, strftime(valid_until, '%Y-%m-%d') AS valid_until FROM quotes ORDER BY quote_id`
		);
		expect(rows).toEqual([
			{ quote_id: 'Q-1', valid_until: '2025-01-31' },
			{ quote_id: 'Q-2', valid_until: null },
			{ quote_id: 'Q-3', valid_until: '2025-01-15' }
		]);
	});
});
