// The canonical entities an export can fill, their columns, and the header synonyms
// (Spanish and English, UI labels and API field names; ../shared/reference/kpi-and-exports.md §5).
// Synonyms are compared by what they say (recognise/header-terms.ts: case, accents, abbreviations,
// currency suffixes and word order do not matter); for each column the earliest synonym found wins.

import { KINDS, type Kind } from '../../file-vocabulary';
export { KINDS, type Kind }; // plain lists the upload page reads too (src/lib/file-vocabulary.ts)

export type ColumnType =
	| 'id' // text key, trimmed, "17850.0" → "17850"
	| 'text'
	| 'money' // DECIMAL(18,4)
	| 'decimal'
	| 'integer'
	| 'rate' // 0–1, "25 %" or 25 → 0.25
	| 'date'
	| 'month'
	| 'outcome' // vocabularies, see vocabularies.ts
	| 'quote_status'
	| 'doc_type'
	| 'doc_status' // posted | draft | cancelled
	| 'flag' // yes | no (SAP's CANCELED = Y)
	| 'opportunity_kind'
	| 'decision' // go | no_go | pending
	| 'target_scope'; // total | account_manager | product_line | region | business_unit

export interface ColumnSpec {
	name: string;
	type: ColumnType;
	/** The header must be present for the file to be of this kind. */
	required?: boolean;
	/** A required header may be replaced by any one of these sets of columns (amount ← quantity × unit price, or ← the gross total). */
	requiredUnless?: string[][];
	/** Every row needs a value (keys, dates, amounts). */
	notNull?: boolean;
	/** Read from the file but not stored as such (unit price, discount, attributes fed elsewhere). */
	auxiliary?: boolean;
	/**
	 * Headers that fill this column only in this kind's context, tried after the synonyms:
	 * "Código" is the product code in a products file and the client code in a clients file.
	 */
	generic?: string[];
	/** Headers tried last: a tax id stands in for the client code only when the export has no code. */
	lastResort?: string[];
	/** Flat sales exports: this column fills a column of another entity (Customer Name → clients.name). */
	feeds?: { kind: 'clients' | 'products'; column: string };
	/** Invoices split in two files: the document's columns (header) or the line's (item); both when absent. */
	part?: 'header' | 'item';
	synonyms: string[];
}

export interface KindSpec {
	kind: Kind;
	table: string;
	key: string[];
	columns: ColumnSpec[];
	/** Spanish name shown in messages, e.g. "facturas". */
	label: string;
	/** One of the two files of an invoice export split in documents and lines. */
	part?: 'header' | 'item';
	/**
	 * [key, name, direction]: one column serving as both. 'key-is-name': a key without a name
	 * column names the entity too (Maven's products "product"); 'name-is-key': a name without a key
	 * column identifies it (Maven's accounts "account", the name the pipeline refers to).
	 */
	keyOrName?: [string, string, 'key-is-name' | 'name-is-key'];
	/**
	 * The column a load writes its new rows in order of (merge.ts). DuckDB keeps each column's least
	 * and greatest value per row group and skips the groups a filter rules out: lines stored in date
	 * order let a scan of a period (activation's windows, a status within a product line) read only
	 * that period's groups, however the file was ordered (docs/speed.md).
	 */
	storedOrder?: string;
}

const CLIENT_REF = [
	'client id', 'customer id', 'customerid', 'account id', 'codigo cliente', 'codigo de cliente', 'cod cliente',
	'id cliente', 'id de cliente', 'cliente id', 'customer code', 'client code', 'cardcode', 'bp code', 'numero de cliente',
	'no cliente', 'customer unique id', 'id tercero', 'customer', 'client', 'account', 'partner', 'cliente'
];
/** Tax ids: a client key only when the export has no code of its own (they change less, but match nothing loaded). */
const TAX_IDS = [
	'nit', 'nif', 'cif', 'rut', 'ruc', 'cuit', 'rfc', 'dni', 'cedula', 'tax id', 'vat number', 'vat id', 'vat no', 'ein', 'tax number',
	'nit cliente', 'nif cliente', 'cif cliente', 'rut cliente', 'ruc cliente', 'cuit cliente', 'rfc cliente', 'nif cif',
	'identificacion', 'identificacion fiscal', 'numero de identificacion', 'numero de identificacion fiscal', 'documento de identidad', 'customer tax id'
];
/** What a generic number or code header means in a register or a document list. */
const GENERIC_KEY = ['codigo', 'identificador', 'numero', 'referencia'];
const CLIENT_NAME = [
	'customer name', 'customername', 'client name', 'nombre cliente', 'nombre del cliente', 'razon social', 'nombre de compania'
];
const PRODUCT_REF = [
	'product id', 'product code', 'productcode', 'item code', 'itemcode', 'sku', 'stock code', 'stockcode',
	'codigo producto', 'codigo de producto', 'cod producto', 'id producto', 'id de producto', 'codigo articulo', 'codigo de articulo',
	'referencia', 'product', 'producto', 'articulo'
];
const PRODUCT_LINE = [
	'product line', 'productline', 'linea de producto', 'linea producto', 'linea', 'familia', 'family', 'item group', 'itmsgrpnam',
	'grupo de articulos', 'grupo de articulo', 'categoria de producto',
	'category', 'categoria', 'product category', 'series', 'grupo', 'rubro'
];
const OWNER = [
	'account manager', 'account owner', 'owner', 'opportunity owner', 'deal owner', 'company owner', 'salesperson',
	'sales rep', 'sales agent', 'sales person', 'agente', 'agente comercial', 'ejecutivo de cuenta', 'ejecutivo comercial', 'ejecutivo', 'comercial', 'vendedor',
	'responsable', 'propietario', 'asesor comercial', 'asesor', 'gestor', 'asignado a'
];

export const KIND_SPECS: Record<Kind, KindSpec> = {
	clients: {
		kind: 'clients',
		table: 'clients',
		label: 'clientes',
		key: ['client_id'],
		keyOrName: ['client_id', 'name', 'name-is-key'],
		columns: [
			{ name: 'client_id', type: 'id', required: true, notNull: true, synonyms: CLIENT_REF.filter((s) => !['cliente', 'customer', 'client', 'account', 'partner'].includes(s)),
				generic: [...GENERIC_KEY, 'cuenta', 'account number'], lastResort: TAX_IDS },
			{ name: 'name', type: 'text', required: true, synonyms: [
				'name', 'account name', 'company name', 'customer name', 'client name', 'cardname', 'razon social', 'nombre fiscal',
				'nombre legal', 'legal name', 'display name', 'customer display name', 'nombre comercial', 'trade name',
				'nombre', 'nombre del tercero', 'nombre cliente', 'nombre del cliente', 'nombre de compania', 'nombre del contacto',
				'cliente', 'empresa', 'company', 'account', 'customer'] },
			{ name: 'client_type', type: 'text', synonyms: [
				'client type', 'customer type', 'account type', 'tipo de cliente', 'tipo cliente', 'tipo de tercero',
				'tipo', 'type', 'segment', 'segmento', 'customer segment', 'canal', 'channel'] },
			{ name: 'size', type: 'text', synonyms: ['size', 'company size', 'tamano', 'tamano de empresa', 'tamano empresa', 'dimension empresa'] },
			{ name: 'sector', type: 'text', synonyms: ['sector', 'industry', 'industria', 'giro', 'actividad economica', 'rubro', 'sector economico'] },
			{ name: 'legal_form', type: 'text', synonyms: ['legal form', 'ownership', 'forma juridica', 'tipo de sociedad', 'tipo societario', 'persona fisica moral'] },
			{ name: 'region', type: 'text', synonyms: [
				'region', 'territory', 'territorio', 'zona', 'departamento', 'provincia', 'billing state province',
				'billing state', 'state', 'state region', 'customer state', 'office location', 'ciudad', 'city', 'poblacion', 'country', 'pais'] },
			{ name: 'crm_status', type: 'text', synonyms: [
				'crm status', 'estado crm', 'status', 'estado', 'estado del cliente', 'lifecycle stage',
				'etapa del ciclo de vida', 'situacion', 'active', 'activo'] },
			{ name: 'account_manager', type: 'text', synonyms: OWNER },
			{ name: 'created_at', type: 'date', synonyms: [
				'created at', 'created date', 'create date', 'createdate', 'date created', 'fecha de alta', 'fecha alta',
				'fecha de creacion', 'fecha creacion', 'fecha de registro', 'cliente desde', 'prospect since', 'alta'] },
			// Its expected yearly purchase from us (prospect size, "tamaño de prospecto $$/año"); not the
			// client's own turnover ('annual revenue', 'facturación anual' stay signals of the kind only).
			{ name: 'potential_amount', type: 'money', synonyms: [
				'potencial', 'potencial anual', 'potencial de compra', 'facturacion anual estimada', 'compra anual estimada',
				'annual potential', 'estimated annual revenue', 'potential', 'sales potential'] }
		]
	},
	products: {
		kind: 'products',
		table: 'products',
		label: 'productos',
		key: ['product_id'],
		keyOrName: ['product_id', 'name', 'key-is-name'],
		columns: [
			{ name: 'product_id', type: 'id', required: true, notNull: true, synonyms: [...PRODUCT_REF, 'referencia interna', 'internal reference', 'default code', 'codigo interno'],
				generic: GENERIC_KEY },
			{ name: 'name', type: 'text', required: true, synonyms: [
				'product name', 'name', 'description', 'descripcion', 'nombre', 'nombre producto', 'nombre de producto', 'nombre del producto',
				'item name', 'dscription', 'concepto', 'detalle', 'product service name', 'producto servicio', 'itemname'] },
			{ name: 'product_line', type: 'text', synonyms: PRODUCT_LINE },
			{ name: 'business_unit', type: 'text', synonyms: ['business unit', 'unidad de negocio', 'unidad negocio', 'division', 'area de negocio', 'area'] }
		]
	},
	invoices: {
		kind: 'invoices',
		table: 'invoice_lines',
		label: 'facturas',
		key: ['invoice_id', 'line_no'],
		storedOrder: 'invoice_date',
		columns: [
			{ name: 'invoice_id', type: 'id', required: true, notNull: true, synonyms: [
				'invoice id', 'invoice number', 'invoice no', 'invoiceno', 'invoicenumber', 'invoice', 'docnum', 'docentry',
				'numero de factura', 'numero factura', 'no factura', 'n factura', 'nro factura', 'num factura', 'factura',
				'ref fac', 'comprobante', 'numero de comprobante', 'folio', 'numero documento', 'documento',
				'order id', 'order number', 'ordernumber', 'numero de pedido', 'id de pedido', 'id pedido', 'pedido'], generic: [...GENERIC_KEY, 'serie numero'] },
			{ name: 'line_no', type: 'integer', part: 'item', synonyms: [
				'line no', 'line number', 'line', 'orderlinenumber', 'order item id', 'linea', 'no linea', 'nro linea',
				'numero de linea', 'item no', 'posicion'] },
			{ name: 'invoice_date', type: 'date', required: true, notNull: true, part: 'header', synonyms: [
				'invoice date', 'invoicedate', 'docdate', 'posting date', 'date', 'fecha', 'fecha factura', 'fecha de factura',
				'fecha de emision', 'fecha emision', 'fecha documento', 'fecha creacion', 'order date', 'orderdate',
				'fecha de pedido', 'fecha pedido', 'order purchase timestamp'], generic: ['creacion', 'emision', 'fecha de creacion'] },
			// Flat exports without a client code identify the client by name (Kaggle CUSTOMERNAME).
			{ name: 'client_id', type: 'id', required: true, part: 'header', synonyms: [...CLIENT_REF, 'sell to customer no', 'bill to customer no', ...CLIENT_NAME,
				'contact name', 'contactname'], lastResort: TAX_IDS },
			{ name: 'product_id', type: 'id', part: 'item', synonyms: [...PRODUCT_REF, 'sub category', 'subcategoria'] },
			{ name: 'quantity', type: 'decimal', part: 'item', synonyms: ['quantity', 'qty', 'quantityordered', 'cantidad', 'unidades', 'cant', 'units'] },
			{ name: 'unit_price', type: 'money', auxiliary: true, part: 'item', synonyms: [
				'unit price', 'unitprice', 'price unit', 'priceeach', 'unitamount', 'price', 'precio unitario', 'precio unidad',
				'precio por unidad', 'precio'] },
			{ name: 'discount', type: 'rate', auxiliary: true, part: 'item', synonyms: ['discount', 'descuento', 'dto'] },
			// Net of tax (DESIGN.md §2): without a net column, the gross total less the tax, or the gross total as it is (derive.ts).
			{ name: 'amount', type: 'money', required: true, requiredUnless: [['quantity', 'unit_price'], ['gross_amount']], part: 'item', synonyms: [
				// Headers that say net first (a line's own, "Base imponible línea", before the document's), then plain amounts.
				'net amount', 'importe neto', 'base imponible', 'item total', 'item amount', 'subtotal', 'price subtotal', 'untaxed amount', 'amount untaxed', 'importe sin iva',
				'total sin iva', 'monto neto', 'valor neto', 'total neto', 'subtotal neto', 'sub total', 'linetotal', 'lineamount', 'line total',
				'importe linea', 'amount', 'importe', 'sales', 'net', 'neto', 'monto', 'valor', 'venta', 'ventas', 'base'] },
			// The total with tax included, read for the amount only when the export has no net one.
			{ name: 'gross_amount', type: 'money', auxiliary: true, part: 'item', synonyms: [
				'total', 'importe total', 'amount total', 'total amount', 'total factura', 'total con iva', 'total iva incluido', 'monto total',
				'valor total', 'gross', 'gross amount', 'doctotal', 'total a pagar', 'price total', 'total bruto', 'importe bruto',
				'amount including vat', 'amount including tax', 'amount incl vat', 'total incl tax'] },
			{ name: 'tax', type: 'money', part: 'item', synonyms: [
				'tax', 'taxes', 'tax amount', 'tax total', 'taxtotal', 'total tax', 'vat', 'vat amount', 'iva', 'importe iva', 'cuota iva', 'monto iva',
				'total iva', 'impuesto', 'impuestos', 'total impuestos', 'amount tax', 'vatsum', 'igv', 'itbis'] },
			{ name: 'currency', type: 'text', part: 'header', synonyms: ['currency', 'currency code', 'doccur', 'moneda', 'divisa'] },
			{ name: 'doc_type', type: 'doc_type', part: 'header', synonyms: [
				'doc type', 'document type', 'move type', 'tipo documento', 'tipo de documento', 'tipo doc',
				'tipo comprobante', 'tipo de comprobante', 'clase de documento', 'type', 'tipo'] },
			// Drafts and cancelled documents are stored but count in no figure; no status column: posted.
			{ name: 'doc_status', type: 'doc_status', part: 'header', synonyms: [
				'doc status', 'document status', 'invoice status', 'estado factura', 'estado de factura', 'estado de la factura',
				'estado del documento', 'estado documento', 'status', 'estado'] },
			// SAP Business One's CANCELED (Y/N) and the like: yes means the document was cancelled.
			{ name: 'cancelled_flag', type: 'flag', auxiliary: true, part: 'header', synonyms: [
				'canceled', 'cancelled', 'is canceled', 'is cancelled', 'cancelado', 'cancelada', 'anulado', 'anulada', 'voided'] },
			// Attributes of the client and the product that flat sales exports carry on every line.
			{ name: 'client_name', type: 'text', auxiliary: true, part: 'header', feeds: { kind: 'clients', column: 'name' }, synonyms: CLIENT_NAME },
			{ name: 'client_type', type: 'text', auxiliary: true, part: 'header', feeds: { kind: 'clients', column: 'client_type' }, synonyms: [
				'client type', 'customer type', 'segment', 'customer segment', 'tipo de cliente', 'tipo cliente', 'segmento'] },
			{ name: 'client_region', type: 'text', auxiliary: true, part: 'header', feeds: { kind: 'clients', column: 'region' }, synonyms: [
				'region', 'territory', 'territorio', 'state', 'customer state', 'provincia', 'departamento', 'country', 'pais', 'city', 'ciudad'] },
			{ name: 'client_sector', type: 'text', auxiliary: true, part: 'header', feeds: { kind: 'clients', column: 'sector' }, synonyms: ['sector', 'industry', 'industria', 'rubro'] },
			{ name: 'account_manager', type: 'text', auxiliary: true, part: 'header', feeds: { kind: 'clients', column: 'account_manager' }, synonyms: [
				'account manager', 'account owner', 'salesperson', 'sales rep', 'ejecutivo de cuenta', 'ejecutivo', 'vendedor', 'comercial'] },
			{ name: 'product_name', type: 'text', auxiliary: true, part: 'item', feeds: { kind: 'products', column: 'name' }, synonyms: [
				'product name', 'productname', 'item name', 'description', 'descripcion', 'nombre producto', 'nombre de producto', 'dscription'] },
			{ name: 'product_line', type: 'text', auxiliary: true, part: 'item', feeds: { kind: 'products', column: 'product_line' }, synonyms: [
				'product line', 'productline', 'linea de producto', 'linea producto', 'category', 'categoria', 'product category', 'familia'] },
			{ name: 'business_unit', type: 'text', auxiliary: true, part: 'item', feeds: { kind: 'products', column: 'business_unit' }, synonyms: [
				'business unit', 'unidad de negocio'] }
		]
	},
	opportunities: {
		kind: 'opportunities',
		table: 'opportunities',
		label: 'oportunidades',
		key: ['opportunity_id'],
		columns: [
			{ name: 'opportunity_id', type: 'id', required: true, notNull: true, synonyms: [
				'opportunity id', 'deal id', 'lead id', 'id oportunidad', 'oportunidad id', 'codigo oportunidad',
				'id negocio', 'id de oportunidad', 'opportunity', 'oportunidad'], generic: GENERIC_KEY,
				// Reports without ids (Salesforce's opportunity report) name each opportunity.
				lastResort: ['opportunity name', 'nombre de oportunidad', 'deal name', 'deal title', 'nombre del negocio', 'titulo del negocio', 'negocio', 'deal', 'titulo', 'title', 'asunto'] },
			{ name: 'client_id', type: 'id', synonyms: [...CLIENT_REF, 'cuenta', 'empresa', 'associated company', 'account name', 'nombre de cuenta',
				'company', 'company name', 'organization', 'organization name', 'organizacion', 'razon social', 'nombre cliente', 'customer name',
				'potential customer', 'deal organization', 'cliente potencial'],
				lastResort: TAX_IDS },
			{ name: 'kind', type: 'opportunity_kind', synonyms: ['kind', 'record type', 'opportunity type', 'tipo de registro', 'tipo', 'type'] },
			{ name: 'stage', type: 'text', synonyms: ['stage', 'stagename', 'deal stage', 'dealstage', 'etapa', 'fase', 'fase de venta', 'etapa del negocio', 'estado'] },
			{ name: 'product_line', type: 'text', synonyms: [...PRODUCT_LINE, 'product', 'producto'] },
			{ name: 'owner', type: 'text', synonyms: OWNER },
			{ name: 'created_at', type: 'date', required: true, notNull: true, synonyms: [
				'created at', 'created date', 'createdate', 'create date', 'engage date', 'fecha de creacion',
				'fecha creacion', 'fecha de alta', 'fecha alta', 'deal created', 'deal created on', 'created on', 'add time', 'creado el',
				'fecha de entrada', 'fecha de registro', 'fecha'] },
			{ name: 'expected_close_at', type: 'date', synonyms: [
				'expected close date', 'expected close', 'fecha estimada de cierre', 'fecha esperada de cierre',
				'fecha prevista de cierre', 'fecha prevista de venta', 'cierre estimado'] },
			{ name: 'closed_at', type: 'date', synonyms: ['closed at', 'closed date', 'close date', 'closedate', 'date closed', 'fecha de cierre', 'fecha cierre'] },
			{ name: 'amount', type: 'money', synonyms: ['amount', 'close value', 'deal value', 'ingreso esperado', 'valor del negocio', 'expected revenue', 'value', 'importe', 'importe total', 'monto', 'valor', 'valor estimado'] },
			{ name: 'probability', type: 'rate', synonyms: ['probability', 'probabilidad', 'probabilidad de venta'] },
			// Without an outcome column the outcome is read from the stage (Closed Won, Ganada…).
			{ name: 'outcome', type: 'outcome', required: true, requiredUnless: [['stage']], synonyms: ['outcome', 'result', 'resultado', 'estado final', 'status', 'won'] },
			// The outcome as written, kept when the vocabulary does not know it (outcome is then NULL).
			{ name: 'outcome_source', type: 'text', synonyms: [] },
			// Odoo archives the leads it lost: Activo = False.
			{ name: 'active_flag', type: 'flag', auxiliary: true, synonyms: ['active', 'activo', 'activa', 'is active'] },
			{ name: 'lost_reason', type: 'text', synonyms: ['lost reason', 'deal lost reason', 'loss reason', 'motivo de perdida', 'motivo perdida', 'razon de perdida', 'causa de perdida'] },
			// The go / no-go decision after qualification and its justification (DESIGN.md §2).
			{ name: 'decision', type: 'decision', synonyms: ['decision', 'go no go', 'decision go no go', 'bid decision', 'bid no bid', 'go nogo', 'decision de ofertar', 'ofertar'] },
			{ name: 'decision_reason', type: 'text', synonyms: [
				'decision reason', 'no go reason', 'reason for decision', 'motivo no go', 'motivo de no go', 'razon no go', 'justificacion',
				'justificacion no go', 'justificacion de la decision', 'motivo de la decision', 'motivo decision', 'razon de la decision'] },
			// The export's last change, for the days since the last change (stale opportunities).
			{ name: 'last_change_at', type: 'date', synonyms: [
				'last modified', 'last modified date', 'last modified on', 'modified date', 'modified on', 'date modified', 'last updated', 'updated at',
				'last update', 'ultima modificacion', 'fecha de ultima modificacion', 'fecha ultima modificacion', 'fecha de modificacion',
				'fecha modificacion', 'fecha de actualizacion', 'fecha actualizacion', 'ultima actualizacion', 'modificado el', 'actualizado el'] }
		]
	},
	quotes: {
		kind: 'quotes',
		table: 'quotes',
		label: 'presupuestos',
		key: ['quote_id'],
		columns: [
			{ name: 'quote_id', type: 'id', required: true, notNull: true, synonyms: [
				'quote id', 'quote number', 'quote no', 'quotation', 'quote', 'order reference', 'no presupuesto',
				'numero de presupuesto', 'nro presupuesto', 'ref presupuesto', 'id presupuesto', 'presupuesto',
				'no cotizacion', 'numero de cotizacion', 'nro cotizacion', 'id cotizacion', 'cotizacion', 'quote name', 'estimate number', 'estimate'],
				generic: GENERIC_KEY },
			{ name: 'client_id', type: 'id', synonyms: [...CLIENT_REF, 'tercero', ...CLIENT_NAME], lastResort: TAX_IDS },
			{ name: 'issued_at', type: 'date', required: true, notNull: true, synonyms: [
				'issued at', 'issue date', 'quote date', 'estimate date', 'date order', 'order date', 'fecha presupuesto',
				'fecha de presupuesto', 'fecha cotizacion', 'fecha de cotizacion', 'fecha de emision', 'fecha emision', 'fecha', 'date',
				'fecha de creacion', 'creation date', 'created on', 'created date'] },
			// Net of tax first, as invoices: the base, then a plain amount, then a total.
			{ name: 'amount', type: 'money', required: true, notNull: true, synonyms: [
				'untaxed amount', 'amount untaxed', 'importe sin iva', 'base imponible', 'importe base imponible', 'subtotal', 'importe neto',
				'net amount', 'amount', 'importe', 'monto', 'valor', 'total'] },
			{ name: 'status', type: 'quote_status', required: true, notNull: true, synonyms: [
				'status', 'state', 'estado', 'statut', 'situacion', 'estimate status', 'quote status', 'estado del presupuesto', 'estado de la cotizacion'] },
			{ name: 'status_source', type: 'text', synonyms: [] },
			{ name: 'decided_at', type: 'date', synonyms: [
				'decided at', 'decision date', 'fecha de decision', 'fecha decision', 'fecha de aceptacion',
				'fecha de cierre', 'fecha cierre', 'date closed'] },
			{ name: 'opportunity_id', type: 'id', synonyms: ['opportunity id', 'id oportunidad', 'deal id', 'opportunity', 'oportunidad'] },
			{ name: 'product_line', type: 'text', synonyms: PRODUCT_LINE },
			// Until when the quote holds; a sent quote past it is pending past its validity.
			{ name: 'valid_until', type: 'date', synonyms: [
				'valid until', 'expiration date', 'expiry date', 'expiration', 'valid till', 'validity date', 'open until', 'validez',
				'vigencia', 'valida hasta', 'valido hasta', 'fecha de validez', 'fecha de vigencia', 'vigente hasta', 'fecha de expiracion',
				'fecha expiracion', 'fecha de caducidad', 'fin de validez'] }
		]
	},
	forecasts: {
		kind: 'forecasts',
		table: 'forecasts',
		label: 'pronósticos',
		key: ['month', 'dimension', 'value'],
		columns: [
			{ name: 'month', type: 'month', required: true, notNull: true, synonyms: [
				'month', 'period', 'mes', 'periodo', 'month of order date', 'mes de venta', 'fecha', 'date'] },
			{ name: 'dimension', type: 'text', synonyms: ['dimension'] },
			{ name: 'value', type: 'text', synonyms: ['segment', 'segmento', 'segment value', 'valor del segmento'] },
			{ name: 'forecast_amount', type: 'money', required: true, notNull: true, synonyms: [
				// "Meta" and "Objetivo" are goals (kind targets); an English "Target" may be either.
				'forecast', 'forecast amount', 'target', 'sales target', 'budget', 'pronostico', 'pronostico de ventas',
				'proyeccion', 'venta proyectada', 'monto pronosticado'] },
			// A forecast per segment: the column names the dimension (Kaggle's "Sales target" by Category).
			{ name: 'segment_product_line', type: 'text', auxiliary: true, synonyms: PRODUCT_LINE },
			{ name: 'segment_region', type: 'text', auxiliary: true, synonyms: ['region', 'territory', 'territorio', 'departamento', 'provincia'] },
			{ name: 'segment_client_type', type: 'text', auxiliary: true, synonyms: ['client type', 'customer type', 'tipo de cliente', 'segment type'] },
			{ name: 'segment_account_manager', type: 'text', auxiliary: true, synonyms: ['account manager', 'ejecutivo de cuenta', 'ejecutivo', 'vendedor', 'salesperson'] }
		]
	},
	// Goals (metas, DESIGN.md §2, issue 16): a month, a scope (the portfolio, or one account
	// manager, product line, region or business unit) and its revenue goal, with optional counts.
	targets: {
		kind: 'targets',
		table: 'targets',
		label: 'metas',
		key: ['month', 'dimension', 'value'],
		columns: [
			{ name: 'month', type: 'month', required: true, notNull: true, synonyms: [
				'month', 'period', 'mes', 'periodo', 'mes de la meta', 'goal month', 'fecha', 'date'] },
			// The long form names the scope in a column ("Ámbito": Ejecutivo, Línea, Total…) and its value in another.
			{ name: 'dimension', type: 'target_scope', synonyms: ['scope', 'ambito', 'alcance', 'dimension', 'nivel', 'tipo de meta', 'goal scope'] },
			{ name: 'value', type: 'text', synonyms: ['value', 'valor', 'scope value', 'valor del ambito', 'segment', 'segmento'] },
			{ name: 'revenue_target', type: 'money', required: true, notNull: true, synonyms: [
				'revenue target', 'sales target', 'revenue goal', 'sales goal', 'goal', 'target', 'quota', 'sales quota',
				'meta', 'meta de ventas', 'meta de facturacion', 'meta de ingresos', 'meta mensual', 'meta de venta', 'objetivo',
				'objetivo de ventas', 'objetivo de facturacion', 'objetivo mensual', 'cuota', 'cuota de ventas', 'importe meta', 'monto meta'] },
			{ name: 'new_clients_target', type: 'integer', synonyms: [
				'new clients target', 'new customers target', 'new clients goal', 'new clients', 'new customers', 'meta de clientes nuevos',
				'meta clientes nuevos', 'meta de nuevos clientes', 'objetivo de clientes nuevos', 'clientes nuevos', 'nuevos clientes'] },
			{ name: 'activated_target', type: 'integer', synonyms: [
				'activated target', 'activated clients target', 'activations target', 'activated clients', 'activations',
				'meta de clientes activados', 'meta clientes activados', 'meta de activacion', 'meta de activaciones', 'objetivo de activacion',
				'clientes activados', 'activaciones'] },
			{ name: 'quotes_target', type: 'integer', synonyms: [
				'quotes target', 'quotes goal', 'quotes', 'meta de presupuestos', 'meta presupuestos', 'meta de cotizaciones',
				'objetivo de presupuestos', 'objetivo de cotizaciones', 'presupuestos', 'cotizaciones'] },
			// The short form: the scope's column names the dimension (Ejecutivo, Línea, Región, Unidad de negocio).
			{ name: 'segment_account_manager', type: 'text', auxiliary: true, synonyms: [
				'account manager', 'account owner', 'salesperson', 'sales rep', 'owner', 'ejecutivo', 'ejecutivo de cuenta', 'ejecutivo comercial',
				'vendedor', 'comercial', 'asesor', 'asesor comercial', 'agente', 'agente comercial', 'responsable'] },
			{ name: 'segment_product_line', type: 'text', auxiliary: true, synonyms: [
				'product line', 'productline', 'linea', 'linea de producto', 'linea producto', 'familia', 'categoria', 'category'] },
			{ name: 'segment_region', type: 'text', auxiliary: true, synonyms: ['region', 'zona', 'territorio', 'territory'] },
			{ name: 'segment_business_unit', type: 'text', auxiliary: true, synonyms: ['business unit', 'unidad de negocio', 'unidad negocio', 'division'] }
		]
	}
};

/** Columns stored in the entity's table, in table order (auxiliary inputs left out). */
export function storedColumns(spec: KindSpec): ColumnSpec[] {
	return spec.columns.filter((c) => !c.auxiliary);
}

/**
 * One of the two files of an invoice export split in documents (number, date, client) and lines
 * (number, product, quantity, price, amount), as ERPs and the Spanish Northwind export write them.
 */
export function invoicePartSpec(part: 'header' | 'item'): KindSpec {
	const spec = KIND_SPECS.invoices;
	return { ...spec, part, columns: spec.columns.filter((c) => !c.part || c.part === part) };
}
