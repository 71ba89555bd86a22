// Readable reasons for rejected cells, naming what was expected in the file's own format.
import type { DateFormat, NumberFormat } from './formats';
import type { ColumnSpec } from './kinds';
import type { ConversionPlan, ProblemCode } from './convert';

const VOCABULARY_EXAMPLES: Record<string, string> = {
	outcome: 'won / lost / open (e.g. Ganada, Perdida, Abierta, Closed Won)',
	quote_status: 'draft / sent / accepted / rejected / expired (e.g. Borrador, Enviado, Aceptado, Rechazado, Vencido)'
};

function numberExample(f: NumberFormat | undefined): string {
	return f?.decimal === '.' ? '1,234.56' : '1.234,56';
}

function dateExample(f: DateFormat | undefined, month: boolean): string {
	const format = f?.format ?? (month ? '%m/%Y' : '%d/%m/%Y');
	return format.replace('%d', 'dd').replace('%m', 'mm').replace('%Y', 'yyyy').replace('%y', 'yy');
}

export function reasonText(code: ProblemCode, column: ColumnSpec, plan: ConversionPlan, documentsFile?: string): string {
	switch (code) {
		case 'missing':
			return column.name === 'amount' && column.requiredUnless ? 'no amount (nor quantity and unit price)' : 'required value is empty';
		case 'bad_number':
			return `expected a number like ${numberExample(plan.numbers[column.name])}`;
		case 'bad_integer':
			return 'expected a whole number';
		case 'bad_date':
			return `expected a date as ${dateExample(plan.dates[column.name], false)}`;
		case 'bad_month':
			return `expected a month as ${dateExample(plan.dates[column.name], true)}`;
		case 'out_of_range':
			return 'expected a value between 0 and 1 (or 0 % and 100 %)';
		case 'unknown_value':
			return `unknown value; expected ${VOCABULARY_EXAMPLES[column.type] ?? 'a known value'}`;
		case 'no_document':
			return `no document with this number in ${documentsFile ?? 'the documents file'}`;
		case 'extra_fields':
			return 'the row has more fields than the header';
	}
}
