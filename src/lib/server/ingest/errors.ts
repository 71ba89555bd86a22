// An ingest failure a user can act on: one message naming the file and what was expected.
// The whole ingest rolls back when one is thrown.
export class IngestError extends Error {
	constructor(
		message: string,
		readonly file?: string
	) {
		super(file ? `${file}: ${message}` : message);
		this.name = 'IngestError';
	}
}
