// Why a figure's parameters are refused (the metrics API, the CLI, the dashboard's query string):
// a stable code, the values it names and its text in English and Spanish. The metrics core throws
// the code (ParamError); the API says it in the request's language, as the upload API does.
import type { Lang } from './lang';

const en = {
	param_unknown: (p: { name: string; filters: readonly string[] }) => `unknown parameter "${p.name}"; filters are ${p.filters.join(', ')}`,
	param_too_long: (p: { name: string; limit: number }) => `the value of "${p.name}" is longer than ${p.limit} characters`,
	param_month: (p: { name: string }) => `"${p.name}" must be a month as YYYY-MM`,
	param_date: (p: { name: string }) => `"${p.name}" must be a date as YYYY-MM-DD`,
	param_choice: (p: { name: string; expected: readonly string[] }) =>
		p.expected.length === 2 ? `"${p.name}" must be ${p.expected[0]} or ${p.expected[1]}` : `"${p.name}" must be one of ${p.expected.join(', ')}`,
	param_order: (p: { from: string; to: string }) => `"from" (${p.from}) is after "to" (${p.to})`,
	param_repeated: (p: { name: string }) => `"${p.name}" is given more than once`,
	unknown_metric: (p: { name: string; expected: readonly string[] }) => `unknown metric "${p.name}"; expected one of ${p.expected.join(', ')}`,
	unknown_list: (p: { name: string; expected: readonly string[] }) => `unknown list "${p.name}"; expected one of ${p.expected.join(', ')}`,
	param_missing: (p: { name: string }) => `"${p.name}" is required`
};

export type ParamCode = keyof typeof en;
export type ParamValues<C extends ParamCode> = Parameters<(typeof en)[C]>[0];
type Catalogue = { [C in ParamCode]: (p: ParamValues<C>) => string };

/** Spanish lists end with "o": `a, b o c`. */
const listEs = (values: readonly string[]) => (values.length > 1 ? `${values.slice(0, -1).join(', ')} o ${values.at(-1)}` : (values[0] ?? ''));

const es: Catalogue = {
	param_unknown: (p) => `parámetro desconocido "${p.name}"; los filtros son ${p.filters.join(', ')}`,
	param_too_long: (p) => `el valor de "${p.name}" tiene más de ${p.limit} caracteres`,
	param_month: (p) => `"${p.name}" debe ser un mes como AAAA-MM`,
	param_date: (p) => `"${p.name}" debe ser una fecha como AAAA-MM-DD`,
	param_choice: (p) => `"${p.name}" debe ser ${listEs(p.expected)}`,
	param_order: (p) => `"from" (${p.from}) es posterior a "to" (${p.to})`,
	param_repeated: (p) => `"${p.name}" aparece más de una vez`,
	unknown_metric: (p) => `cifra desconocida "${p.name}"; se esperaba una de estas: ${p.expected.join(', ')}`,
	unknown_list: (p) => `lista desconocida "${p.name}"; se esperaba una de estas: ${p.expected.join(', ')}`,
	param_missing: (p) => `falta "${p.name}"`
};

export const PARAM_MESSAGES: Record<Lang, Catalogue> = { en, es };
export const PARAM_CODES = Object.keys(en) as ParamCode[];

/** The refusal of a parameter in `lang`. */
export function sayParam<C extends ParamCode>(lang: Lang, code: C, params: ParamValues<C>): string {
	return (PARAM_MESSAGES[lang][code] as (p: ParamValues<C>) => string)(params);
}
