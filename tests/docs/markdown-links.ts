// The relative links of a Markdown file and what is wrong with each: a target outside the
// repository (a clone would not have it: `../shared/DESIGN.md` was one), a file that does not
// exist or that git ignores (data/cartera.duckdb is on disk, not in a clone), or an anchor no
// heading of the target makes. Web links (http:, mailto:…) are not checked.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

export interface MarkdownLink {
	/** 1-based line of the link in the file. */
	line: number;
	target: string;
}

export interface BrokenLink extends MarkdownLink {
	problem: string;
}

/** Text without fenced code blocks and inline code spans (their brackets are not links); line breaks kept. */
function withoutCode(text: string): string {
	const blanked = text.replace(/^( {0,3})(```|~~~)[^\n]*\n[\s\S]*?^\1\2[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ' '));
	return blanked.replace(/(`+)[^`\n]*?\1/g, (span) => ' '.repeat(span.length));
}

// [text](target "title") and ![alt](target): link text may hold one level of brackets, the target
// one level of parentheses (SvelteKit's route folders), or be written <like this>.
const INLINE = /!?\[(?:[^[\]\n]|\[[^[\]\n]*\])*\]\(\s*(<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))+)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;
// [label]: target
const REFERENCE = /^ {0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)/gm;

export function markdownLinks(text: string): MarkdownLink[] {
	const plain = withoutCode(text);
	const lineOf = (index: number) => plain.slice(0, index).split('\n').length;
	const links: MarkdownLink[] = [];
	for (const pattern of [INLINE, REFERENCE])
		for (const match of plain.matchAll(pattern)) {
			const target = match[1]!.replace(/^<|>$/g, '');
			links.push({ line: lineOf(match.index), target });
		}
	return links.sort((a, b) => a.line - b.line);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
	return heading
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

/** The anchors a Markdown text's headings make (repeated headings get -1, -2…). */
export function markdownAnchors(text: string): Set<string> {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	for (const match of withoutCode(text).matchAll(/^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
		const base = slug(match[1]!);
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		anchors.add(count === 0 ? base : `${base}-${count}`);
	}
	return anchors;
}

const WEB = /^[a-z][a-z0-9+.-]*:/i;

/** Whether git ignores the path (so a clone lacks it); false where git cannot say (no git, no repository). */
function ignoredByGit(root: string, path: string): boolean {
	try {
		execFileSync('git', ['check-ignore', '-q', '--', path], { cwd: root, stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** The relative links of `file` (a Markdown file inside `root`) that do not resolve inside `root`. */
export function brokenLinks(root: string, file: string): BrokenLink[] {
	const text = readFileSync(file, 'utf8');
	const broken: BrokenLink[] = [];
	for (const link of markdownLinks(text)) {
		if (WEB.test(link.target) || link.target.startsWith('//')) continue;
		const [pathPart = '', anchor] = link.target.split('#', 2) as [string, string | undefined];
		const path = decodeURIComponent(pathPart.split('?')[0]!);
		if (isAbsolute(path)) {
			broken.push({ ...link, problem: 'an absolute path: only relative links work in a clone' });
			continue;
		}
		const resolved = path === '' ? file : resolve(dirname(file), path);
		const inside = relative(root, resolved);
		if (inside.startsWith('..') || isAbsolute(inside)) {
			broken.push({ ...link, problem: 'points outside the repository' });
			continue;
		}
		if (!existsSync(resolved)) {
			broken.push({ ...link, problem: 'no such file in the repository' });
			continue;
		}
		if (ignoredByGit(root, inside)) {
			broken.push({ ...link, problem: 'ignored by git: a clone does not have it' });
			continue;
		}
		if (anchor && resolved.endsWith('.md') && statSync(resolved).isFile() && !markdownAnchors(readFileSync(resolved, 'utf8')).has(anchor))
			broken.push({ ...link, problem: `no heading makes the anchor #${anchor}` });
	}
	return broken;
}
