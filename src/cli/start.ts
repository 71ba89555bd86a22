// npm start: creates the demo database when there is none, then serves the built app.
import { defaultDatabasePath } from '../lib/server/db/db-path';
import { buildDemoDatabase, needsDemo } from '../lib/server/demo';
import { projectRoot } from '../lib/server/project-root';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from './run';

await runCli(async () => {
	const path = defaultDatabasePath();
	process.env.CARTERA_DB = path;
	if (await needsDemo(path)) {
		console.log(`No data yet: loading the demo exports of data/demo into ${path} …`);
		await buildDemoDatabase(path);
	}
	const port = process.env.PORT ?? '3000';
	process.env.PORT = port;
	// Uploads stream to disk with their own size limit (CARTERA_MAX_UPLOAD_MB); adapter-node's
	// default request body limit (512 kB) would refuse any real export.
	process.env.BODY_SIZE_LIMIT ??= 'Infinity';
	await import(pathToFileURL(join(projectRoot(), 'build', 'index.js')).href);
	console.log(`Cartera is running at http://localhost:${port}`);
});
