// How much memory DuckDB may hold for its work (its memory_limit): CARTERA_MEMORY_LIMIT, 1 GB unless
// told. DuckDB's own default is 80 % of the machine's memory, which a first load of a large export
// takes: on 10,000,000 lines the process peaked at 2.6 GB. With 1 GB it peaks at 1.4 GB and takes
// as long (npm run bench); the figures on that portfolio are as fast, reading the rollups. Past the
// limit DuckDB writes what does not fit to a temporary folder beside the database (<file>.tmp).
// The Node process itself (the server, the pages) needs another ~200 MB.

export const DEFAULT_MEMORY_LIMIT = '1GB';

/** DuckDB's size units; a number alone is refused (bytes? megabytes?). */
const SIZE = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

export class MemoryLimitError extends Error {
	constructor(readonly value: string) {
		super(
			`CARTERA_MEMORY_LIMIT=${value} no es un tamaño: escribe por ejemplo 1GB o 512MB. ` +
				`CARTERA_MEMORY_LIMIT=${value} is not a size: write for example 1GB or 512MB.`
		);
		this.name = 'MemoryLimitError';
	}
}

/** The memory_limit to open every database with. */
export function memoryLimit(setting: string | undefined = process.env.CARTERA_MEMORY_LIMIT): string {
	const value = setting?.trim() || DEFAULT_MEMORY_LIMIT;
	if (!SIZE.test(value)) throw new MemoryLimitError(value);
	return value;
}
