// A figure read twice: from the rollups (the default), then from the lines alone (CARTERA_ROLLUPS=0).
export async function onAndOff<T>(read: () => Promise<T>): Promise<{ rollups: T; lines: T }> {
	try {
		delete process.env.CARTERA_ROLLUPS;
		const rollups = await read();
		process.env.CARTERA_ROLLUPS = '0';
		return { rollups, lines: await read() };
	} finally {
		delete process.env.CARTERA_ROLLUPS;
	}
}
