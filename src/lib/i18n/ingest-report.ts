// The ingest report in words: the core reports rejections and warnings as codes and values
// (server/ingest/report.ts); the edges (the upload API, the staged preview and jobs, the CLI) say
// them here, in the user's language, into the JSON the API and `npm run ingest -- --json` give.
import { sayFacts } from './recognition-words';
import type { Said } from '../server/ingest/codes';
import type { ReasonWords } from '../server/ingest/rejects';
import type { CodedIngestReport, CodedRejection, IngestReport, Rejection } from '../server/ingest/report';
import { sayStored } from './ingest-messages';
import type { Lang } from './lang';

/** A report with its rejection reasons and warnings said in `lang`. */
export function sayReport(report: CodedIngestReport, lang: Lang): IngestReport {
	return {
		// Spread first, then replaced: the keys keep the order the JSON always had.
		files: report.files.map((file) => ({
			...file,
			rejections: sayRejections(file.rejections, lang),
			warnings: file.warnings.map((w) => sayReason(w, lang)),
			recognition: file.recognition && { ...file.recognition, evidence: sayFacts(file.recognition.evidence, lang) }
		}))
	};
}

/** Rejections with their reasons said in `lang` (rows stored before reasons had codes keep their English text). */
export function sayRejections(rejections: CodedRejection[], lang: Lang): Rejection[] {
	const said = new Map<string, string>(); // many rows share a reason: say it once
	return rejections.map(({ line, column, value, code, params, stored }) => {
		const key = `${code}|${JSON.stringify(params)}`;
		let reason = said.get(key);
		if (reason === undefined) said.set(key, (reason = sayStored(lang, code, params) ?? stored));
		return { line, column, value, reason, code };
	});
}

/** The words of the reasons the ingest writes: English in upload_rejections.reason (as always), `lang` in the rejects file. */
export function reasonWords(lang: Lang): ReasonWords {
	return { stored: (r) => sayReason(r, 'en'), shown: (r) => sayReason(r, lang) };
}

function sayReason(reason: Said, lang: Lang): string {
	return sayStored(lang, reason.code, reason.params) ?? reason.code;
}
