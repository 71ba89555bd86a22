// The words for what recognition found in a file (the facts of src/lib/server/ingest/recognise),
// in English and Spanish: "dates in «Fecha de factura»", "300 documents, 59 parties".
import { formatNumber } from '../format';
import type { Lang } from './lang';
import type { Fact } from '../server/ingest/recognise/types';
import type { Kind } from '../server/ingest/kinds';

const KIND_WORDS: Record<Lang, Record<Kind, string>> = {
	en: { clients: 'clients', products: 'products', invoices: 'invoices', opportunities: 'opportunities', quotes: 'quotes', forecasts: 'forecasts', targets: 'goals' },
	es: { clients: 'clientes', products: 'productos', invoices: 'facturas', opportunities: 'oportunidades', quotes: 'presupuestos', forecasts: 'pronósticos', targets: 'metas' }
};

/** A kind as a user calls it. */
export function kindWord(kind: Kind, lang: Lang): string {
	return KIND_WORDS[lang][kind] ?? kind;
}

const pl = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** One fact, in a few words. */
export function sayFact(fact: Fact, lang: Lang): string {
	const n = (x: number) => formatNumber(x, lang);
	const es = lang === 'es';
	switch (fact.code) {
		case 'headers':
			return es ? `${n(fact.matched)} de ${n(fact.total)} encabezados reconocidos` : `${n(fact.matched)} of ${n(fact.total)} headers recognised`;
		case 'dates':
			return es ? `fechas en «${fact.column}»` : `dates in "${fact.column}"`;
		case 'months':
			return es ? `meses en «${fact.column}»` : `months in "${fact.column}"`;
		case 'amounts':
			return es ? `importes en «${fact.column}»` : `amounts in "${fact.column}"`;
		case 'documents':
			return es
				? `${n(fact.n)} ${pl(fact.n, 'documento', 'documentos')} en ${n(fact.rows)} ${pl(fact.rows, 'fila', 'filas')}`
				: `${n(fact.n)} ${pl(fact.n, 'document', 'documents')} in ${n(fact.rows)} ${pl(fact.rows, 'row', 'rows')}`;
		case 'parties':
			return es ? `${n(fact.n)} ${pl(fact.n, 'cliente distinto', 'clientes distintos')}` : `${n(fact.n)} ${pl(fact.n, 'distinct client', 'distinct clients')}`;
		case 'unique_keys':
			return es ? `«${fact.column}» no se repite (${n(fact.n)} ${pl(fact.n, 'valor', 'valores')})` : `"${fact.column}" never repeats (${n(fact.n)} ${pl(fact.n, 'value', 'values')})`;
		case 'repeated_keys':
			return es
				? `«${fact.column}» se repite (${n(fact.distinct)} valores distintos en ${n(fact.rows)} filas): no es un registro de una fila por clave`
				: `"${fact.column}" repeats (${n(fact.distinct)} distinct values in ${n(fact.rows)} rows): not a register of one row per key`;
		case 'not_dates':
			return es ? `«${fact.column}» no contiene fechas` : `"${fact.column}" holds no dates`;
		case 'not_amounts':
			return es ? `«${fact.column}» no contiene importes` : `"${fact.column}" holds no amounts`;
		case 'stages':
			return es ? `etapas o resultados de venta en «${fact.column}»` : `sales stages or outcomes in "${fact.column}"`;
		case 'statuses':
			return es ? `estados de presupuesto en «${fact.column}»` : `quote statuses in "${fact.column}"`;
		case 'known_codes':
			return es ? `${n(fact.n)} códigos de «${fact.column}» ya están en clientes` : `${n(fact.n)} codes of "${fact.column}" are already in clients`;
	}
}

/** Several facts, joined. */
export function sayFacts(facts: Fact[], lang: Lang): string {
	return facts.map((f) => sayFact(f, lang)).join('; ');
}
