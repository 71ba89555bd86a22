import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['tests/**/*.test.ts'],
		globalSetup: ['tests/helpers/global-setup.ts'],
		// Tests share the CPU with DuckDB and Chromium; one file at a time keeps them predictable.
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 120_000
	}
});
