// npm start builds only when the sources changed (src/cli/build-if-changed.ts): the fingerprint
// follows every edit, addition and removal under the source folders, and a build counts as
// current only with its stamp matching the sources of now.
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { buildIsCurrent, sourceFingerprint } from '../../src/cli/build-if-changed';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder('cartera-build-stamp-');
const root = folder.dir;
const saved = process.env.CARTERA_BUILD_DIR;

beforeEach(() => {
	rmSync(join(root, 'src'), { recursive: true, force: true });
	rmSync(join(root, 'build'), { recursive: true, force: true });
	mkdirSync(join(root, 'src', 'routes'), { recursive: true });
	writeFileSync(join(root, 'src', 'routes', 'page.svelte'), '<p>hola</p>');
	writeFileSync(join(root, 'svelte.config.js'), 'export default {};');
	delete process.env.CARTERA_BUILD_DIR;
});
afterAll(() => {
	if (saved === undefined) delete process.env.CARTERA_BUILD_DIR;
	else process.env.CARTERA_BUILD_DIR = saved;
	folder.remove();
});

function stamp(value: string): void {
	mkdirSync(join(root, 'build'), { recursive: true });
	writeFileSync(join(root, 'build', 'index.js'), '');
	writeFileSync(join(root, 'build', '.cartera-build-stamp'), `${value}\n`);
}

describe('the sources fingerprint', () => {
	it('stays the same while nothing changes, and changes with an edit, a new file or a removed one', () => {
		const first = sourceFingerprint(root);
		expect(sourceFingerprint(root)).toBe(first);
		const later = new Date(Date.now() + 60_000);
		utimesSync(join(root, 'src', 'routes', 'page.svelte'), later, later);
		const edited = sourceFingerprint(root);
		expect(edited).not.toBe(first);
		writeFileSync(join(root, 'src', 'routes', 'nueva.ts'), '');
		const added = sourceFingerprint(root);
		expect(added).not.toBe(edited);
		rmSync(join(root, 'src', 'routes', 'nueva.ts'));
		expect(sourceFingerprint(root)).toBe(edited);
		writeFileSync(join(root, 'svelte.config.js'), 'export default { kit: {} };');
		expect(sourceFingerprint(root)).not.toBe(edited);
	});
});

describe('whether the build is current', () => {
	it('is not without a build, nor with a stamp of other sources; it is with the stamp of these', () => {
		expect(buildIsCurrent(root)).toBe(false);
		stamp('otra cosa');
		expect(buildIsCurrent(root)).toBe(false);
		stamp(sourceFingerprint(root));
		expect(buildIsCurrent(root)).toBe(true);
		writeFileSync(join(root, 'src', 'routes', 'otra.ts'), '');
		expect(buildIsCurrent(root)).toBe(false);
	});

	it('looks in CARTERA_BUILD_DIR when set', () => {
		stamp(sourceFingerprint(root));
		process.env.CARTERA_BUILD_DIR = 'build-otra';
		expect(buildIsCurrent(root)).toBe(false);
		delete process.env.CARTERA_BUILD_DIR;
		expect(buildIsCurrent(root)).toBe(true);
	});
});
