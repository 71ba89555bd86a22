// Which encoding a file is in. UTF-8 and BOMs say so themselves; for the 8-bit code pages real
// exports use (Windows-1252 / ISO-8859-1 from Excel "CSV", DOS 850/437 from old ERPs, MacRoman
// from Excel "CSV (Macintosh)") each reading of the file's head is scored for how plausible its
// text is: Spanish and Western letters inside words score, punctuation inside words, control
// characters and box drawing count against. "Martín" beats "Mart¡n"; "Berguvsvägen" beats
// "Berguvsv„gen".
import iconv from 'iconv-lite';

import type { Encoding } from '../../file-vocabulary';
export type { Encoding }; // the list of encodings the upload page offers is beside it (src/lib/file-vocabulary.ts)

/** Aliases users may give (--encoding) → the encoding read. ISO-8859-1 is read as its superset Windows-1252. */
const ALIASES: Record<string, Encoding> = {
	utf8: 'utf-8', 'utf-8': 'utf-8', 'utf-16': 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be',
	'windows-1252': 'windows-1252', cp1252: 'windows-1252', win1252: 'windows-1252', 'iso-8859-1': 'windows-1252',
	latin1: 'windows-1252', 'latin-1': 'windows-1252', ansi: 'windows-1252',
	cp850: 'cp850', 'ibm850': 'cp850', cp437: 'cp850', dos: 'cp850', macintosh: 'macintosh', macroman: 'macintosh', mac: 'macintosh'
};

export function parseEncoding(name: string): Encoding | null {
	return ALIASES[name.trim().toLowerCase()] ?? null;
}

const EIGHT_BIT: Encoding[] = ['windows-1252', 'cp850', 'macintosh'];
const COMMON_LETTERS = new Set('áéíóúÁÉÍÓÚñÑüÜçÇàèìòùÀÈÌÒÙâêîôûÂÊÎÔÛäëïöÄËÏÖãõÃÕåÅæÆøØß');
const COMMON_MARKS = new Set('¿¡ºª°€£«»“”‘’–—…·´\u00a0•§©®');
const LETTER = /\p{L}/u;

export function detectBom(head: Buffer): Encoding | null {
	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
	if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
	if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
	return null;
}

/** UTF-16 without a BOM: ASCII text has a NUL in every other byte. */
function utf16WithoutBom(head: Buffer): Encoding | null {
	const n = Math.min(head.length, 4096) & ~1;
	if (n < 8) return null;
	let evenZero = 0;
	let oddZero = 0;
	for (let i = 0; i < n; i += 2) {
		if (head[i] === 0) evenZero++;
		if (head[i + 1] === 0) oddZero++;
	}
	const pairs = n / 2;
	if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) return 'utf-16le';
	if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) return 'utf-16be';
	return null;
}

function isUtf8(head: Buffer): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
		return true;
	} catch {
		return false;
	}
}

/** How plausible a decoded text is as (mostly Spanish) business data; higher is better. */
export function plausibility(text: string): number {
	let score = 0;
	const chars = [...text];
	for (let i = 0; i < chars.length; i++) {
		const c = chars[i]!;
		if (c.charCodeAt(0) < 0x80) continue;
		const code = c.codePointAt(0)!;
		const before = chars[i - 1] ?? ' ';
		const after = chars[i + 1] ?? ' ';
		if (c === '\u00a0') {
			score += 2; // no-break space: Excel and web-pasted text are full of it, between words too
			continue;
		}
		const letter = LETTER.test(c);
		if ((code >= 0x80 && code <= 0x9f) || c === '\ufffd') score -= 5;
		else if ((code >= 0x2500 && code <= 0x259f) || '∂∑∏π∫≈≠≤≥◊√∆Ωƒ‡†˝˛ˇ¸˙˚'.includes(c)) score -= 4;
		else if (letter && c !== c.toLowerCase() && /\p{Ll}/u.test(before)) score -= 3; // "ConferenceÊphone"
		else if (letter) score += COMMON_LETTERS.has(c) ? 3 : 0.5;
		else if (COMMON_MARKS.has(c)) score += 1;
		if (!letter && LETTER.test(before) && LETTER.test(after)) score -= 3; // "Mart¡n", "Berguvsv„gen"
		else if (letter && LETTER.test(before) && LETTER.test(after)) score += 1;
		// An accented letter touching a digit ("Imationá8GB") or running into a capital ("2.0áFlash")
		// is what a misread space or symbol looks like; º and ª do touch digits (Nº 12, 1ª).
		if (letter && c !== 'º' && c !== 'ª' && (/\d/.test(before) || /\d/.test(after))) score -= 3;
		if (letter && c === c.toLowerCase() && /\p{Lu}/u.test(after)) score -= 2;
	}
	return score;
}

export interface EncodingGuess {
	encoding: Encoding;
	bom: boolean;
	/** The other readings and their scores, for the report. */
	scores?: Record<string, number>;
}

/** Encoding of a file from its first bytes (UTF-8 is confirmed on the rest by DuckDB as it reads). */
export function detectEncoding(head: Buffer): EncodingGuess {
	const bom = detectBom(head);
	if (bom) return { encoding: bom, bom: true };
	const utf16 = utf16WithoutBom(head);
	if (utf16) return { encoding: utf16, bom: false };
	if (isUtf8(head)) return { encoding: 'utf-8', bom: false };
	return { ...mostPlausibleEightBit(head), bom: false };
}

/** The 8-bit code page whose reading of the bytes is the most plausible text (Windows-1252 on ties). */
export function mostPlausibleEightBit(bytes: Buffer): { encoding: Encoding; scores: Record<string, number> } {
	const scores: Record<string, number> = {};
	let best: Encoding = 'windows-1252';
	for (const encoding of EIGHT_BIT) {
		scores[encoding] = plausibility(iconv.decode(bytes, iconvName(encoding)));
		if (scores[encoding]! > scores[best]!) best = encoding;
	}
	return { encoding: best, scores };
}

export function iconvName(encoding: Encoding): string {
	return { 'utf-8': 'utf8', 'utf-16le': 'utf16le', 'utf-16be': 'utf16be', 'windows-1252': 'win1252', cp850: 'cp850', macintosh: 'macintosh' }[encoding];
}
