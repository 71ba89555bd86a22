import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		// Our own check in src/lib/server/http/same-origin.ts: refuses cross-site posts, lets scripts through.
		csrf: { trustedOrigins: ['*'] }
	}
};

export default config;
