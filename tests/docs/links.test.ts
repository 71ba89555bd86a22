// Every relative link of the README and docs/*.md resolves to a file of the repository: a clone
// has nothing outside it, so a link like the README's old `../shared/DESIGN.md` (the figures'
// definitions, now docs/definitions.md) is broken for everyone but its author.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenLinks, markdownAnchors, markdownLinks } from './markdown-links';

const root = process.cwd();
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const documents = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

describe('links of the documentation', () => {
	it('covers the README and the definitions and contract pages', () => {
		expect(documents).toEqual(expect.arrayContaining(['README.md', 'docs/definitions.md', 'docs/contract.md']));
	});

	it.each(documents)('%s: every relative link resolves inside the repository', (file) => {
		const broken = brokenLinks(root, join(root, file)).map((l) => `${file}:${l.line} ${l.target} — ${l.problem}`);
		expect(broken).toEqual([]);
	});

	it.each(documents)('%s: names no file outside the repository, in a link or in text', (file) => {
		const links = markdownLinks(read(file)).map((l) => l.target);
		expect(links.filter((t) => t.includes('../shared'))).toEqual([]);
		expect(read(file)).not.toMatch(/\.\.\/shared\/|DESIGN\.md/);
	});

	it('the README sends readers to the definitions and the contract', () => {
		const targets = markdownLinks(read('README.md')).map((l) => l.target);
		expect(targets).toEqual(expect.arrayContaining(['docs/definitions.md', 'docs/contract.md']));
	});

	it('every figure file of queries/ the definitions cite exists, and each figure names its file', () => {
		const targets = markdownLinks(read('docs/definitions.md')).map((l) => l.target);
		for (const figure of ['segmentation', 'concentration', 'activation', 'growth', 'forecast', 'quotes', 'retention', 'pipeline'])
			expect(targets).toContain(`../queries/${figure}.sql`);
	});
});

describe('the link checker', () => {
	// It must be able to fail: a page with each kind of broken link, in a throwaway repository folder.
	const folder = mkdtempSync(join(tmpdir(), 'cartera-links-'));
	afterAll(() => rmSync(folder, { recursive: true, force: true }));
	mkdirSync(join(folder, 'docs'), { recursive: true });
	writeFileSync(join(folder, 'docs', 'target.md'), '# A heading, with punctuation (ABC / Pareto)\n\n## Repeated\n\n## Repeated\n');
	writeFileSync(
		join(folder, 'README.md'),
		[
			'See [the design](../shared/DESIGN.md) and [a page](docs/target.md#a-heading-with-punctuation-abc--pareto).',
			'A [missing file](docs/missing.md), a [missing anchor](docs/target.md#nowhere), [the second one](docs/target.md#repeated-1).',
			'![picture](/etc/passwd) and [web](https://example.com/x.md) and [self](#nothing-here).',
			'`[not a link](nowhere.md)` in code, and a reference:',
			'',
			'```sh',
			'echo "[also not](nowhere.md)"',
			'```',
			'',
			'[ref]: docs/gone.md'
		].join('\n')
	);

	it('reports links outside the repository, missing files and anchors, absolute paths; skips web links and code', () => {
		const found = brokenLinks(folder, join(folder, 'README.md')).map((l) => [l.line, l.target, l.problem]);
		expect(found).toEqual([
			[1, '../shared/DESIGN.md', 'points outside the repository'],
			[2, 'docs/missing.md', 'no such file in the repository'],
			[2, 'docs/target.md#nowhere', 'no heading makes the anchor #nowhere'],
			[3, '/etc/passwd', 'an absolute path: only relative links work in a clone'],
			[3, '#nothing-here', 'no heading makes the anchor #nothing-here'],
			[10, 'docs/gone.md', 'no such file in the repository']
		]);
	});

	it('makes the anchors GitHub makes', () => {
		const anchors = markdownAnchors('# Billing tier (ABC / Pareto)\n## Revenue bridge, client movements\n## Días hasta la activación\n## x\n## x\n');
		expect([...anchors]).toEqual(['billing-tier-abc--pareto', 'revenue-bridge-client-movements', 'días-hasta-la-activación', 'x', 'x-1']);
	});
});
