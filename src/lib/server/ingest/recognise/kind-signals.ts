// Headers a kind's exports carry that the model does not store, and the words their file names
// use: evidence of the kind all the same. A clients export has e-mail, phone and address; a
// products export has price, cost and stock; an invoice list has a due date and what is paid; a
// quote has its validity. A file called "presupuestos.csv" is probably quotes.
import type { Kind } from '../kinds';
import { headerKey } from './header-terms';

const HEADERS: Record<Kind, string[]> = {
	clients: [
		'email', 'e mail', 'correo', 'correo electronico', 'telefono', 'phone', 'phone number', 'movil', 'mobile', 'direccion', 'domicilio',
		'address', 'billing address', 'billing street', 'website', 'web', 'sitio web', 'company domain name', 'forma de pago', 'payment terms',
		'condiciones de pago', 'codigo postal', 'zip', 'postal code', 'contacto', 'contact', 'persona de contacto', 'full name', 'etiquetas',
		'tags', 'alias', 'nombre comercial', 'limite de credito', 'credit limit', 'number of employees', 'numero de empleados', 'annual revenue',
		'facturacion anual', 'cuenta contable', 'iban', 'fax', 'cliente desde'
	],
	products: [
		'precio', 'price', 'precio de venta', 'sales price', 'sale price', 'list price', 'sales price rate', 'pvp', 'coste', 'cost', 'costo',
		'purchase cost', 'costo unitario', 'stock', 'existencias', 'on hand', 'onhand', 'quantity on hand', 'unidad de medida', 'uom',
		'unit of measure', 'barcode', 'codigo de barras', 'ean', 'peso', 'weight', 'impuesto', 'tax', 'income account', 'avgprice',
		'sellitem', 'invntitem', 'tipo de producto', 'product type', 'marca', 'brand'
	],
	invoices: [
		'vencimiento', 'fecha de vencimiento', 'due date', 'duedate', 'pagado', 'paid', 'amount paid', 'por pagar', 'por cobrar',
		'pendiente', 'saldo', 'balance', 'amount due', 'importe pendiente', 'forma de pago', 'metodo de pago', 'payment method', 'serie',
		'cae', 'cufe', 'uuid', 'folio fiscal', 'timbre'
	],
	opportunities: [
		'lead source', 'origen', 'fuente', 'source', 'next step', 'proximo paso', 'proxima actividad', 'next activity', 'pipeline',
		'embudo', 'competidor', 'competitor', 'weighted amount', 'importe ponderado', 'days in stage', 'dias en etapa', 'forecast category',
		'expected revenue', 'lost reason'
	],
	quotes: [
		'fecha fin validez', 'valido hasta', 'validez', 'valid until', 'expiry date', 'expiration date', 'fecha de expiracion',
		'fecha de vencimiento de la oferta', 'validity date', 'ref cliente', 'referencia cliente', 'customer reference',
		// What a quote carries as an invoice does, but does not store: its tax, its total, its client's name, its text.
		'iva', 'impuesto', 'importe iva', 'tax', 'total', 'importe total', 'total con iva', 'cliente', 'customer name', 'tercero',
		'descripcion', 'concepto', 'sales person', 'vendedor', 'comercial'
	],
	forecasts: ['objetivo', 'meta', 'target', 'budget', 'real', 'actual', 'desviacion', 'variance'],
	targets: ['real', 'actual', 'cumplimiento', 'porcentaje de cumplimiento', 'attainment', 'logro', 'avance', 'desviacion', 'variance']
};

const FILE_WORDS: Record<Kind, string[]> = {
	clients: ['cliente', 'clientes', 'customer', 'customers', 'client', 'clients', 'tercero', 'terceros', 'contacto', 'contactos', 'cuentas', 'accounts', 'companies', 'empresas', 'ocrd'],
	products: ['producto', 'productos', 'product', 'products', 'articulo', 'articulos', 'item', 'items', 'catalogo', 'catalog', 'servicios', 'oitm'],
	invoices: ['factura', 'facturas', 'invoice', 'invoices', 'ventas', 'sales', 'venta', 'comprobantes', 'oinv', 'inv1'],
	opportunities: ['oportunidad', 'oportunidades', 'opportunity', 'opportunities', 'deals', 'negocios', 'embudo', 'pipeline', 'leads'],
	quotes: ['presupuesto', 'presupuestos', 'cotizacion', 'cotizaciones', 'quote', 'quotes', 'quotations', 'estimates', 'ofertas', 'proformas'],
	forecasts: ['pronostico', 'pronosticos', 'forecast', 'forecasts', 'budget', 'presupuesto anual', 'proyeccion'],
	targets: ['meta', 'metas', 'target', 'targets', 'objetivo', 'objetivos', 'cuota', 'cuotas', 'quota', 'quotas', 'goal', 'goals']
};

const HEADER_KEYS = new Map<Kind, Set<string>>(Object.entries(HEADERS).map(([k, list]) => [k as Kind, new Set(list.map(headerKey))]));

/** How many of the file's headers left unmapped are typical of the kind. */
export function signalHeaders(kind: Kind, headers: string[], mapped: Set<number>): number {
	const keys = HEADER_KEYS.get(kind)!;
	return headers.filter((h, i) => !mapped.has(i) && h.trim() !== '' && keys.has(headerKey(h))).length;
}

/** Whether the file's name says the kind ("presupuestos_2026.csv", "Customers.xlsx"). */
export function namedKind(kind: Kind, file: string): boolean {
	const words = file
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/\.[a-z0-9]+$/, '')
		.split(/[^a-z0-9]+/);
	return FILE_WORDS[kind].some((w) => words.includes(w));
}
