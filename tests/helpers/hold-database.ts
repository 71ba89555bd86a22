// Opens a database file and keeps it until killed, as the running server does.
import { Database } from '../../src/lib/server/db/database';

const db = await Database.open(process.argv[2]!);
process.stdout.write('ready\n');
setInterval(() => void db, 1000);
