// Runs once per `vitest run`: a folder for the demo database that test files copy
// (tests/helpers/demo-database.ts), removed at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		/** A folder kept for this run; empty until the first copy of the demo. */
		demoCacheDir: string;
	}
}

export default function setup(project: TestProject): () => void {
	const dir = mkdtempSync(join(tmpdir(), 'cartera-demo-cache-'));
	project.provide('demoCacheDir', dir);
	return () => rmSync(dir, { recursive: true, force: true });
}
