// The parts of an .xlsx that the worksheet reader needs, checked against the limits before a byte
// is unpacked (declared sizes and ratios from the central directory) and while they are unpacked
// (the bytes node:zlib actually gives, since a forged directory can understate them), handed on
// as a new ZIP stream of stored entries in the order that lets exceljs stream every worksheet:
// relationships, workbook, shared strings and styles before the sheets. In Excel's own order the
// sheets come first and exceljs writes each to a temporary file it removes only when read to the
// end, so a refused or abandoned workbook left them behind (1.2 GB for a 1.3 MB bomb).
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { IngestError } from './errors';
import { MAX_XLSX_RATIO, XLSX_RATIO_FLOOR_BYTES } from './limits';
import { dataOffset, readZipDirectory, ZipFormatError, type ZipEntry } from './zip-directory';

export interface PartLimits {
	/** Unpacked bytes of all the parts read, together. */
	maxUnpackedBytes: number;
	maxRatio?: number;
	/** Parts smaller than this unpacked are not judged by their ratio. */
	ratioFloorBytes?: number;
}

/** A part handed to the reader: an entry of the file, or a stand-in for a part the file lacks. */
export interface Part {
	name: string;
	entry?: ZipEntry;
	content?: Buffer;
}

const RELS = 'xl/_rels/workbook.xml.rels';
const SHARED = 'xl/sharedStrings.xml';
const FIRST = [RELS, 'xl/workbook.xml', SHARED, 'xl/styles.xml'];
const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
// exceljs streams a sheet only once it has the relationships and the shared strings: a workbook
// without them gets empty ones (Excel always writes the first; inline strings need no second).
const STAND_INS: Record<string, string> = {
	[RELS]: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
	[SHARED]: '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>'
};
const MAX_PART_BYTES = 0xfffffffe; // a stored entry's size must fit the local header

/**
 * The parts to read, in reading order, once their declared sizes pass the limits: the unpacked
 * total, and the ratio of each large part (and of all of them together).
 */
export function workbookParts(path: string, file: string, limits: PartLimits): Part[] {
	let entries: ZipEntry[];
	try {
		entries = readZipDirectory(path);
	} catch (error) {
		if (error instanceof ZipFormatError) throw new IngestError('xlsx_unreadable', { file, detail: error.message });
		throw error;
	}
	const byName = new Map<string, ZipEntry>();
	for (const e of entries) {
		if (byName.has(e.name)) throw new IngestError('xlsx_unreadable', { file, detail: `the part ${e.name} appears twice` });
		byName.set(e.name, e);
	}
	const sheets = entries
		.filter((e) => SHEET.test(e.name))
		.sort((a, b) => Number(SHEET.exec(a.name)![1]) - Number(SHEET.exec(b.name)![1]));
	const parts: Part[] = [];
	for (const name of FIRST) {
		const entry = byName.get(name);
		if (entry) parts.push({ name, entry });
		else if (STAND_INS[name]) parts.push({ name, content: Buffer.from(STAND_INS[name]) });
	}
	for (const entry of sheets) parts.push({ name: entry.name, entry });
	checkDeclared(parts, file, limits);
	return parts;
}

function checkDeclared(parts: Part[], file: string, limits: PartLimits): void {
	const maxRatio = limits.maxRatio ?? MAX_XLSX_RATIO;
	const floor = limits.ratioFloorBytes ?? XLSX_RATIO_FLOOR_BYTES;
	let unpacked = 0;
	let packed = 0;
	for (const { name, entry } of parts) {
		if (!entry) continue;
		if (entry.flags & 1) throw new IngestError('xlsx_unreadable', { file, detail: `the part ${name} is encrypted` });
		if (entry.method !== 0 && entry.method !== 8) throw new IngestError('xlsx_unreadable', { file, detail: `the part ${name} is packed with method ${entry.method}` });
		if (entry.unpackedBytes > floor && entry.unpackedBytes > maxRatio * entry.packedBytes)
			throw new IngestError('xlsx_ratio', { file, part: name, ratio: Math.round(entry.unpackedBytes / Math.max(1, entry.packedBytes)), limit: maxRatio });
		unpacked += entry.unpackedBytes;
		packed += entry.packedBytes;
	}
	const tooLarge = unpacked > limits.maxUnpackedBytes || parts.some((p) => p.entry && p.entry.unpackedBytes > MAX_PART_BYTES);
	if (tooLarge) throw new IngestError('xlsx_too_large', { file, bytes: unpacked, limit_bytes: limits.maxUnpackedBytes });
	// Many small parts of a bomb each stay under the floor: their sum does not.
	if (unpacked > floor && unpacked > maxRatio * packed)
		throw new IngestError('xlsx_ratio', { file, ratio: Math.round(unpacked / Math.max(1, packed)), limit: maxRatio });
}

/** A ZIP local header for a stored entry of `size` bytes (CRC left 0: the reader does not check it). */
function storedHeader(name: string, size: number): Buffer {
	const nameBytes = Buffer.from(name, 'utf8');
	const header = Buffer.alloc(30);
	header.writeUInt32LE(0x04034b50, 0);
	header.writeUInt16LE(10, 4); // version needed: stored
	header.writeUInt16LE(0x800, 6); // UTF-8 name
	header.writeUInt32LE(size, 18);
	header.writeUInt32LE(size, 22);
	header.writeUInt16LE(nameBytes.length, 26);
	return Buffer.concat([header, nameBytes]);
}

/** End of central directory, empty: tells the reader the archive is over. */
const END = (() => {
	const b = Buffer.alloc(22);
	b.writeUInt32LE(0x06054b50, 0);
	return b;
})();

/**
 * The parts as a ZIP stream of stored entries, unpacked as the reader pulls them (backpressure:
 * never more than a few chunks in memory). Each part must unpack to exactly its declared size:
 * more is refused at the first byte over (xlsx_part_mismatch), and the total stays under the limit.
 * The stream fails with the IngestError; destroying it stops the unpacking and closes the file.
 */
export function partStream(path: string, file: string, parts: Part[], limits: PartLimits): Readable {
	async function* generate(): AsyncGenerator<Buffer> {
		let total = 0;
		for (const part of parts) {
			if (part.content) {
				yield storedHeader(part.name, part.content.length);
				yield part.content;
				continue;
			}
			const entry = part.entry!;
			yield storedHeader(part.name, entry.unpackedBytes);
			let written = 0;
			let start: number;
			try {
				start = dataOffset(path, entry);
			} catch (error) {
				throw new IngestError('xlsx_unreadable', { file, detail: error instanceof Error ? error.message : String(error) });
			}
			const packed = entry.packedBytes > 0 ? createReadStream(path, { start, end: start + entry.packedBytes - 1, highWaterMark: 1 << 16 }) : Readable.from([]);
			const source = entry.method === 8 ? packed.pipe(createInflateRaw()) : packed;
			packed.once('error', (error: Error) => source.destroy(error));
			try {
				for await (const chunk of source as AsyncIterable<Buffer>) {
					written += chunk.length;
					total += chunk.length;
					if (written > entry.unpackedBytes) throw new IngestError('xlsx_part_mismatch', { file, part: part.name, bytes: entry.unpackedBytes });
					if (total > limits.maxUnpackedBytes) throw new IngestError('xlsx_too_large', { file, bytes: total, limit_bytes: limits.maxUnpackedBytes });
					yield chunk;
				}
			} catch (error) {
				if (error instanceof IngestError) throw error;
				throw new IngestError('xlsx_unreadable', { file, detail: `${part.name}: ${error instanceof Error ? error.message : String(error)}` });
			} finally {
				packed.destroy();
				source.destroy();
			}
			if (written !== entry.unpackedBytes) throw new IngestError('xlsx_part_mismatch', { file, part: part.name, bytes: entry.unpackedBytes });
		}
		yield END;
	}
	return Readable.from(generate(), { objectMode: false, highWaterMark: 1 << 16 });
}
