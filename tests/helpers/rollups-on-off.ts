// A figure read twice: as the app reads it, then with one setting of the environment turned off
// (CARTERA_ROLLUPS=0: every sum from the lines; CARTERA_PLAIN_QUERIES=0: every query classified).
export async function withAndWithout<T>(variable: string, read: () => Promise<T>): Promise<{ with: T; without: T }> {
	try {
		delete process.env[variable];
		const first = await read();
		process.env[variable] = '0';
		return { with: first, without: await read() };
	} finally {
		delete process.env[variable];
	}
}

/** From the rollups (the default), then from the lines alone (CARTERA_ROLLUPS=0). */
export async function onAndOff<T>(read: () => Promise<T>): Promise<{ rollups: T; lines: T }> {
	const both = await withAndWithout('CARTERA_ROLLUPS', read);
	return { rollups: both.with, lines: both.without };
}
