// A process for tests/db/crash-recovery.test.ts to kill with SIGKILL at a chosen step. It does one
// step on a database file, prints a marker line when the step is done (or, for `ingest-pause`,
// while it is half done), and then stays alive, holding the file, until it is killed.
//   open PATH                  Database.open (migrations; CARTERA_TEST_PAUSE_AFTER_MIGRATION=N
//                              stops it after migration N, see migrate.ts) → "opened"
//   upgrade PATH               the same with one more migration (999_crash_test), as an upgrade → "opened"
//   ingest PATH FILE…          open, then ingestFiles → "loaded"
//   ingest-pause PATH FILE…    open, then ingestFiles, frozen inside its transaction after merging
//                              the first file → "merging"
//   setting PATH               open, then a settings change → "saved"
import { Database } from '../../src/lib/server/db/database';
import { loadMigrations } from '../../src/lib/server/db/migrate';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { saveSetting } from '../../src/lib/server/metrics/settings-store';
import { UPGRADE_MIGRATION } from './crash-migration';

const [step, path, ...files] = process.argv.slice(2);
const say = (marker: string) => process.stdout.write(`${marker}\n`);
/** Blocks the whole process (no event loop turn): the step stays half done until the kill. */
const freeze = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);

if (!path) throw new Error('usage: crash-child.ts STEP PATH [FILE…]');
const db = step === 'upgrade' ? await Database.open(path, [...loadMigrations(), UPGRADE_MIGRATION]) : await Database.open(path);
if (step === 'open' || step === 'upgrade') say('opened');
else if (step === 'ingest') {
	await ingestFiles(db, files.map((p) => ({ path: p })), { loadedBy: 'crash-test' });
	say('loaded');
} else if (step === 'ingest-pause') {
	await ingestFiles(db, files.map((p) => ({ path: p })), {
		loadedBy: 'crash-test',
		onProgress: (p) => {
			if (p.phase === 'merging' && p.done === 1) {
				say('merging');
				freeze();
			}
		}
	});
	say('loaded');
} else if (step === 'setting') {
	await saveSetting(db, { key: 'window_days', value: 120, by: 'crash-test', comment: 'crash test' });
	say('saved');
} else throw new Error(`unknown step ${step}`);
setInterval(() => void db, 1000);
