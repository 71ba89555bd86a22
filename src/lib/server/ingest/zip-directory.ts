// The central directory of a ZIP file (an .xlsx): each entry's name, method, packed and unpacked
// sizes and where its data starts, read from the end of the file without unpacking anything, so
// that a workbook can be judged by what it declares before a byte is inflated (zip-parts.ts then
// checks that the data keeps to it). ZIP64 sizes and offsets are understood.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface ZipEntry {
	name: string;
	/** 0 stored, 8 deflated. */
	method: number;
	/** General purpose flags (bit 0: encrypted; bit 11: UTF-8 name). */
	flags: number;
	packedBytes: number;
	unpackedBytes: number;
	/** Offset of the entry's local header. */
	headerOffset: number;
}

/** The file is not a ZIP this reader can make sense of (truncated, damaged). */
export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;
const MAX_ENTRIES = 0xffff;

function readAt(fd: number, position: number, length: number): Buffer {
	const buffer = Buffer.alloc(length);
	const n = readSync(fd, buffer, 0, length, position);
	if (n < length) throw new ZipFormatError('the file ends early');
	return buffer;
}

/** A 64-bit little-endian size as a number (sizes above 2^53 are nonsense: refused). */
function u64(buffer: Buffer, at: number): number {
	const value = buffer.readBigUInt64LE(at);
	if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('a size is out of range');
	return Number(value);
}

export function readZipDirectory(path: string): ZipEntry[] {
	const fd = openSync(path, 'r');
	try {
		const size = fstatSync(fd).size;
		const tailLength = Math.min(size, 22 + MAX_COMMENT);
		const tail = readAt(fd, size - tailLength, tailLength);
		let at = -1;
		for (let i = tail.length - 22; i >= 0; i--) {
			if (tail.readUInt32LE(i) === EOCD) {
				at = i;
				break;
			}
		}
		if (at < 0) throw new ZipFormatError('no ZIP central directory (the file is truncated or damaged)');
		let count = tail.readUInt16LE(at + 10);
		let directoryBytes = tail.readUInt32LE(at + 12);
		let directoryOffset = tail.readUInt32LE(at + 16);
		if (count === 0xffff || directoryBytes === 0xffffffff || directoryOffset === 0xffffffff) {
			const locatorAt = size - tailLength + at - 20;
			const locator = locatorAt >= 0 ? readAt(fd, locatorAt, 20) : null;
			if (!locator || locator.readUInt32LE(0) !== EOCD64_LOCATOR) throw new ZipFormatError('no ZIP64 directory record');
			const record = readAt(fd, u64(locator, 8), 56);
			if (record.readUInt32LE(0) !== EOCD64) throw new ZipFormatError('no ZIP64 directory record');
			count = u64(record, 32);
			directoryBytes = u64(record, 40);
			directoryOffset = u64(record, 48);
		}
		if (directoryOffset + directoryBytes > size) throw new ZipFormatError('the central directory lies outside the file');
		// A workbook has tens of parts; ZIP64's billions would only make this loop long.
		if (count > MAX_ENTRIES) throw new ZipFormatError(`more than ${MAX_ENTRIES} parts`);
		return parseDirectory(readAt(fd, directoryOffset, directoryBytes), count, directoryOffset);
	} finally {
		closeSync(fd);
	}
}

function parseDirectory(directory: Buffer, count: number, directoryOffset: number): ZipEntry[] {
	const entries: ZipEntry[] = [];
	let at = 0;
	for (let i = 0; i < count; i++) {
		if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL) throw new ZipFormatError('damaged central directory');
		const flags = directory.readUInt16LE(at + 8);
		const method = directory.readUInt16LE(at + 10);
		let packedBytes = directory.readUInt32LE(at + 20);
		let unpackedBytes = directory.readUInt32LE(at + 24);
		const nameLength = directory.readUInt16LE(at + 28);
		const extraLength = directory.readUInt16LE(at + 30);
		const commentLength = directory.readUInt16LE(at + 32);
		let headerOffset = directory.readUInt32LE(at + 42);
		const end = at + 46 + nameLength + extraLength + commentLength;
		if (end > directory.length) throw new ZipFormatError('damaged central directory');
		const name = directory.subarray(at + 46, at + 46 + nameLength).toString(flags & 0x800 ? 'utf8' : 'latin1');
		// ZIP64 extra field: the 64-bit values of the fields set to 0xFFFFFFFF, in this order.
		const extra = directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
		for (let e = 0; e + 4 <= extra.length; ) {
			const id = extra.readUInt16LE(e);
			const length = extra.readUInt16LE(e + 2);
			if (id === 0x0001) {
				let f = e + 4;
				const next = () => {
					if (f + 8 > e + 4 + length || f + 8 > extra.length) throw new ZipFormatError('damaged ZIP64 field');
					const v = u64(extra, f);
					f += 8;
					return v;
				};
				if (unpackedBytes === 0xffffffff) unpackedBytes = next();
				if (packedBytes === 0xffffffff) packedBytes = next();
				if (headerOffset === 0xffffffff) headerOffset = next();
			}
			e += 4 + length;
		}
		if (headerOffset + 30 + packedBytes > directoryOffset) throw new ZipFormatError(`entry ${name} lies outside the file`);
		entries.push({ name, method, flags, packedBytes, unpackedBytes, headerOffset });
		at = end;
	}
	return entries;
}

/** Where an entry's data starts: after its local header, whose name and extra lengths are its own. */
export function dataOffset(path: string, entry: ZipEntry): number {
	const fd = openSync(path, 'r');
	try {
		const header = readAt(fd, entry.headerOffset, 30);
		if (header.readUInt32LE(0) !== LOCAL) throw new ZipFormatError(`entry ${entry.name} has no local header`);
		return entry.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
	} finally {
		closeSync(fd);
	}
}
