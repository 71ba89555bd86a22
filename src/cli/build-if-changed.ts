// npm start builds only when the sources changed since the last build: a fingerprint of every
// source file (path, size, modification time) is kept next to the build and compared at start.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What the build is made from. */
const SOURCES = ['src', 'queries', 'static', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];
const STAMP = '.cartera-build-stamp';

/** The build folder: CARTERA_BUILD_DIR when several builds live side by side (svelte.config.js). */
export function buildDir(root: string): string {
	return join(root, process.env.CARTERA_BUILD_DIR ?? 'build');
}

function listFiles(path: string, out: string[]): void {
	if (!existsSync(path)) return;
	if (!statSync(path).isDirectory()) return void out.push(path);
	for (const entry of readdirSync(path)) listFiles(join(path, entry), out);
}

export function sourceFingerprint(root: string): string {
	const files: string[] = [];
	for (const source of SOURCES) listFiles(join(root, source), files);
	const hash = createHash('sha256');
	for (const file of files.sort()) {
		const { size, mtimeMs } = statSync(file);
		hash.update(`${relative(root, file)}\t${size}\t${mtimeMs}\n`);
	}
	return hash.digest('hex');
}

/** Whether the build folder holds a complete build of the current sources. */
export function buildIsCurrent(root: string, fingerprint = sourceFingerprint(root)): boolean {
	const dir = buildDir(root);
	if (!existsSync(join(dir, 'index.js')) || !existsSync(join(dir, STAMP))) return false;
	return readFileSync(join(dir, STAMP), 'utf8').trim() === fingerprint;
}

/**
 * Builds with vite when the sources changed (or there is no build). Says one line while it builds;
 * vite's own output is shown only when the build fails. Returns whether it built.
 */
export async function buildIfChanged(root: string): Promise<boolean> {
	// Taken before building: a file edited during the build makes the next start build again.
	const fingerprint = sourceFingerprint(root);
	if (buildIsCurrent(root, fingerprint)) return false;
	console.log('Compilando la aplicación… / Building the app…');
	const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const child = spawn(process.execPath, [vite, 'build'], { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const code = await new Promise<number | null>((resolve, reject) => {
		child.once('error', reject);
		child.once('close', resolve);
	});
	if (code !== 0) {
		process.stderr.write(output);
		throw new Error(`The build failed (vite build exited with code ${code}); its output is above.`);
	}
	writeFileSync(join(buildDir(root), STAMP), `${fingerprint}\n`);
	return true;
}
