// A rate's change is in points on every page (docs/definitions.md "Comparison periods"): the unit of
// a tile's change is decided by shared/change.ts from the kind the page gives the tile, so each
// page's tiles are read here: a tile whose figure is shown in per cent (a rate or a share) is of
// kind "rate" (its change in points), any other of kind "amount" (its change in %). On Resumen the
// same rule reads `points(…)` / `relative(…)` beside the value's formatter.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figureChange } from '../../src/lib/features/shared/change';
import { formatKpi, kpiUnit } from '../../src/lib/kpi-units';

const FEATURES = join(process.cwd(), 'src', 'lib', 'features');

/** Every `<Tag … />` element of the Svelte pages under src/lib/features, with its file. */
function elements(tag: string): { file: string; text: string }[] {
	const found: { file: string; text: string }[] = [];
	for (const section of readdirSync(FEATURES)) {
		const dir = join(FEATURES, section);
		for (const name of readdirSync(dir).filter((f) => f.endsWith('.svelte'))) {
			const source = readFileSync(join(dir, name), 'utf8');
			for (const m of source.matchAll(new RegExp(`<${tag}\\b([\\s\\S]*?)/>`, 'g'))) found.push({ file: `${section}/${name}`, text: m[1]! });
		}
	}
	return found;
}

/** The expression of a prop (`name={…}`, braces balanced) or its quoted value. */
function prop(text: string, name: string): string | null {
	const quoted = text.match(new RegExp(`\\s${name}="([^"]*)"`));
	if (quoted) return quoted[1]!;
	const start = text.search(new RegExp(`\\s${name}=\\{`));
	if (start < 0) return null;
	let depth = 0;
	const open = text.indexOf('{', start);
	for (let i = open; i < text.length; i++) {
		if (text[i] === '{') depth++;
		if (text[i] === '}' && --depth === 0) return text.slice(open + 1, i);
	}
	return null;
}

/** A formatter that writes a per cent: the pages' `rate` (formatRate) or a percent formatter. */
const PERCENT = /^rate$|formatRate|formatPercent|\bpct\(/;

describe('tiles: a figure shown in per cent changes in points, any other in per cent', () => {
	const tiles = elements('MetricTile');

	it('finds the tiles of Activación, Pronóstico, Embudo and Resumen', () => {
		const files = new Set(tiles.map((t) => t.file));
		for (const file of ['activation/ActivationPage.svelte', 'forecast/ForecastPage.svelte', 'pipeline/PipelinePage.svelte']) expect(files).toContain(file);
		expect(elements('KpiTile').filter((t) => t.file === 'overview/OverviewPage.svelte').length).toBeGreaterThanOrEqual(4);
	});

	it.each(tiles.map((t) => [`${t.file} ${prop(t.text, 'testid')}`, t] as const))('%s', (_, tile) => {
		const format = prop(tile.text, 'format');
		expect(format, 'a tile states its format').not.toBeNull();
		expect(prop(tile.text, 'kind')).toBe(PERCENT.test(format!) ? 'rate' : 'amount');
	});

	it.each(elements('KpiTile').map((t) => [`${t.file} ${prop(t.text, 'testid')}`, t] as const))('Resumen %s', (_, tile) => {
		const change = prop(tile.text, 'change')!;
		if (change === 'processChange(id)') return; // the commercial process's row: read by unit below
		expect(change).toMatch(/^(points|relative)\(/);
		expect(change.startsWith('points(')).toBe(PERCENT.test(prop(tile.text, 'value')!));
	});

	it('Resumen: a commercial process tile written in per cent changes in points, the others in per cent', () => {
		// The row's tiles write their value with formatKpi and their change with processChange, which
		// takes points exactly for the KPIs whose unit is a share (kpi-units.ts).
		const source = readFileSync(join(FEATURES, 'overview', 'OverviewPage.svelte'), 'utf8');
		expect(source).toMatch(/const processChange = [\s\S]*?kpiUnit\(id\) === 'share' \? points\([\s\S]*?: tileChange\('amount'/);
		const row = elements('KpiTile').filter((t) => prop(t.text, 'change') === 'processChange(id)');
		expect(row).toHaveLength(1);
		expect(prop(row[0]!.text, 'value')).toMatch(/^formatKpi\(id,/);
		for (const id of ['quotes_per_month', 'prospect_size', 'repeat_rate', 'prospect_conversion_rate', 'win_rate']) {
			expect(formatKpi(id, 0.5, 'es', 'Bs.').endsWith('%'), id).toBe(kpiUnit(id) === 'share');
		}
	});

	it('the shared rule writes a rate’s change in points and names its relative change as such', () => {
		const c = figureChange('rate', 0.348, 0.38, 'es')!;
		expect(c.text).toMatch(/pp$/);
		expect(c.relative).toMatch(/relativo$/);
		expect(figureChange('amount', 348, 380, 'es')!.text).toMatch(/%$/);
	});
});
