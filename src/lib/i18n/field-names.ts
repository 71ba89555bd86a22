// The business name of every field of every kind, in Spanish and English, as an analyst calls it
// (`Importe`, `Nº de factura`, not `amount`, `invoice_id`), and the formats the ingest read said in
// words (`día/mes/año`, `coma decimal`, not `%d/%m/%Y`, `decimal ','`). The upload page's mapping
// table, its rejections, the history's rejections CSV and the CLI's report name fields with these.
// A field the list does not know yet (a column added to kinds.ts) is shown by its canonical name.
import type { Kind } from '../server/ingest/kinds';
import type { Lang } from './lang';

type Names = Record<Kind, Record<string, string>>;

const es: Names = {
	clients: {
		client_id: 'Código de cliente',
		name: 'Razón social',
		client_type: 'Tipo de cliente',
		size: 'Tamaño de empresa',
		sector: 'Sector',
		legal_form: 'Forma jurídica',
		region: 'Región',
		crm_status: 'Estado en el CRM',
		account_manager: 'Ejecutivo de cuenta',
		created_at: 'Fecha de alta',
		potential_amount: 'Potencial anual'
	},
	products: {
		product_id: 'Código de producto',
		name: 'Descripción',
		product_line: 'Línea de producto',
		business_unit: 'Unidad de negocio'
	},
	invoices: {
		invoice_id: 'Nº de factura',
		line_no: 'Nº de línea',
		invoice_date: 'Fecha de factura',
		client_id: 'Cliente',
		product_id: 'Producto',
		quantity: 'Cantidad',
		unit_price: 'Precio unitario',
		discount: 'Descuento',
		amount: 'Importe',
		gross_amount: 'Total con impuestos',
		tax: 'Impuestos',
		currency: 'Moneda',
		doc_type: 'Tipo de documento',
		doc_status: 'Estado del documento',
		cancelled_flag: 'Anulado',
		client_name: 'Nombre del cliente',
		client_type: 'Tipo de cliente',
		client_region: 'Región del cliente',
		client_sector: 'Sector del cliente',
		account_manager: 'Ejecutivo de cuenta',
		product_name: 'Nombre del producto',
		product_line: 'Línea de producto',
		business_unit: 'Unidad de negocio'
	},
	opportunities: {
		opportunity_id: 'Nº de oportunidad',
		client_id: 'Cliente',
		kind: 'Tipo de oportunidad',
		stage: 'Etapa',
		product_line: 'Línea de producto',
		owner: 'Responsable',
		created_at: 'Fecha de creación',
		expected_close_at: 'Fecha prevista de cierre',
		closed_at: 'Fecha de cierre',
		amount: 'Importe',
		probability: 'Probabilidad',
		outcome: 'Resultado',
		outcome_source: 'Resultado (como está escrito)',
		active_flag: 'Activa',
		lost_reason: 'Motivo de pérdida',
		decision: 'Decisión (go / no go)',
		decision_reason: 'Motivo de la decisión',
		last_change_at: 'Última modificación'
	},
	quotes: {
		quote_id: 'Nº de presupuesto',
		client_id: 'Cliente',
		issued_at: 'Fecha del presupuesto',
		amount: 'Importe',
		status: 'Estado',
		status_source: 'Estado (como está escrito)',
		decided_at: 'Fecha de decisión',
		opportunity_id: 'Nº de oportunidad',
		product_line: 'Línea de producto',
		valid_until: 'Válido hasta'
	},
	forecasts: {
		month: 'Mes',
		dimension: 'Dimensión',
		value: 'Segmento',
		forecast_amount: 'Importe previsto',
		segment_product_line: 'Línea de producto',
		segment_region: 'Región',
		segment_client_type: 'Tipo de cliente',
		segment_account_manager: 'Ejecutivo de cuenta'
	},
	targets: {
		month: 'Mes',
		dimension: 'Ámbito',
		value: 'Valor del ámbito',
		revenue_target: 'Meta de facturación',
		new_clients_target: 'Meta de clientes nuevos',
		activated_target: 'Meta de clientes activados',
		quotes_target: 'Meta de presupuestos',
		segment_account_manager: 'Ejecutivo de cuenta',
		segment_product_line: 'Línea de producto',
		segment_region: 'Región',
		segment_business_unit: 'Unidad de negocio'
	}
};

const en: Names = {
	clients: {
		client_id: 'Client code',
		name: 'Client name',
		client_type: 'Client type',
		size: 'Company size',
		sector: 'Sector',
		legal_form: 'Legal form',
		region: 'Region',
		crm_status: 'CRM status',
		account_manager: 'Account manager',
		created_at: 'Client since',
		potential_amount: 'Annual potential'
	},
	products: {
		product_id: 'Product code',
		name: 'Description',
		product_line: 'Product line',
		business_unit: 'Business unit'
	},
	invoices: {
		invoice_id: 'Invoice number',
		line_no: 'Line number',
		invoice_date: 'Invoice date',
		client_id: 'Client',
		product_id: 'Product',
		quantity: 'Quantity',
		unit_price: 'Unit price',
		discount: 'Discount',
		amount: 'Amount',
		gross_amount: 'Total with tax',
		tax: 'Tax',
		currency: 'Currency',
		doc_type: 'Document type',
		doc_status: 'Document status',
		cancelled_flag: 'Cancelled',
		client_name: 'Client name',
		client_type: 'Client type',
		client_region: 'Client region',
		client_sector: 'Client sector',
		account_manager: 'Account manager',
		product_name: 'Product name',
		product_line: 'Product line',
		business_unit: 'Business unit'
	},
	opportunities: {
		opportunity_id: 'Opportunity number',
		client_id: 'Client',
		kind: 'Opportunity type',
		stage: 'Stage',
		product_line: 'Product line',
		owner: 'Owner',
		created_at: 'Created on',
		expected_close_at: 'Expected close date',
		closed_at: 'Close date',
		amount: 'Amount',
		probability: 'Probability',
		outcome: 'Outcome',
		outcome_source: 'Outcome (as written)',
		active_flag: 'Active',
		lost_reason: 'Loss reason',
		decision: 'Decision (go / no go)',
		decision_reason: 'Decision reason',
		last_change_at: 'Last modified'
	},
	quotes: {
		quote_id: 'Quote number',
		client_id: 'Client',
		issued_at: 'Quote date',
		amount: 'Amount',
		status: 'Status',
		status_source: 'Status (as written)',
		decided_at: 'Decision date',
		opportunity_id: 'Opportunity number',
		product_line: 'Product line',
		valid_until: 'Valid until'
	},
	forecasts: {
		month: 'Month',
		dimension: 'Dimension',
		value: 'Segment',
		forecast_amount: 'Forecast amount',
		segment_product_line: 'Product line',
		segment_region: 'Region',
		segment_client_type: 'Client type',
		segment_account_manager: 'Account manager'
	},
	targets: {
		month: 'Month',
		dimension: 'Scope',
		value: 'Scope value',
		revenue_target: 'Revenue goal',
		new_clients_target: 'New clients goal',
		activated_target: 'Activated clients goal',
		quotes_target: 'Quotes goal',
		segment_account_manager: 'Account manager',
		segment_product_line: 'Product line',
		segment_region: 'Region',
		segment_business_unit: 'Business unit'
	}
};

export const FIELD_NAMES: Record<Lang, Names> = { es, en };

/** The business name of a field of a kind in `lang`; its canonical name when the list does not know it. */
export function fieldName(kind: Kind | string, column: string, lang: Lang): string {
	return FIELD_NAMES[lang][kind as Kind]?.[column] ?? column;
}

const DATE_PARTS: Record<Lang, Record<string, string>> = {
	es: { '%d': 'día', '%m': 'mes', '%Y': 'año', '%y': 'año (2 cifras)', '%b': 'mes en letras', '%B': 'mes en letras', '%H': 'hora', '%M': 'minutos', '%S': 'segundos' },
	en: { '%d': 'day', '%m': 'month', '%Y': 'year', '%y': 'year (2 digits)', '%b': 'month name', '%B': 'month name', '%H': 'hour', '%M': 'minutes', '%S': 'seconds' }
};

/**
 * A format the ingest read (report.formats: `decimal ','`, `decimal '.', in %`, `%d/%m/%Y`,
 * `unreadable`) in words: `coma decimal`, `punto decimal, en %`, `día/mes/año`.
 */
export function formatInWords(format: string, lang: Lang): string {
	const decimal = /^decimal '(.)'(, in %)?$/.exec(format);
	if (decimal) {
		const mark = decimal[1] === ',' ? (lang === 'es' ? 'coma decimal' : 'decimal comma') : lang === 'es' ? 'punto decimal' : 'decimal point';
		return decimal[2] ? `${mark}, ${lang === 'es' ? 'en %' : 'in %'}` : mark;
	}
	if (format === 'unreadable') return lang === 'es' ? 'ilegible' : 'unreadable';
	if (!format.includes('%')) return format;
	// `%Y%m%d` (SAP) has no separators: a space keeps the words apart.
	return format.replace(/(%[a-zA-Z])(?=%)/g, '$1 ').replace(/%[a-zA-Z]/g, (part) => DATE_PARTS[lang][part] ?? part);
}
