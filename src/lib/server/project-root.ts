// Locates the project's root folder (the one holding package.json, queries/ and data/),
// wherever the calling code runs from: src/ under tsx or vitest, build/server/chunks/ in production.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function projectRoot(): string {
	if (cached) return cached;
	const starts = [dirname(fileURLToPath(import.meta.url)), process.cwd()];
	for (const start of starts) {
		let dir = resolve(start);
		for (;;) {
			const pkg = join(dir, 'package.json');
			if (existsSync(pkg) && existsSync(join(dir, 'queries'))) {
				const name = (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name;
				if (name === 'cartera') return (cached = dir);
			}
			const parent = dirname(dir);
			if (parent === dir) break;
			dir = parent;
		}
	}
	throw new Error('Cannot find the Cartera project folder (package.json next to queries/).');
}
