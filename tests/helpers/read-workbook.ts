// Reads a workbook as the ingest does (readSource), in a process of its own whose heap the test
// limits, and prints what it read and its peak memory: `node --max-old-space-size=N --import tsx
// tests/helpers/read-workbook.ts FILE`.
import { statSync } from 'node:fs';
import { readSource } from '../../src/lib/server/ingest/read-source';

const source = await readSource(process.argv[2]!, 'libro.xlsx');
try {
	const lines = statSync(source.utf8Path).size;
	console.log(JSON.stringify({ sheet: source.workbook?.sheet, headers: source.headers, csvBytes: lines, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
} finally {
	source.cleanup();
}
