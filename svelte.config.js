import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Separate folders let several builds run side by side (e.g. CARTERA_BUILD_DIR=build-x).
		adapter: adapter({ out: process.env.CARTERA_BUILD_DIR ?? 'build' }),
		outDir: process.env.CARTERA_BUILD_DIR ? `.svelte-kit-${process.env.CARTERA_BUILD_DIR}` : '.svelte-kit',
		// Our own check in src/lib/server/http/same-origin.ts: refuses cross-site posts, lets scripts through.
		csrf: { trustedOrigins: ['*'] }
	}
};

export default config;
