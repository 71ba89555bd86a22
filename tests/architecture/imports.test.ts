// The code reads in one direction: no import loop anywhere in src/ (type-only imports count: a
// loop of types is still two modules that cannot be understood apart), nothing under src/lib
// imports from the CLI (src/cli) or the routes (src/routes), and the ingest core
// (src/lib/server/ingest) imports nothing of i18n: its reports and errors are codes and values,
// worded at the edges. Imports are read from the sources:
// relative paths, $lib/… and the aliases of svelte.config.js; static, re-exports and dynamic import('…').
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import svelteConfig from '../../svelte.config.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');
/** Alias → folder: SvelteKit's $lib and the project's own (kit.alias). */
const ALIASES: [string, string][] = Object.entries({ $lib: 'src/lib', ...((svelteConfig.kit?.alias ?? {}) as Record<string, string>) }).map(([a, path]) => [
	a,
	resolve(ROOT, path)
]);

/** Known exceptions: remove each entry once it is fixed (none left; the database's migrations take a SqlSession, db/session.ts). */
const KNOWN_LOOPS: string[][] = [];
/** Files under src/lib that reach into src/cli or src/routes: none since the settings section moved to src/lib/features/settings. */
const KNOWN_REACHING: string[] = [];

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
	});
}

const SPECIFIER = /(?:\bimport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*|\bexport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;

/** The specifiers a file imports (comments left out, so an example in a comment is no import). */
export function specifiersOf(text: string): string[] {
	const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
	return [...code.matchAll(SPECIFIER)].map((m) => m[1]!);
}

/** The file of src an import names, or null for a package, a SvelteKit module or a generated type. */
function resolveImport(from: string, specifier: string): string | null {
	let base: string;
	const alias = ALIASES.find(([a]) => specifier === a || specifier.startsWith(`${a}/`));
	if (alias) base = join(alias[1], specifier.slice(alias[0].length));
	else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
	else return null;
	const candidates = [base, `${base}.ts`, `${base}.svelte`, `${base}.js`, base.replace(/\.js$/, '.ts'), join(base, 'index.ts'), join(base, 'index.js')];
	for (const c of candidates) {
		try {
			if (statSync(c).isFile() && c.startsWith(SRC)) return c;
		} catch {
			// not this one
		}
	}
	return null;
}

function importGraph(): Map<string, string[]> {
	const graph = new Map<string, string[]>();
	for (const file of sourceFiles(SRC)) {
		const targets = specifiersOf(readFileSync(file, 'utf8'))
			.map((s) => resolveImport(file, s))
			.filter((t): t is string => t !== null);
		graph.set(rel(file), [...new Set(targets.map(rel))]);
	}
	return graph;
}

const rel = (path: string) => relative(ROOT, path);

/** The loops of a graph: its strongly connected sets of more than one file, or a file importing itself (Tarjan). */
export function loopsOf(graph: Map<string, string[]>): string[][] {
	let counter = 0;
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const loops: string[][] = [];
	const visit = (v: string) => {
		index.set(v, counter);
		low.set(v, counter++);
		stack.push(v);
		onStack.add(v);
		for (const w of graph.get(v) ?? []) {
			if (!index.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v)!, low.get(w)!));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
		}
		if (low.get(v) === index.get(v)) {
			const set: string[] = [];
			let w: string;
			do {
				w = stack.pop()!;
				onStack.delete(w);
				set.push(w);
			} while (w !== v);
			if (set.length > 1 || (graph.get(v) ?? []).includes(v)) loops.push(set.sort());
		}
	};
	for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
	return loops.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

describe('the import graph of src/', () => {
	const graph = importGraph();

	it('reads the imports it checks (a sanity check of the reader itself)', () => {
		expect(graph.size).toBeGreaterThan(100);
		expect(graph.get('src/lib/server/ingest/ingest.ts')).toContain('src/lib/server/ingest/plan.ts');
		expect(graph.get('src/lib/server/uploads/stage.ts')).toContain('src/lib/server/ingest/plan.ts');
		expect(specifiersOf(`import type { A } from './a';\nexport { b } from "../b";\n// import { c } from './c';\nconst d = await import('./d');\nimport './e.css';`)).toEqual([
			'./a',
			'../b',
			'./d',
			'./e.css'
		]);
		const loop = new Map([
			['a', ['b']],
			['b', ['c']],
			['c', ['a']],
			['d', ['a']]
		]);
		expect(loopsOf(loop)).toEqual([['a', 'b', 'c']]);
	});

	it('has no import loop', () => {
		const loops = loopsOf(graph).filter((set) => !KNOWN_LOOPS.some((known) => known.join('|') === set.join('|')));
		expect(loops).toEqual([]);
	});

	it('has src/lib import nothing from src/cli or src/routes', () => {
		const reaching = [...graph].flatMap(([file, targets]) =>
			file.startsWith('src/lib/') ? targets.filter((t) => t.startsWith('src/cli/') || t.startsWith('src/routes/')).map((t) => `${file} → ${t}`) : []
		);
		expect(reaching.filter((r) => !KNOWN_REACHING.includes(r))).toEqual([]);
	});

	it('has the ingest core import nothing from src/lib/i18n (its reports and errors are codes, said at the edges)', () => {
		const worded = [...graph].flatMap(([file, targets]) =>
			file.startsWith('src/lib/server/ingest/') ? targets.filter((t) => t.startsWith('src/lib/i18n/')).map((t) => `${file} → ${t}`) : []
		);
		expect(worded).toEqual([]);
		// The rule is read from real edges: the words do reach the report, through the edge module.
		expect(graph.get('src/lib/i18n/ingest-report.ts')).toContain('src/lib/server/ingest/report.ts');
	});
});
