// Hostile Excel workbooks, built here in a few milliseconds: a valid .xlsx whose sheet1.xml is a
// clients export followed by a huge run of one repeated unit (rows or whitespace). The run is one
// deflated copy of the unit repeated: each copy is compressed alone and ends on a full flush, so
// the copies are independent deflate blocks that can be concatenated (1 MB → ~1 kB each).
// `declare` sets the sizes the ZIP headers and directory state, to forge a lying archive.
import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Clientes" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const SHEET_START =
	'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
	`<row r="1">${cell('A1', 'Código cliente')}${cell('B1', 'Razón social')}</row>` +
	`<row r="2">${cell('A2', 'C001')}${cell('B2', 'Ferretería Sur')}</row>`;
const SHEET_END = '</sheetData></worksheet>';

/** One row, repeated: the same row 3 again and again (the converter writes each one). */
export const ROW_UNIT = `<row r="3">${cell('A3', 'C002')}${cell('B3', 'Bomba')}</row>`;
export const SPACE_UNIT = ' ';

export interface BombOptions {
	/** The repeated text, and how many bytes of it each deflated copy holds. */
	unit: string;
	copyBytes?: number;
	copies: number;
	/** Sizes stated for sheet1.xml in its headers and the directory (the truth when absent). */
	declare?: { unpackedBytes: number };
}

export interface Bomb {
	bytes: number;
	/** What sheet1.xml really unpacks to. */
	sheetBytes: number;
}

interface Entry {
	name: string;
	chunks: Buffer[];
	crc: number;
	unpacked: number;
	packed: number;
	offset?: number;
}

const deflated = (text: string | Buffer, flush: number) => deflateRawSync(text, { finishFlush: flush, level: 9 });

function plain(name: string, text: string): Entry {
	const data = Buffer.from(text);
	const packed = deflated(data, constants.Z_FINISH);
	return { name, chunks: [packed], crc: crc32(data), unpacked: data.length, packed: packed.length };
}

function bombSheet(options: BombOptions): Entry {
	const copyBytes = options.copyBytes ?? 1024 * 1024;
	const copy = Buffer.from(options.unit.repeat(Math.max(1, Math.floor(copyBytes / Buffer.byteLength(options.unit)))));
	const start = Buffer.from(SHEET_START);
	const end = Buffer.from(SHEET_END);
	const chunks = [deflated(start, constants.Z_FULL_FLUSH)];
	const packedCopy = deflated(copy, constants.Z_FULL_FLUSH);
	let crc = crc32(start);
	for (let i = 0; i < options.copies; i++) {
		chunks.push(packedCopy);
		crc = crc32(copy, crc);
	}
	chunks.push(deflated(end, constants.Z_FINISH));
	crc = crc32(end, crc);
	const unpacked = start.length + copy.length * options.copies + end.length;
	return { name: 'xl/worksheets/sheet1.xml', chunks, crc, unpacked, packed: chunks.reduce((n, c) => n + c.length, 0) };
}

/** Writes the bomb to `path`: Excel's part order (the sheet before the workbook), deflated parts. */
export function writeXlsxBomb(path: string, options: BombOptions): Bomb {
	const sheet = bombSheet(options);
	const entries = [plain('[Content_Types].xml', CONTENT_TYPES), plain('_rels/.rels', ROOT_RELS), sheet, plain('xl/workbook.xml', WORKBOOK), plain('xl/_rels/workbook.xml.rels', WORKBOOK_RELS)];
	const stated = (e: Entry) => (e === sheet && options.declare ? options.declare.unpackedBytes : e.unpacked);
	const fd = openSync(path, 'w');
	let offset = 0;
	const write = (b: Buffer) => {
		writeSync(fd, b);
		offset += b.length;
	};
	try {
		for (const e of entries) {
			e.offset = offset;
			const name = Buffer.from(e.name);
			const h = Buffer.alloc(30);
			h.writeUInt32LE(0x04034b50, 0);
			h.writeUInt16LE(20, 4);
			h.writeUInt16LE(0x800, 6);
			h.writeUInt16LE(8, 8);
			h.writeUInt32LE(e.crc >>> 0, 14);
			h.writeUInt32LE(e.packed, 18);
			h.writeUInt32LE(stated(e), 22);
			h.writeUInt16LE(name.length, 26);
			write(h);
			write(name);
			for (const c of e.chunks) write(c);
		}
		const directoryOffset = offset;
		for (const e of entries) {
			const name = Buffer.from(e.name);
			const h = Buffer.alloc(46);
			h.writeUInt32LE(0x02014b50, 0);
			h.writeUInt16LE(20, 4);
			h.writeUInt16LE(20, 6);
			h.writeUInt16LE(0x800, 8);
			h.writeUInt16LE(8, 10);
			h.writeUInt32LE(e.crc >>> 0, 16);
			h.writeUInt32LE(e.packed, 20);
			h.writeUInt32LE(stated(e), 24);
			h.writeUInt16LE(name.length, 28);
			h.writeUInt32LE(e.offset!, 42);
			write(h);
			write(name);
		}
		const end = Buffer.alloc(22);
		end.writeUInt32LE(0x06054b50, 0);
		end.writeUInt16LE(entries.length, 8);
		end.writeUInt16LE(entries.length, 10);
		end.writeUInt32LE(offset - directoryOffset, 12);
		end.writeUInt32LE(directoryOffset, 16);
		write(end);
	} finally {
		closeSync(fd);
	}
	return { bytes: offset, sheetBytes: sheet.unpacked };
}
