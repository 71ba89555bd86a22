// The queries as they run when nothing asks for a billing tier or a status ("plain").
//
// DuckDB binds every macro a query names, the branches its bound parameters then fold away
// included, and the classification of clients (cartera_month_classes and cartera_client_classes,
// queries/sales.sql, with the classified lines they fall back on) is the largest of them: binding
// it took about a third of each figure's time on the demo (seventeen figures: 1,913 → 1,298 ms),
// where the data is too small for anything else to matter. So every table macro that reaches those
// two has a twin, <name>__plain, in which they are empty tables, and a query that runs plain names
// the twins.
//
// A query runs plain when no billing-tier or status filter is given and it does not classify by
// itself: no dimension parameter (dim, dim2) is billing_tier or status, and it is not one of the
// queries that show a client's tier or status (PLAIN_NEVER). Every use of the classification in the
// other queries is guarded by those filters or those dimensions, so its rows are never read there
// and the answer is the same: tests/server/plain-queries.test.ts computes every figure, list and
// page query both ways. CARTERA_PLAIN_QUERIES=0 runs every query classified, to compare.
import type { Params } from './db/database';
import { DIMENSION_REGISTRY } from '../dimensions';
import { expandFragments } from './query-fragments';

/** The classification macros, empty in the plain twins. */
const ROOTS = ['cartera_month_classes', 'cartera_client_classes'];

/** Queries that show each client's tier or status whatever the filters (the client list's columns). */
const PLAIN_NEVER = new Set(['client_list']);

/** billing_tier and status: the dimensions computed by classifying clients. */
const COMPUTED: string[] = DIMENSION_REGISTRY.filter((d) => d.source === 'computed').map((d) => d.id);

/** The empty twins of the classification macros: same parameters, same columns, no row. */
const STUBS = expandFragments(
	[
		'CREATE OR REPLACE TEMP MACRO cartera_month_classes__plain({{filter_params}}, by_product_line, with_tier, with_status) AS TABLE',
		'SELECT NULL::VARCHAR AS client_id, NULL::VARCHAR AS billing_tier, NULL::VARCHAR AS status WHERE false;',
		'CREATE OR REPLACE TEMP MACRO cartera_client_classes__plain({{filter_params}}, month_grain, with_tier, with_status) AS TABLE',
		'SELECT NULL::VARCHAR AS client_id, NULL::VARCHAR AS billing_tier, NULL::VARCHAR AS status WHERE false;'
	].join('\n'),
	'plain-queries'
);

const CALL = /\b(cartera_[a-z0-9_]+)\s*\(/g;

/** A file's macro definitions by name: each one's statement, and the macros its body calls (comments left out). */
function macroStatements(text: string): Map<string, { statement: string; calls: Set<string> }> {
	const out = new Map<string, { statement: string; calls: Set<string> }>();
	for (const statement of text.split(/(?=CREATE\s+OR\s+REPLACE\s+TEMP\s+MACRO\s)/i)) {
		const name = /^CREATE\s+OR\s+REPLACE\s+TEMP\s+MACRO\s+(cartera_[a-z0-9_]+)/i.exec(statement)?.[1];
		if (!name) continue;
		const calls = new Set([...statement.replace(/--.*$/gm, '').matchAll(CALL)].map((m) => m[1]!).filter((c) => c !== name));
		out.set(name, { statement, calls });
	}
	return out;
}

/** The macros that reach the classification, the roots included: those that get a twin. */
export function classifyingMacros(macroTexts: string[]): Set<string> {
	const calls = new Map<string, Set<string>>();
	for (const text of macroTexts) for (const [name, m] of macroStatements(text)) calls.set(name, m.calls);
	const reached = new Set(ROOTS);
	for (let grew = true; grew; ) {
		grew = false;
		for (const [name, c] of calls) {
			if (reached.has(name) || ![...c].some((x) => reached.has(x))) continue;
			reached.add(name);
			grew = true;
		}
	}
	return reached;
}

/** The text with every call of those macros (and every definition of one) naming its twin. */
export function plainText(text: string, classifying: Set<string>): string {
	return text.replace(CALL, (call, name: string) => (classifying.has(name) ? call.replace(name, `${name}__plain`) : call));
}

/**
 * The twins' definitions in an order DuckDB accepts (a macro is created after those it calls): the
 * roots first, as empty tables (their statements are not copied), then each classifying macro's
 * statement renamed.
 */
export function plainDefinitions(macroTexts: string[], classifying: Set<string>): string[] {
	const pending = new Map<string, { statement: string; calls: Set<string> }>();
	for (const text of macroTexts)
		for (const [name, m] of macroStatements(text)) if (classifying.has(name) && !ROOTS.includes(name)) pending.set(name, m);
	const out = [STUBS];
	const done = new Set(ROOTS);
	while (pending.size) {
		const ready = [...pending].filter(([, t]) => [...t.calls].every((c) => !classifying.has(c) || done.has(c)));
		if (!ready.length) throw new Error(`plain twins call each other in a circle: ${[...pending.keys()].join(', ')}`);
		for (const [name, t] of ready) {
			out.push(plainText(t.statement, classifying));
			done.add(name);
			pending.delete(name);
		}
	}
	return out;
}

/** Whether query `name` with these parameters may run plain (see the top of this file). */
export function runsPlain(name: string, params: Params): boolean {
	if (process.env.CARTERA_PLAIN_QUERIES === '0' || Array.isArray(params) || PLAIN_NEVER.has(name)) return false;
	const p = params as Record<string, unknown>;
	if (COMPUTED.some((id) => p[`f_${id}`] != null)) return false;
	return !Object.entries(p).some(([key, value]) => /(^|_)dim2?$/.test(key) && COMPUTED.includes(value as string));
}
