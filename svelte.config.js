import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Separate folders let several builds run side by side (e.g. CARTERA_BUILD_DIR=build-x).
		adapter: adapter({ out: process.env.CARTERA_BUILD_DIR ?? 'build' }),
		outDir: process.env.CARTERA_BUILD_DIR ? `.svelte-kit-${process.env.CARTERA_BUILD_DIR}` : '.svelte-kit',
		// The request handling that imports SvelteKit (guard, cookies, headers) lives beside hooks.server.ts,
		// outside the framework-free core under src/lib/server.
		alias: { $http: 'src/http' },
		// Our own check in src/http/same-origin.ts: refuses cross-site posts, lets scripts through.
		csrf: { trustedOrigins: ['*'] },
		// Content-Security-Policy on every page (issue 13). Scripts only from this site and
		// SvelteKit's own inline start-up script, by nonce ('auto': a hash on prerendered pages).
		// Styles may be inline: Svelte's style: directives, Observable Plot's charts and
		// app.html's wrapper set style attributes. Images from data: and blob: URLs are the charts'
		// PNG export. No page may be framed (also X-Frame-Options, hooks.server.ts).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
