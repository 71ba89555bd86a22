// Runs a CLI entry point (src/cli/NAME.ts) in its own process, as `npm run NAME` does.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

const root = join(import.meta.dirname, '..', '..');
// node --import tsx: one process (no tsx wrapper), so its pid is the one holding the database.
const node = (script: string, args: string[]) => [process.execPath, ['--import', 'tsx', script, ...args]] as const;

/** `input`: text piped to the command's standard input (closed after it). */
export function runCli(name: string, args: string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const [cmd, argv] = node(join(root, 'src', 'cli', `${name}.ts`), args);
		const child = spawn(cmd, argv, { cwd: root, env: { ...process.env, ...env } });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
		child.stdin.end(input ?? '');
	});
}

/** Starts a process holding the database file; resolves once it has the lock. */
export function holdDatabase(path: string): Promise<ChildProcess> {
	return new Promise((resolve, reject) => {
		const [cmd, argv] = node(join(root, 'tests', 'helpers', 'hold-database.ts'), [path]);
		const child = spawn(cmd, argv, { cwd: root });
		child.stdout.on('data', (d) => String(d).includes('ready') && resolve(child));
		child.on('error', reject);
		child.on('close', (code) => reject(new Error(`holder exited with ${code}`)));
	});
}
