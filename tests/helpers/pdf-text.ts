// The text of a PDF as Chromium (Skia) prints it, without a PDF library: inflate the streams, read
// each Type0 font's ToUnicode map, and decode the hex strings each page's content shows with the
// font in force. Enough to check which words a printed page holds; layout (spaces, order within a
// line) is not kept, so compare with whitespace removed (`compact`).
import { inflateSync } from 'node:zlib';

interface PdfObject {
	dict: string;
	stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
	const text = pdf.toString('latin1');
	const out = new Map<number, PdfObject>();
	const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
	for (let m = re.exec(text); m; m = re.exec(text)) {
		const body = m[2]!;
		const at = body.search(/stream\r?\n/);
		if (at < 0) {
			out.set(Number(m[1]), { dict: body, stream: null });
			continue;
		}
		const dict = body.slice(0, at);
		const start = m.index + m[0].indexOf(body) + at + body.slice(at).match(/stream\r?\n/)![0].length;
		const end = text.indexOf('endstream', start);
		let raw = pdf.subarray(start, end);
		if (/\/FlateDecode/.test(dict)) {
			try {
				raw = inflateSync(raw);
			} catch {
				raw = Buffer.alloc(0);
			}
		}
		out.set(Number(m[1]), { dict, stream: raw });
	}
	return out;
}

/** A ToUnicode CMap: glyph code (hex) → text. */
function cmap(source: string): Map<string, string> {
	const map = new Map<string, string>();
	const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
	for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
		for (const [, src, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(src!.toUpperCase(), utf16(dst!));
	for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
		for (const [, a, b, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
			const from = parseInt(a!, 16);
			const base = parseInt(dst!, 16);
			for (let c = from; c <= parseInt(b!, 16); c++) map.set(c.toString(16).toUpperCase().padStart(a!.length, '0'), String.fromCharCode(base + c - from));
		}
	return map;
}

/** Every page's text, pages in file order, each string run on its own line. */
export function pdfText(pdf: Buffer): string {
	const objs = objects(pdf);
	const fontMaps = new Map<number, Map<string, string>>();
	for (const [n, o] of objs) {
		const ref = /\/ToUnicode (\d+) 0 R/.exec(o.dict);
		if (ref) fontMaps.set(n, cmap(objs.get(Number(ref[1]))?.stream?.toString('latin1') ?? ''));
	}
	const lines: string[] = [];
	for (const o of objs.values()) {
		if (!/\/Type \/Page\b/.test(o.dict)) continue;
		const fonts = new Map<string, Map<string, string>>();
		const fontDict = /\/Font <<([\s\S]*?)>>/.exec(o.dict)?.[1] ?? '';
		for (const [, name, n] of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) fonts.set(name!, fontMaps.get(Number(n)) ?? new Map());
		const contents = /\/Contents (?:\[([^\]]*)\]|(\d+) 0 R)/.exec(o.dict);
		const refs = contents ? (contents[1] ? [...contents[1].matchAll(/(\d+) 0 R/g)].map((r) => Number(r[1])) : [Number(contents[2])]) : [];
		for (const ref of refs) {
			const content = objs.get(ref)?.stream?.toString('latin1') ?? '';
			let font = new Map<string, string>();
			for (const token of content.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|(ET)/g)) {
				if (token[1]) font = fonts.get(token[1]) ?? new Map();
				else if (token[3]) lines.push('\n');
				else if (token[2] !== undefined) lines.push((token[2].toUpperCase().match(/.{4}/g) ?? []).map((code) => font.get(code) ?? '').join(''));
			}
		}
	}
	return lines.join('');
}

/** Text without any whitespace, for comparing what a PDF holds regardless of its layout. */
export function compact(text: string): string {
	return text.replace(/\s+/g, '');
}
